import { sql } from 'drizzle-orm'
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
  uuid,
} from 'drizzle-orm/pg-core'
import { categoryKeys } from '../../domain/concerns/categories.js'
import { concernStatuses } from '../../domain/concerns/lifecycle.js'
import { createdAt, id, ts } from './columns.js'
import { communities, buildings, households } from './communities.js'
import { grids } from './grids.js'
import { photos } from './photos.js'
import { users } from './users.js'

/** Concerns (诉求): the concern, its timeline, photos, co-signs, follows and numbering. */

export const concernStatusEnum = pgEnum('concern_status', concernStatuses)

export const concernCategoryEnum = pgEnum('concern_category', categoryKeys)

export const concernVisibilityEnum = pgEnum('concern_visibility', ['public', 'private'])

export const eventActorRoleEnum = pgEnum('event_actor_role', ['author', 'resident', 'staff', 'partner', 'system'])

/** Per community and year, the last public number handed out: one locked row makes them gapless. */
export const concernCounters = pgTable(
  'concern_counters',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.year] })],
)

export const concerns = pgTable(
  'concerns',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    publicNo: text('public_no').notNull().unique(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
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
    /** The grid of its building when raised (网格 dispatch); null: the community's inbox. */
    gridId: uuid('grid_id').references(() => grids.id),
    cosignCount: integer('cosign_count').notNull().default(0),
    followCount: integer('follow_count').notNull().default(0),
    photoCount: smallint('photo_count').notNull().default(0),
    rating: smallint('rating'),
    ratingComment: text('rating_comment'),
    solved: boolean('solved'),
    // Milestones, stored when they happen so the three rates are index scans, not history replays.
    createdAt: createdAt(),
    acceptedAt: ts('accepted_at'),
    /** 签收: the first answer by staff (accepted, or declined or merged), what 响应率 times. */
    acknowledgedAt: ts('acknowledged_at'),
    /** 到场: the worker on site. */
    arrivedAt: ts('arrived_at'),
    /** The milestone deadlines, fixed when they become known (domain/concerns/milestones.ts): 签收 at receipt. */
    acknowledgeDueAt: ts('acknowledge_due_at').notNull(),
    /** 到场, from 签收; null when the category does not time arrival. */
    arriveDueAt: ts('arrive_due_at'),
    /** 办结, from 签收: the resolution deadline. */
    dueAt: ts('due_at'),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    /** When the latest rating was given (满意率 counts it on that day). */
    ratedAt: ts('rated_at'),
    /** Set when the deadline job told the worker and the admins that 签收 is overdue, so it tells them once. */
    acknowledgeOverdueNotifiedAt: ts('acknowledge_overdue_notified_at'),
    /** … that 到场 is overdue. */
    arriveOverdueNotifiedAt: ts('arrive_overdue_notified_at'),
    /** … that 办结 is overdue (the resolution deadline). */
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
    // The lists behind a figure (kpis): by resolution deadline, by rating day; a grid's and a worker's concerns.
    index('concerns_kpi_due_idx').on(t.communityId, t.dueAt, t.id),
    index('concerns_kpi_rated_idx').on(t.communityId, t.ratedAt, t.id).where(sql`${t.ratedAt} is not null`),
    index('concerns_grid_idx').on(t.gridId, t.createdAt, t.id).where(sql`${t.gridId} is not null`),
    index('concerns_assignee_idx').on(t.assigneeUserId, t.createdAt, t.id).where(sql`${t.assigneeUserId} is not null`),
    check('concerns_rating_range', sql`${t.rating} is null or ${t.rating} between 1 and 5`),
    check('concerns_rating_dated', sql`(${t.rating} is null) = (${t.ratedAt} is null)`),
    check('concerns_arrival_after_ack', sql`${t.arrivedAt} is null or ${t.acknowledgedAt} is not null`),
    check('concerns_resolution_due', sql`${t.resolvedAt} is null or ${t.dueAt} is not null`),
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
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.photoId] })],
)

/** Every state change, append-only: who, when, from → to, note, and photos (event_photos). */
export const concernEvents = pgTable(
  'concern_events',
  {
    id: id(),
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id, { onDelete: 'cascade' }),
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
    eventId: uuid('event_id')
      .notNull()
      .references(() => concernEvents.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.photoId] })],
)

export const cosigns = pgTable(
  'cosigns',
  {
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.userId] }), index('cosigns_user_idx').on(t.userId)],
)

export const follows = pgTable(
  'follows',
  {
    concernId: uuid('concern_id')
      .notNull()
      .references(() => concerns.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.concernId, t.userId] }), index('follows_user_idx').on(t.userId, t.createdAt)],
)

/** A retried submit finds its first result here instead of filing a second concern. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    concernId: uuid('concern_id').references(() => concerns.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
)
