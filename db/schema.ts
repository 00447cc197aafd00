import { relations, sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { categoryKeys } from '../domain/concerns/categories.js'
import { concernStatuses } from '../domain/concerns/lifecycle.js'
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

// ── Concerns (诉求) ────────────────────────────────────────────────────────────────────────────

export const concernStatusEnum = pgEnum('concern_status', concernStatuses)
export const concernCategoryEnum = pgEnum('concern_category', categoryKeys)
export const concernVisibilityEnum = pgEnum('concern_visibility', ['public', 'private'])
export const eventActorRoleEnum = pgEnum('event_actor_role', ['author', 'resident', 'staff', 'partner', 'system'])
export const moderationEnum = pgEnum('moderation', ['pending', 'pass', 'flagged', 'rejected'])

const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 })

/** Per community and year, the last public number handed out: one locked row makes them gapless. */
export const concernCounters = pgTable(
  'concern_counters',
  {
    communityId: uuid('community_id').notNull().references(() => communities.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.year] })],
)

export const photos = pgTable(
  'photos',
  {
    id: id(),
    /** sha256 of the stored (re-encoded, EXIF-free) bytes: the storage key. */
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** Where the storage serves it: /api/files/… locally, a Vercel Blob URL in production. */
    url: text('url').notNull(),
    uploadedBy: uuid('uploaded_by').notNull().references(() => users.id, { onDelete: 'cascade' }),
    moderation: moderationEnum('moderation').notNull().default('pending'),
    /** WeChat media_check_async trace id, to match the asynchronous verdict. */
    traceId: text('trace_id'),
    createdAt: createdAt(),
  },
  (t) => [index('photos_sha256_idx').on(t.sha256), uniqueIndex('photos_trace_uq').on(t.traceId)],
)
export type PhotoRow = typeof photos.$inferSelect

export const concerns = pgTable(
  'concerns',
  {
    id: id(),
    communityId: uuid('community_id').notNull().references(() => communities.id),
    publicNo: text('public_no').notNull().unique(),
    authorId: uuid('author_id').notNull().references(() => users.id),
    category: concernCategoryEnum('category').notNull(),
    description: text('description').notNull(),
    householdId: uuid('household_id').references(() => households.id),
    buildingId: uuid('building_id').references(() => buildings.id),
    placeText: text('place_text'),
    latitude: numeric('latitude', { precision: 9, scale: 6, mode: 'number' }),
    longitude: numeric('longitude', { precision: 9, scale: 6, mode: 'number' }),
    visibility: concernVisibilityEnum('visibility').notNull().default('public'),
    anonymous: boolean('anonymous').notNull().default(true),
    status: concernStatusEnum('status').notNull().default('submitted'),
    reopenCount: smallint('reopen_count').notNull().default(0),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    assigneeOrg: text('assignee_org'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => concerns.id),
    cosignCount: integer('cosign_count').notNull().default(0),
    followCount: integer('follow_count').notNull().default(0),
    photoCount: smallint('photo_count').notNull().default(0),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    solved: boolean('solved'),
    // Milestones, stored when they happen so the three rates are index scans, not history replays.
    createdAt: createdAt(),
    acceptedAt: ts('accepted_at'),
    dueAt: ts('due_at'),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    /** Set when the deadline job told the handler it is overdue, so it tells them once. */
    overdueNotifiedAt: ts('overdue_notified_at'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // The public board: a community's public concerns, newest first (keyset on created_at, id).
    index('concerns_board_idx').on(t.communityId, t.visibility, t.createdAt, t.id),
    // The staff inbox by status, and the overdue list.
    index('concerns_inbox_idx').on(t.communityId, t.status, t.createdAt, t.id),
    index('concerns_due_idx').on(t.communityId, t.dueAt).where(sql`${t.resolvedAt} is null`),
    index('concerns_author_idx').on(t.authorId, t.createdAt, t.id),
    index('concerns_assignee_org_idx').on(t.communityId, t.assigneeOrg, t.createdAt),
    // Similar-concern lookups: same community and category, recent.
    index('concerns_similar_idx').on(t.communityId, t.category, t.createdAt),
    check('concerns_rating_range', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('concerns_merged_has_target', sql`${t.status} <> 'merged' or ${t.mergedIntoId} is not null`),
    check('concerns_counts_nonnegative', sql`${t.cosignCount} >= 0 and ${t.followCount} >= 0`),
    check('concerns_place_given', sql`${t.householdId} is not null or ${t.buildingId} is not null or ${t.placeText} is not null`),
    check('concerns_description_length', sql`char_length(${t.description}) between 5 and 2000`),
  ],
)
export type ConcernRow = typeof concerns.$inferSelect

export const concernPhotos = pgTable(
  'concern_photos',
  {
    concernId: uuid('concern_id').notNull().references(() => concerns.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.photoId] })],
)

/** Every state change, append-only: who, when, from → to, note, and photos (event_photos). */
export const concernEvents = pgTable(
  'concern_events',
  {
    id: id(),
    concernId: uuid('concern_id').notNull().references(() => concerns.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: eventActorRoleEnum('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: concernStatusEnum('from_status'),
    toStatus: concernStatusEnum('to_status').notNull(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('concern_events_concern_idx').on(t.concernId, t.createdAt)],
)

export const eventPhotos = pgTable(
  'event_photos',
  {
    eventId: uuid('event_id').notNull().references(() => concernEvents.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id').notNull().references(() => photos.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.photoId] })],
)

export const cosigns = pgTable(
  'cosigns',
  {
    concernId: uuid('concern_id').notNull().references(() => concerns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.userId] }), index('cosigns_user_idx').on(t.userId)],
)

export const follows = pgTable(
  'follows',
  {
    concernId: uuid('concern_id').notNull().references(() => concerns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.userId] }), index('follows_user_idx').on(t.userId, t.createdAt)],
)

/** A retried submit finds its first result here instead of filing a second concern. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    concernId: uuid('concern_id').references(() => concerns.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
)

/** What a person sees under 我的 → 消息. Written in the same transaction as the event. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    concernId: uuid('concern_id').references(() => concerns.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
)

/**
 * Transactional outbox: a row per message to send (a WeChat subscribe message), written with the
 * change that causes it; a dispatcher sends, retries with backoff and marks it sent.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    kind: text('kind').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    /** Set when WeChat says the message can never be delivered (no subscription, no openid). */
    abandonedAt: ts('abandoned_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.abandonedAt} is null`)],
)

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
