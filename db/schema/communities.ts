import { sql } from 'drizzle-orm'
import { check, index, integer, numeric, pgTable, smallint, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.js'

/** Places: district → street → community → building → unit → household. */

export const districts = pgTable('districts', {
  id: id(),
  name: text('name').notNull().unique(),
  city: text('city').notNull(),
})

export type District = typeof districts.$inferSelect

export const streets = pgTable(
  'streets',
  {
    id: id(),
    districtId: uuid('district_id')
      .notNull()
      .references(() => districts.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('streets_district_name_uq').on(t.districtId, t.name)],
)

export type Street = typeof streets.$inferSelect

export const communities = pgTable(
  'communities',
  {
    id: id(),
    streetId: uuid('street_id')
      .notNull()
      .references(() => streets.id),
    name: text('name').notNull(),
    /** Two capital letters that prefix public numbers: WA-2026-000123. */
    code: text('code').notNull().unique(),
    /** Days a resident's topic may wait for its written answer before staff are told (议题答复时限). */
    topicAnswerDays: smallint('topic_answer_days').notNull().default(14),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('communities_street_name_uq').on(t.streetId, t.name),
    check('communities_code_format', sql`${t.code} ~ '^[A-Z]{2,4}$'`),
    check('communities_topic_answer_days', sql`${t.topicAnswerDays} between 1 and 90`),
  ],
)

export type Community = typeof communities.$inferSelect

export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    name: text('name').notNull(),
    sortKey: integer('sort_key').notNull().default(0),
  },
  (t) => [
    uniqueIndex('buildings_community_name_uq').on(t.communityId, t.name),
    // Target of composite keys that keep a building in its own community (grid_buildings).
    unique('buildings_community_id_uq').on(t.communityId, t.id),
  ],
)

export type Building = typeof buildings.$inferSelect

export const units = pgTable(
  'units',
  {
    id: id(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    name: text('name').notNull(),
    sortKey: integer('sort_key').notNull().default(0),
  },
  (t) => [uniqueIndex('units_building_name_uq').on(t.buildingId, t.name)],
)

export type Unit = typeof units.$inferSelect

export const households = pgTable(
  'households',
  {
    id: id(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** Denormalised so that per-community counts and checks are one index scan. */
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    room: text('room').notNull(),
    /** Registered floor area in m²: what owner votes weigh (民法典 278). */
    areaM2: numeric('area_m2', { precision: 8, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('households_unit_room_uq').on(t.unitId, t.room),
    index('households_community_idx').on(t.communityId),
    check('households_area_positive', sql`${t.areaM2} > 0`),
  ],
)

export type Household = typeof households.$inferSelect
