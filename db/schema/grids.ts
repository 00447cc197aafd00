import { sql } from 'drizzle-orm'
import { check, foreignKey, index, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type { LimitOverrides } from '../../domain/concerns/milestones.js'
import { createdAt, id, ts } from './columns.js'
import { buildings, communities } from './communities.js'
import { users } from './users.js'

/** Grids (网格): a few buildings of one community and their grid workers; the community's milestone limits. */

export const grids = pgTable(
  'grids',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
    /** A deleted grid keeps its history (concerns and figures name it); its buildings and workers are freed. */
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    uniqueIndex('grids_community_name_uq').on(t.communityId, t.name).where(sql`${t.deletedAt} is null`),
    // Target of the composite keys below: a grid's buildings are in its own community.
    unique('grids_id_community_uq').on(t.id, t.communityId),
    check('grids_name_length', sql`char_length(${t.name}) between 1 and 40`),
  ],
)

export type GridRow = typeof grids.$inferSelect

/** A building is in at most one grid, and only in a grid of its own community. */
export const gridBuildings = pgTable(
  'grid_buildings',
  {
    gridId: uuid('grid_id').notNull(),
    communityId: uuid('community_id').notNull(),
    buildingId: uuid('building_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.gridId, t.buildingId] }),
    uniqueIndex('grid_buildings_building_uq').on(t.buildingId),
    foreignKey({
      columns: [t.gridId, t.communityId],
      foreignColumns: [grids.id, grids.communityId],
      name: 'grid_buildings_grid_fk',
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.communityId, t.buildingId],
      foreignColumns: [buildings.communityId, buildings.id],
      name: 'grid_buildings_building_fk',
    }),
  ],
)

export const gridWorkers = pgTable(
  'grid_workers',
  {
    gridId: uuid('grid_id')
      .notNull()
      .references(() => grids.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.gridId, t.userId] }), index('grid_workers_user_idx').on(t.userId)],
)

/** The community's own milestone limits per category: only what differs from the defaults. */
export const communityLimits = pgTable(
  'community_limits',
  {
    communityId: uuid('community_id')
      .primaryKey()
      .references(() => communities.id),
    overrides: jsonb('overrides').$type<LimitOverrides>().notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [check('community_limits_object', sql`jsonb_typeof(${t.overrides}) = 'object'`)],
)
