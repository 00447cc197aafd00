import { and, asc, desc, eq, gt, lte, ne, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import type { ActivitiesQuery } from '../../domain/schemas/volunteering.js'
import { minutesToHours } from '../../domain/volunteering/rules.js'
import type { Db } from '../../db/client.js'
import { pointsEntries, users, volunteerActivities, volunteerSignups } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { ruleAmount } from '../points/index.js'
import { activityAllowing } from './access.js'
import { detailView, mySignupView, summaryView } from './views.js'

/** The points a sign-up earned: its ledger entry (kind volunteer, source the sign-up). */
const earned = () =>
  and(
    eq(pointsEntries.sourceId, volunteerSignups.id),
    eq(pointsEntries.kind, 'volunteer'),
    eq(pointsEntries.userId, volunteerSignups.userId),
  )

/**
 * 志愿活动 of a community: upcoming (not yet ended, soonest first), past (ended or cancelled, latest
 * first) or mine (the caller's sign-ups with the points each earned). Counts only, never names.
 */
export async function listActivities(deps: Deps, actor: Actor, communityId: string, query: z.output<typeof ActivitiesQuery>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'volunteer.view')
  const now = deps.now()
  const mine = and(eq(volunteerSignups.activityId, volunteerActivities.id), eq(volunteerSignups.userId, actor.userId))
  const scope: Record<typeof query.scope, SQL | undefined> = {
    upcoming: and(gt(volunteerActivities.endsAt, now), eq(volunteerActivities.status, 'open')),
    past: or(lte(volunteerActivities.endsAt, now), eq(volunteerActivities.status, 'cancelled')),
    mine: ne(volunteerSignups.status, 'withdrawn'),
  }
  const rows = await db
    .select({ activity: volunteerActivities, signup: volunteerSignups, points: pointsEntries.amount })
    .from(volunteerActivities)
    .leftJoin(volunteerSignups, mine)
    .leftJoin(pointsEntries, earned())
    .where(and(eq(volunteerActivities.communityId, communityId), scope[query.scope]))
    .orderBy(query.scope === 'upcoming' ? asc(volunteerActivities.startsAt) : desc(volunteerActivities.startsAt))
    .limit(100)
  return { items: rows.map((r) => summaryView(r.activity, mySignupView(r.signup, r.points), now)) }
}

/** One activity: the caller's sign-up and points, the hourly rule; the roster with names for staff only. */
export async function getActivity(deps: Deps, actor: Actor, activityId: string) {
  const { db } = deps.database
  const { activity, staff } = await activityAllowing(db, actor, activityId)
  const [[own], perHour, roster] = await Promise.all([
    db
      .select({ signup: volunteerSignups, points: pointsEntries.amount })
      .from(volunteerSignups)
      .leftJoin(pointsEntries, earned())
      .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.userId, actor.userId))),
    ruleAmount(db, activity.communityId, 'volunteer'),
    staff ? rosterOf(db, activityId) : null,
  ])
  return detailView(activity, mySignupView(own?.signup, own?.points ?? null), deps.now(), perHour, roster)
}

async function rosterOf(db: Db, activityId: string) {
  const rows = await db
    .select({ signup: volunteerSignups, name: users.nickname, points: pointsEntries.amount })
    .from(volunteerSignups)
    .innerJoin(users, eq(users.id, volunteerSignups.userId))
    .leftJoin(pointsEntries, earned())
    .where(and(eq(volunteerSignups.activityId, activityId), ne(volunteerSignups.status, 'withdrawn')))
    .orderBy(asc(volunteerSignups.createdAt), asc(volunteerSignups.id))
  return rows.map(({ signup, name, points }) => ({
    signupId: signup.id,
    name,
    status: signup.status,
    hours: signup.creditedMinutes === null ? null : minutesToHours(signup.creditedMinutes),
    points,
    signedUpAt: signup.createdAt.toISOString(),
  }))
}
