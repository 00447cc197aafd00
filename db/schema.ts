import { relations, sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { claimStatuses, householdRelations, roles } from '../domain/roles.js'

const id = () => uuid('id').primaryKey().defaultRandom()
/** Millisecond precision everywhere: what JavaScript dates hold, so keyset cursors round-trip exactly. */
const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow()

export const roleEnum = pgEnum('role', roles)
export const householdRelationEnum = pgEnum('household_relation', householdRelations)
export const claimStatusEnum = pgEnum('claim_status', claimStatuses)

// ── Places: district → street → community → building → unit → household ──────────────────────

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
    districtId: uuid('district_id').notNull().references(() => districts.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('streets_district_name_uq').on(t.districtId, t.name)],
)
export type Street = typeof streets.$inferSelect

export const communities = pgTable(
  'communities',
  {
    id: id(),
    streetId: uuid('street_id').notNull().references(() => streets.id),
    name: text('name').notNull(),
    /** Two capital letters that prefix public numbers: WA-2026-000123. */
    code: text('code').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('communities_street_name_uq').on(t.streetId, t.name),
    check('communities_code_format', sql`${t.code} ~ '^[A-Z]{2,4}$'`),
  ],
)
export type Community = typeof communities.$inferSelect

export const buildings = pgTable(
  'buildings',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => communities.id),
    name: text('name').notNull(),
    sortKey: integer('sort_key').notNull().default(0),
  },
  (t) => [uniqueIndex('buildings_community_name_uq').on(t.communityId, t.name)],
)
export type Building = typeof buildings.$inferSelect

export const units = pgTable(
  'units',
  {
    id: id(),
    buildingId: uuid('building_id').notNull().references(() => buildings.id),
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
    unitId: uuid('unit_id').notNull().references(() => units.id),
    /** Denormalised so that per-community counts and checks are one index scan. */
    communityId: uuid('community_id').notNull().references(() => communities.id),
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

// ── People ─────────────────────────────────────────────────────────────────────────────────────

export const users = pgTable(
  'users',
  {
    id: id(),
    /** WeChat openid for this mini-program; null for seeded demo users until they sign in by WeChat. */
    openid: text('openid').unique(),
    unionid: text('unionid'),
    nickname: text('nickname').notNull(),
    avatarUrl: text('avatar_url'),
    /** Optional (个人信息保护法: collect the minimum); never returned unmasked. */
    phone: text('phone'),
    /** Marks seeded demo accounts: the only ones the dev login offers. */
    demoNote: text('demo_note'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [check('users_phone_format', sql`${t.phone} is null or ${t.phone} ~ '^1[3-9][0-9]{9}$'`)],
)
export type User = typeof users.$inferSelect

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id').notNull().references(() => communities.id),
    role: roleEnum('role').notNull(),
    /** For partners: 物业公司, 业委会, a street department. */
    orgName: text('org_name'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_user_community_role_uq').on(t.userId, t.communityId, t.role),
    index('memberships_community_role_idx').on(t.communityId, t.role),
    check('memberships_partner_has_org', sql`${t.role} <> 'partner' or ${t.orgName} is not null`),
  ],
)
export type Membership = typeof memberships.$inferSelect

export const residencyClaims = pgTable(
  'residency_claims',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id').notNull().references(() => households.id),
    communityId: uuid('community_id').notNull().references(() => communities.id),
    relation: householdRelationEnum('relation').notNull(),
    status: claimStatusEnum('status').notNull().default('pending'),
    reason: text('reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    // One open claim per person and household: a retry or a second tap cannot file two.
    uniqueIndex('residency_claims_open_uq')
      .on(t.userId, t.householdId)
      .where(sql`${t.status} in ('pending', 'verified')`),
    // The staff queue: pending claims of a community, oldest first (keyset on created_at, id).
    index('residency_claims_queue_idx').on(t.communityId, t.status, t.createdAt, t.id),
    index('residency_claims_user_idx').on(t.userId, t.createdAt),
    check('residency_claims_rejection_has_reason', sql`${t.status} <> 'rejected' or ${t.reason} is not null`),
    check(
      'residency_claims_review_recorded',
      sql`${t.status} not in ('verified', 'rejected') or ${t.reviewedAt} is not null`,
    ),
  ],
)
export type ResidencyClaim = typeof residencyClaims.$inferSelect

// ── Relations (for drizzle's relational queries) ───────────────────────────────────────────────

export const streetsRelations = relations(streets, ({ one, many }) => ({
  district: one(districts, { fields: [streets.districtId], references: [districts.id] }),
  communities: many(communities),
}))
export const communitiesRelations = relations(communities, ({ one, many }) => ({
  street: one(streets, { fields: [communities.streetId], references: [streets.id] }),
  buildings: many(buildings),
}))
export const buildingsRelations = relations(buildings, ({ one, many }) => ({
  community: one(communities, { fields: [buildings.communityId], references: [communities.id] }),
  units: many(units),
}))
export const unitsRelations = relations(units, ({ one, many }) => ({
  building: one(buildings, { fields: [units.buildingId], references: [buildings.id] }),
  households: many(households),
}))
export const householdsRelations = relations(households, ({ one }) => ({
  unit: one(units, { fields: [households.unitId], references: [units.id] }),
  community: one(communities, { fields: [households.communityId], references: [communities.id] }),
}))
export const membershipsRelations = relations(memberships, ({ one }) => ({
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
  community: one(communities, { fields: [memberships.communityId], references: [communities.id] }),
}))
export const residencyClaimsRelations = relations(residencyClaims, ({ one }) => ({
  user: one(users, { fields: [residencyClaims.userId], references: [users.id] }),
  household: one(households, { fields: [residencyClaims.householdId], references: [households.id] }),
}))
