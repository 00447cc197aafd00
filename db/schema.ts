import { relations, sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
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
import { registrationStatuses } from '../domain/councils/booking.js'
import { responsiblePartyKinds, sessionKinds, type InvitedPartyKind } from '../domain/councils/kinds.js'
import { sessionStatuses, topicStatuses } from '../domain/councils/lifecycle.js'
import type { Recurrence } from '../domain/councils/recurrence.js'
import { claimStatuses, householdRelations, roles } from '../domain/roles.js'
import { electorateKinds, optionKinds, voteRules, votingUnits, type VoteOption } from '../domain/votes/kinds.js'
import { voteStatuses } from '../domain/votes/lifecycle.js'
import type { TallyResult } from '../domain/votes/tally.js'
import type { ResponsibleParty } from '../domain/councils/kinds.js'

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
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
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
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
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
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    relation: householdRelationEnum('relation').notNull(),
    status: claimStatusEnum('status').notNull().default('pending'),
    reason: text('reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    // One open claim per person and household: a retry or a second tap cannot file two.
    uniqueIndex('residency_claims_open_uq').on(t.userId, t.householdId).where(sql`${t.status} in ('pending', 'verified')`),
    // The staff queue: pending claims of a community, oldest first (keyset on created_at, id).
    index('residency_claims_queue_idx').on(t.communityId, t.status, t.createdAt, t.id),
    index('residency_claims_user_idx').on(t.userId, t.createdAt),
    check('residency_claims_rejection_has_reason', sql`${t.status} <> 'rejected' or ${t.reason} is not null`),
    check('residency_claims_review_recorded', sql`${t.status} not in ('verified', 'rejected') or ${t.reviewedAt} is not null`),
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
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
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
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
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

/** What a person sees under 我的 → 消息. Written in the same transaction as the event. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    concernId: uuid('concern_id').references(() => concerns.id, { onDelete: 'cascade' }),
    /** The council session the message is about (registration, agenda, minutes, cancellation). */
    sessionId: uuid('session_id').references((): AnyPgColumn => councilSessions.id, { onDelete: 'cascade' }),
    /** The vote (proposal) the message is about: opened, closing tomorrow, result. */
    proposalId: uuid('proposal_id').references((): AnyPgColumn => proposals.id, { onDelete: 'cascade' }),
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

// ── Councils (议事会) ──────────────────────────────────────────────────────────────────────────

export const sessionKindEnum = pgEnum('council_kind', sessionKinds)
export const sessionStatusEnum = pgEnum('council_session_status', sessionStatuses)
export const topicStatusEnum = pgEnum('council_topic_status', topicStatuses)
export const registrationStatusEnum = pgEnum('council_registration_status', registrationStatuses)
export const responsiblePartyEnum = pgEnum('council_responsible_party', responsiblePartyKinds)

export type InvitedPartyRow = { kind: InvitedPartyKind; name?: string }

/** An admin's standing rule (每月第二个周五 19:00); the scheduled job keeps eight weeks of sessions ahead. */
export const councilRules = pgTable(
  'council_rules',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    kind: sessionKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    venue: text('venue'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    agendaSlots: smallint('agenda_slots').notNull(),
    bookingLeadHours: integer('booking_lead_hours').notNull(),
    invitedParties: jsonb('invited_parties').$type<InvitedPartyRow[]>().notNull().default([]),
    schedule: jsonb('schedule').$type<Recurrence>().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('council_rules_community_idx').on(t.communityId, t.createdAt),
    check('council_rules_capacity_positive', sql`${t.capacity} > 0 and ${t.agendaSlots} > 0 and ${t.bookingLeadHours} >= 0`),
  ],
)
export type CouncilRuleRow = typeof councilRules.$inferSelect

export const councilSessions = pgTable(
  'council_sessions',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    /** Set with `occurrenceStart` when a recurring rule created it: the rule's own slot, kept even if staff move the time. */
    ruleId: uuid('rule_id').references(() => councilRules.id),
    occurrenceStart: ts('occurrence_start'),
    kind: sessionKindEnum('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    venue: text('venue'),
    onlineUrl: text('online_url'),
    capacity: integer('capacity').notNull(),
    agendaSlots: smallint('agenda_slots').notNull(),
    bookingDeadline: ts('booking_deadline').notNull(),
    invitedParties: jsonb('invited_parties').$type<InvitedPartyRow[]>().notNull().default([]),
    status: sessionStatusEnum('status').notNull().default('planned'),
    cancelReason: text('cancel_reason'),
    /** Six digits shown at the venue (and in the QR code) for check-in. */
    checkInCode: text('check_in_code').notNull(),
    /** Seats taken (registered or checked in): changed only by the conditional updates that take and free seats. */
    registeredCount: integer('registered_count').notNull().default(0),
    waitlistCount: integer('waitlist_count').notNull().default(0),
    /** Topics accepted onto the agenda: taken with the same conditional update as seats. */
    acceptedTopicCount: smallint('accepted_topic_count').notNull().default(0),
    checkedInCount: integer('checked_in_count').notNull().default(0),
    minutesText: text('minutes_text'),
    minutesAttendeeCount: integer('minutes_attendee_count'),
    minutesPublishedAt: ts('minutes_published_at'),
    /** Reminder marks: set by the conditional update that claims the reminder, so each goes out once. */
    reminded24hAt: ts('reminded_24h_at'),
    reminded2hAt: ts('reminded_2h_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('council_sessions_rule_occurrence_uq').on(t.ruleId, t.occurrenceStart),
    // The 议事 tab: a community's sessions by start (keyset on starts_at, id), both directions.
    index('council_sessions_list_idx').on(t.communityId, t.startsAt, t.id),
    // The reminder job: upcoming sessions by start.
    index('council_sessions_upcoming_idx').on(t.startsAt).where(sql`${t.status} in ('open', 'agenda_fixed')`),
    check('council_sessions_seats', sql`${t.registeredCount} >= 0 and ${t.registeredCount} <= ${t.capacity}`),
    check(
      'council_sessions_counts_nonnegative',
      sql`${t.waitlistCount} >= 0 and ${t.checkedInCount} >= 0 and ${t.acceptedTopicCount} >= 0`,
    ),
    check('council_sessions_agenda', sql`${t.acceptedTopicCount} <= ${t.agendaSlots}`),
    check('council_sessions_times', sql`${t.endsAt} > ${t.startsAt} and ${t.bookingDeadline} <= ${t.startsAt}`),
    check('council_sessions_place', sql`${t.venue} is not null or ${t.onlineUrl} is not null`),
    check('council_sessions_cancel_reason', sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`),
    check('council_sessions_rule_slot', sql`(${t.ruleId} is null) = (${t.occurrenceStart} is null)`),
    check('council_sessions_minutes', sql`${t.status} <> 'minutes_published' or ${t.minutesPublishedAt} is not null`),
  ],
)
export type CouncilSessionRow = typeof councilSessions.$inferSelect

/** One row per person and session; cancelling keeps the row (status cancelled), registering again reuses it. */
export const councilRegistrations = pgTable(
  'council_registrations',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: registrationStatusEnum('status').notNull(),
    /** When this registration (or re-registration) was made: the waiting-list order. */
    createdAt: createdAt(),
    /**
     * Counted in the session's registered_count. A walk-in who checks in when every seat is taken
     * attends without one, so that registered_count never passes capacity.
     */
    holdsSeat: boolean('holds_seat').notNull().default(false),
    checkedInAt: ts('checked_in_at'),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    uniqueIndex('council_registrations_session_user_uq').on(t.sessionId, t.userId),
    // Promotion (earliest waitlisted first) and the staff list, keyset on (created_at, id).
    index('council_registrations_queue_idx').on(t.sessionId, t.status, t.createdAt, t.id),
    index('council_registrations_user_idx').on(t.userId),
    check('council_registrations_checked_in_at', sql`${t.status} <> 'checked_in' or ${t.checkedInAt} is not null`),
    check(
      'council_registrations_seat',
      sql`${t.holdsSeat} = (${t.status} = 'registered' or (${t.status} = 'checked_in' and ${t.holdsSeat}))`,
    ),
  ],
)
export type CouncilRegistrationRow = typeof councilRegistrations.$inferSelect

/** A topic (议题) booked onto a session; a deferred topic continues as a new pending topic on the later session. */
export const councilTopics = pgTable(
  'council_topics',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    proposerId: uuid('proposer_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    reason: text('reason').notNull(),
    concernId: uuid('concern_id').references(() => concerns.id),
    status: topicStatusEnum('status').notNull().default('pending'),
    agendaOrder: smallint('agenda_order'),
    minutesAllotted: smallint('minutes_allotted'),
    decisionReason: text('decision_reason'),
    deferredToSessionId: uuid('deferred_to_session_id').references((): AnyPgColumn => councilSessions.id),
    deferredFromTopicId: uuid('deferred_from_topic_id').references((): AnyPgColumn => councilTopics.id),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: ts('decided_at'),
    resolutionText: text('resolution_text'),
    resolutionParty: responsiblePartyEnum('resolution_party'),
    resolutionName: text('resolution_name'),
    resolutionDeadline: ts('resolution_deadline'),
    resolvedAt: ts('resolved_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // A concern is on at most one pending or accepted topic at a time.
    uniqueIndex('council_topics_concern_live_uq')
      .on(t.concernId)
      .where(sql`${t.concernId} is not null and ${t.status} in ('pending', 'accepted')`),
    index('council_topics_session_idx').on(t.sessionId, t.status, t.createdAt, t.id),
    index('council_topics_proposer_idx').on(t.proposerId, t.sessionId),
    check(
      'council_topics_accepted_placed',
      sql`${t.status} <> 'accepted' or (${t.agendaOrder} is not null and ${t.minutesAllotted} is not null)`,
    ),
    check('council_topics_deferred_target', sql`${t.status} <> 'deferred' or ${t.deferredToSessionId} is not null`),
    check('council_topics_declined_reason', sql`${t.status} <> 'declined' or ${t.decisionReason} is not null`),
    check(
      'council_topics_resolution_complete',
      sql`${t.resolvedAt} is null or (${t.resolutionText} is not null and ${t.resolutionParty} is not null and ${t.resolutionDeadline} is not null)`,
    ),
  ],
)
export type CouncilTopicRow = typeof councilTopics.$inferSelect

/** Photos of the minutes (会议纪要). */
export const councilSessionPhotos = pgTable(
  'council_session_photos',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.photoId] })],
)

/** Every change to a session, its topics and its registrations, append-only. */
export const councilEvents = pgTable(
  'council_events',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => councilSessions.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id').references(() => councilTopics.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: eventActorRoleEnum('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('council_events_session_idx').on(t.sessionId, t.createdAt), index('council_events_topic_idx').on(t.topicId)],
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
export const councilSessionsRelations = relations(councilSessions, ({ one, many }) => ({
  community: one(communities, { fields: [councilSessions.communityId], references: [communities.id] }),
  rule: one(councilRules, { fields: [councilSessions.ruleId], references: [councilRules.id] }),
  registrations: many(councilRegistrations),
  topics: many(councilTopics, { relationName: 'session_topics' }),
}))
export const councilRegistrationsRelations = relations(councilRegistrations, ({ one }) => ({
  session: one(councilSessions, { fields: [councilRegistrations.sessionId], references: [councilSessions.id] }),
  user: one(users, { fields: [councilRegistrations.userId], references: [users.id] }),
}))
export const councilTopicsRelations = relations(councilTopics, ({ one }) => ({
  session: one(councilSessions, { fields: [councilTopics.sessionId], references: [councilSessions.id], relationName: 'session_topics' }),
  proposer: one(users, { fields: [councilTopics.proposerId], references: [users.id] }),
  concern: one(concerns, { fields: [councilTopics.concernId], references: [concerns.id] }),
}))

// ── Votes (表决) ───────────────────────────────────────────────────────────────────────────────

export const voteStatusEnum = pgEnum('vote_status', voteStatuses)
export const voteRuleEnum = pgEnum('vote_rule', voteRules)
export const voteElectorateKindEnum = pgEnum('vote_electorate_kind', electorateKinds)
export const voteUnitEnum = pgEnum('vote_unit', votingUnits)
export const voteOptionKindEnum = pgEnum('vote_option_kind', optionKinds)

/** The buildings and units whose households form a `households` electorate. */
export type VoteScopeRow = { buildingIds: string[]; unitIds: string[] }
/** Who carries out an approved agenda item's proposal, and by when (feeds the topic's resolution). */
export type OnApprovalRow = { responsibleParty: ResponsibleParty; responsibleName: string | null; deadline: string }
/** The tally stored at close: published results never change afterwards. */
export type VoteResultRow = TallyResult & { computedAt: string }

/** A proposal (方案) put to a vote, on an agenda item (议题) of a session or standing alone. */
export const proposals = pgTable(
  'proposals',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    /** Set together with `topicId`: the session whose agenda item this is. */
    sessionId: uuid('session_id').references(() => councilSessions.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id').references(() => councilTopics.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    optionKind: voteOptionKindEnum('option_kind').notNull(),
    /** Keys and labels, abstain last (domain/votes/kinds.ts voteOptions). */
    options: jsonb('options').$type<VoteOption[]>().notNull(),
    maxChoices: smallint('max_choices').notNull().default(1),
    electorateKind: voteElectorateKindEnum('electorate_kind').notNull(),
    scope: jsonb('scope').$type<VoteScopeRow>().notNull().default({ buildingIds: [], unitIds: [] }),
    unit: voteUnitEnum('unit').notNull(),
    rule: voteRuleEnum('rule').notNull(),
    quorumPercent: smallint('quorum_percent'),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    publishDays: smallint('publish_days').notNull(),
    liveResults: boolean('live_results').notNull().default(false),
    onApproval: jsonb('on_approval').$type<OnApprovalRow>(),
    status: voteStatusEnum('status').notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    /** The roll, fixed when the vote opens (vote_electors): how many voting units and their total area in 0.01 m². */
    electorateCount: integer('electorate_count'),
    electorateAreaCents: bigint('electorate_area_cents', { mode: 'number' }),
    result: jsonb('result').$type<VoteResultRow>(),
    openedAt: ts('opened_at'),
    closedAt: ts('closed_at'),
    publishedAt: ts('published_at'),
    publicUntil: ts('public_until'),
    /** Set by the conditional update that claims the day-before reminder, so it goes out once. */
    remindedAt: ts('reminded_at'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    // A community's votes, newest first (keyset on created_at, id).
    index('proposals_list_idx').on(t.communityId, t.createdAt, t.id),
    index('proposals_topic_idx').on(t.topicId),
    // The scheduled job: open votes by closing time (reminders and automatic close).
    index('proposals_closing_idx').on(t.closesAt).where(sql`${t.status} = 'open'`),
    check('proposals_window', sql`${t.closesAt} > ${t.opensAt}`),
    check('proposals_max_choices', sql`${t.maxChoices} between 1 and 10`),
    check('proposals_quorum', sql`${t.quorumPercent} is null or (${t.rule} = 'simple_majority' and ${t.quorumPercent} between 1 and 100)`),
    check('proposals_owner_votes_by_household', sql`${t.rule} not in ('owners_ordinary', 'owners_major') or ${t.unit} = 'household'`),
    check('proposals_publish_days', sql`${t.publishDays} between 0 and 30`),
    check('proposals_topic_has_session', sql`(${t.topicId} is null) = (${t.sessionId} is null)`),
    check('proposals_cancel_reason', sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`),
    check('proposals_roll', sql`${t.status} in ('draft', 'cancelled') or ${t.electorateCount} is not null`),
    check('proposals_result', sql`${t.status} not in ('closed', 'published') or (${t.result} is not null and ${t.closedAt} is not null)`),
    check('proposals_published', sql`${t.status} <> 'published' or (${t.publishedAt} is not null and ${t.publicUntil} is not null)`),
  ],
)
export type ProposalRow = typeof proposals.$inferSelect

export const proposalPhotos = pgTable(
  'proposal_photos',
  {
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.photoId] })],
)

/**
 * The roll (投票人名册), fixed when the vote opens: one row per voting unit — a resident (per-resident
 * votes) or a household with its registered area (per-household and owner votes).
 */
export const voteElectors = pgTable(
  'vote_electors',
  {
    id: id(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id').references(() => households.id),
    /** Registered area in 0.01 m² (households; 0 for residents): exact integers for the 278 shares. */
    areaCents: integer('area_cents').notNull().default(0),
  },
  (t) => [
    // The participation list (keyset on id) and the roll's counts.
    index('vote_electors_proposal_idx').on(t.proposalId, t.id),
    uniqueIndex('vote_electors_user_uq').on(t.proposalId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('vote_electors_household_uq').on(t.proposalId, t.householdId).where(sql`${t.householdId} is not null`),
    check('vote_electors_one_unit', sql`(${t.userId} is null) <> (${t.householdId} is null)`),
    check('vote_electors_area', sql`${t.areaCents} >= 0`),
  ],
)
export type VoteElectorRow = typeof voteElectors.$inferSelect

/**
 * One ballot per voting unit: the unique (proposal, elector) constraint makes a second ballot for the
 * same resident or household impossible, however many arrive at once. `cast_by` serves the voter's
 * own ballot and the household's "already voted"; no reply ever pairs it with `choices` for anyone else.
 */
export const voteBallots = pgTable(
  'vote_ballots',
  {
    id: id(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    electorId: uuid('elector_id')
      .notNull()
      .references(() => voteElectors.id, { onDelete: 'cascade' }),
    castBy: uuid('cast_by').references(() => users.id, { onDelete: 'set null' }),
    /** Option keys in the vote's order. */
    choices: jsonb('choices').$type<string[]>().notNull(),
    /** The elector's area, copied so that the tally is one scan of the ballots. */
    areaCents: integer('area_cents').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('vote_ballots_one_per_unit_uq').on(t.proposalId, t.electorId),
    index('vote_ballots_cast_by_idx').on(t.castBy, t.proposalId),
    check('vote_ballots_choices', sql`jsonb_typeof(${t.choices}) = 'array' and jsonb_array_length(${t.choices}) >= 1`),
  ],
)
export type VoteBallotRow = typeof voteBallots.$inferSelect

/** Every change to a vote, append-only (ballots are not events: when each was cast is nobody's business). */
export const voteEvents = pgTable(
  'vote_events',
  {
    id: id(),
    proposalId: uuid('proposal_id')
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: eventActorRoleEnum('actor_role').notNull(),
    action: text('action').notNull(),
    fromStatus: voteStatusEnum('from_status'),
    toStatus: voteStatusEnum('to_status').notNull(),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('vote_events_proposal_idx').on(t.proposalId, t.createdAt)],
)
