import { sql } from 'drizzle-orm'
import { check, index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { activityStatuses, signupStatuses } from '../../domain/volunteering/rules.js'
import { createdAt, id, ts } from './columns.js'
import { communities } from './communities.js'
import { users } from './users.js'

/**
 * 志愿活动: activities staff publish, and one sign-up row per resident and activity. The activity
 * keeps its count of current sign-ups, taken by a conditional update (count < capacity), which is
 * what keeps the places exact however many sign up at once; the check refuses anything else.
 */

export const volunteerActivityStatusEnum = pgEnum('volunteer_activity_status', activityStatuses)
export const volunteerSignupStatusEnum = pgEnum('volunteer_signup_status', signupStatuses)

export const volunteerActivities = pgTable(
  'volunteer_activities',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    place: text('place').notNull(),
    organiser: text('organiser'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    /** The hours a shift credits, in minutes (whole or half hours). */
    creditedMinutes: integer('credited_minutes').notNull(),
    signedUpCount: integer('signed_up_count').notNull().default(0),
    status: volunteerActivityStatusEnum('status').notNull().default('open'),
    cancelReason: text('cancel_reason'),
    signedOffAt: ts('signed_off_at'),
    signedOffBy: uuid('signed_off_by').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('volunteer_activities_community_idx').on(t.communityId, t.startsAt),
    check('volunteer_activities_places', sql`${t.signedUpCount} >= 0 and ${t.signedUpCount} <= ${t.capacity}`),
    check('volunteer_activities_times', sql`${t.endsAt} > ${t.startsAt}`),
    check('volunteer_activities_minutes', sql`${t.creditedMinutes} between 30 and 720`),
    check('volunteer_activities_cancel_reason', sql`${t.status} <> 'cancelled' or ${t.cancelReason} is not null`),
  ],
)

export const volunteerSignups = pgTable(
  'volunteer_signups',
  {
    id: id(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => volunteerActivities.id),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: volunteerSignupStatusEnum('status').notNull().default('signed_up'),
    /** Set at sign-off for who attended: the minutes credited. */
    creditedMinutes: integer('credited_minutes'),
    createdAt: createdAt(),
    withdrawnAt: ts('withdrawn_at'),
    signedOffAt: ts('signed_off_at'),
  },
  (t) => [
    uniqueIndex('volunteer_signups_once_uq').on(t.activityId, t.userId),
    index('volunteer_signups_user_idx').on(t.communityId, t.userId, t.createdAt),
    check('volunteer_signups_minutes', sql`${t.status} <> 'attended' or ${t.creditedMinutes} is not null`),
  ],
)

export type VolunteerActivityRow = typeof volunteerActivities.$inferSelect
export type VolunteerSignupRow = typeof volunteerSignups.$inferSelect
