import { and, asc, desc, eq, getTableColumns, gt, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { defaultRuleAmounts } from '../../domain/points/kinds.js'
import type { ActivitiesQuery } from '../../domain/schemas/volunteering.js'
import { minutesToHours } from '../../domain/volunteering/rules.js'
import { pointsEntries, pointsRules, users, volunteerActivities, volunteerSignups } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { communityFrom, communityPart, readInCommunity, readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { activitySeen } from './access.js'
import { detailView, mySignupView, summaryView } from './views.js'

/** The points a sign-up earned: its ledger entry (kind volunteer, source the sign-up). */
const earned = () =>
  and(
    eq(pointsEntries.sourceId, volunteerSignups.id),
    eq(pointsEntries.kind, 'volunteer'),
    eq(pointsEntries.userId, volunteerSignups.userId),
  )

/** An activity with the caller's sign-up (every field null when there is none) and its points. */
const summaryShape = jsonShape({ activity: volunteerActivities, signup: volunteerSignups, points: pointsEntries.amount })

/**
 * 志愿活动 of a community: upcoming (not yet ended, soonest first), past (ended or cancelled, latest
 * first) or mine (the caller's sign-ups with the points each earned). Counts only, never names. One
 * statement with the actor and the community (decision 039).
 */
export async function listActivities(deps: Deps, userId: string, communityId: string, query: z.output<typeof ActivitiesQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const mine = and(eq(volunteerSignups.activityId, volunteerActivities.id), eq(volunteerSignups.userId, userId))
  const scope: Record<typeof query.scope, SQL | undefined> = {
    upcoming: and(gt(volunteerActivities.endsAt, now), eq(volunteerActivities.status, 'open')),
    past: or(lte(volunteerActivities.endsAt, now), eq(volunteerActivities.status, 'cancelled')),
    mine: ne(volunteerSignups.status, 'withdrawn'),
  }
  const list = db
    .select({ r: summaryShape.object })
    .from(volunteerActivities)
    .leftJoin(volunteerSignups, mine)
    .leftJoin(pointsEntries, earned())
    .where(and(eq(volunteerActivities.communityId, communityId), scope[query.scope]))
    .orderBy(query.scope === 'upcoming' ? asc(volunteerActivities.startsAt) : desc(volunteerActivities.startsAt))
    .limit(100)
  const { rows } = await readInCommunity(db, userId, communityId, 'volunteer.view', { rows: allOf(list) })
  return {
    items: rows.map((value) => {
      const r = summaryShape.decode(value)
      return summaryView(r.activity, mySignupView(r.signup.id ? r.signup : null, r.points), now)
    }),
  }
}

const activityShape = jsonShape(getTableColumns(volunteerActivities))
const ownShape = jsonShape({ signup: volunteerSignups, points: pointsEntries.amount })
const rosterShape = jsonShape({ signup: volunteerSignups, name: users.nickname, points: pointsEntries.amount })

/**
 * One activity: the caller's sign-up and points, the hourly rule; the roster with names for staff
 * only. One statement with the actor: the roster is read for everyone and dropped after the checks
 * for all but staff.
 */
export async function getActivity(deps: Deps, userId: string, activityId: string) {
  const { db } = deps.database
  const communityOf = () =>
    db.select({ id: volunteerActivities.communityId }).from(volunteerActivities).where(eq(volunteerActivities.id, activityId))
  const read = await readSignedIn(db, userId, {
    activity: firstOf(db.select({ r: activityShape.object }).from(volunteerActivities).where(eq(volunteerActivities.id, activityId))),
    community: communityPart(db, communityOf()),
    own: firstOf(
      db
        .select({ r: ownShape.object })
        .from(volunteerSignups)
        .leftJoin(pointsEntries, earned())
        .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.userId, userId))),
    ),
    // The points rule's amount, else its default (as the points module's `ruleAmount`).
    perHour: sql<number | null>`(${db
      .select({ amount: pointsRules.amount })
      .from(pointsRules)
      .where(and(inArray(pointsRules.communityId, communityOf()), eq(pointsRules.kind, 'volunteer')))})`,
    roster: allOf(
      db
        .select({ r: rosterShape.object })
        .from(volunteerSignups)
        .innerJoin(users, eq(users.id, volunteerSignups.userId))
        .leftJoin(pointsEntries, earned())
        .where(and(eq(volunteerSignups.activityId, activityId), ne(volunteerSignups.status, 'withdrawn')))
        .orderBy(asc(volunteerSignups.createdAt), asc(volunteerSignups.id)),
    ),
  })
  const { activity, staff } = activitySeen(
    read.actor,
    read.activity ? activityShape.decode(read.activity) : null,
    communityFrom(read.community),
    'volunteer.view',
  )
  const own = read.own ? ownShape.decode(read.own) : null
  const roster = staff ? read.roster.map((r) => rosterEntry(rosterShape.decode(r))) : null
  const perHour = read.perHour ?? defaultRuleAmounts.volunteer
  return detailView(activity, mySignupView(own?.signup, own?.points ?? null), deps.now(), perHour, roster)
}

function rosterEntry({ signup, name, points }: ReturnType<typeof rosterShape.decode>) {
  return {
    signupId: signup.id,
    name,
    status: signup.status,
    hours: signup.creditedMinutes === null ? null : minutesToHours(signup.creditedMinutes),
    points,
    signedUpAt: signup.createdAt.toISOString(),
  }
}
