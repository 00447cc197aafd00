import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core'
import { needStatusKeys, resourceKindKeys, resourceOwnerKindKeys } from '../../domain/needs/needs.js'
import { createdAt, id, ts } from './columns.js'
import { communities } from './communities.js'
import { concerns } from './concerns.js'
import { councilSessions, councilTopics } from './councils.js'
import { users } from './users.js'

/** 需求清单 (needs, their sources, supporters, dot rounds) and 资源清单 (resources). Decision 032. */

export const needStatusEnum = pgEnum('need_status', needStatusKeys)

export const needs = pgTable(
  'needs',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    category: text('category').notNull(),
    /** Fixed keys of domain/needs/needs.ts (独居老人 …). */
    groups: text('groups').array().notNull().default(sql`'{}'::text[]`),
    /** Buildings of the same community, checked when written. */
    buildingIds: uuid('building_ids').array().notNull().default(sql`'{}'::uuid[]`),
    raisedBy: uuid('raised_by')
      .notNull()
      .references(() => users.id),
    raisedByStaff: boolean('raised_by_staff').notNull().default(false),
    status: needStatusEnum('status').notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at'),
    /** Kept by support and withdrawal in the same transaction as the supporter row. */
    supporterCount: integer('supporter_count').notNull().default(0),
    /** The council topic the need was offered as, once offered. */
    topicId: uuid('topic_id').references(() => councilTopics.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('needs_community_status_idx').on(t.communityId, t.status, t.createdAt),
    check('needs_supporters_nonneg', sql`${t.supporterCount} >= 0`),
  ],
)

/** Where a need came from: concerns and council topics of its own community. */
export const needSources = pgTable(
  'need_sources',
  {
    id: id(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    concernId: uuid('concern_id').references(() => concerns.id),
    topicId: uuid('topic_id').references(() => councilTopics.id),
  },
  (t) => [index('need_sources_need_idx').on(t.needId), check('need_sources_one', sql`(${t.concernId} is null) <> (${t.topicId} is null)`)],
)

/** A resident supports a need once; withdrawing deletes the row. */
export const needSupports = pgTable(
  'need_supports',
  {
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.needId, t.userId] })],
)

/** A dot vote before one council session: one round per session. */
export const needRounds = pgTable(
  'need_rounds',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    sessionId: uuid('session_id')
      .notNull()
      .unique('need_rounds_session_uq')
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    dots: smallint('dots').notNull(),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [check('need_rounds_window', sql`${t.opensAt} < ${t.closesAt}`), check('need_rounds_dots', sql`${t.dots} between 1 and 10`)],
)

/** One row per resident and round: locked while a placement is checked, so dots never exceed the allowance. */
export const needBallots = pgTable(
  'need_ballots',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => needRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] })],
)

export const needDots = pgTable(
  'need_dots',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => needRounds.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    count: smallint('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.needId, t.userId] }), check('need_dots_positive', sql`${t.count} > 0`)],
)

export const resourceKindEnum = pgEnum('resource_kind', resourceKindKeys)
export const resourceOwnerKindEnum = pgEnum('resource_owner_kind', resourceOwnerKindKeys)

/** 资源清单: the contact (name, phone) is staff-only. */
export const resources = pgTable(
  'resources',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    ownerKind: resourceOwnerKindEnum('owner_kind').notNull(),
    ownerName: text('owner_name').notNull(),
    kind: resourceKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    availability: text('availability').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    /** The resident who offered it (their own resource), or the staff member who recorded it. */
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts('updated_at'),
    /** Withdrawn by its offerer or staff: off the list and out of new projects; projects already using it keep it. */
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [index('resources_community_idx').on(t.communityId, t.kind, t.createdAt)],
)
