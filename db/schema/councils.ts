import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { registrationStatuses } from '../../domain/councils/booking.js'
import { responsiblePartyKinds, sessionKinds, type InvitedPartyKind } from '../../domain/councils/kinds.js'
import { sessionStatuses, topicStatuses } from '../../domain/councils/lifecycle.js'
import type { Recurrence } from '../../domain/councils/recurrence.js'
import { createdAt, id, ts } from './columns.js'
import { communities } from './communities.js'
import { eventActorRoleEnum, concerns } from './concerns.js'
import { photos } from './photos.js'
import { users } from './users.js'

/** Councils (议事会): rules, sessions, registrations, topics, minutes photos, the event log. */

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
    /** Set by the job that tells staff a topic waits too long for its written answer, so it tells once. */
    answerOverdueNotifiedAt: ts('answer_overdue_notified_at'),
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
    // The unanswered-topics job: pending topics by booking time, not yet told.
    index('council_topics_unanswered_idx').on(t.createdAt).where(sql`${t.status} = 'pending' and ${t.answerOverdueNotifiedAt} is null`),
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
