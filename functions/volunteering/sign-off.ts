import { and, eq, inArray, isNull, lte } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import type { SignOffInput } from '../../domain/schemas/volunteering.js'
import { canSignOff, hoursToMinutes, minutesToHours, shiftPoints } from '../../domain/volunteering/rules.js'
import { volunteerActivities, volunteerSignups } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { awardPoints, ruleAmount } from '../points/index.js'
import { activityAllowing } from './access.js'
import { getActivity } from './read.js'

/**
 * 签退 · 确认时长: after the activity has ended, staff mark every current sign-up attended (with the
 * hours credited, the activity's by default) or absent, once. In one transaction: the activity is
 * marked signed off by a conditional update (a second sign-off is 409), each sign-up gets its
 * outcome, each attendee is paid hours × the community's hourly rule (once per sign-up, by the
 * ledger's own rule) and told in 消息.
 */
export async function signOff(deps: Deps, actor: Actor, activityId: string, input: z.output<typeof SignOffInput>) {
  const { db } = deps.database
  const { activity } = await activityAllowing(db, actor, activityId, 'volunteer.manage')
  const now = deps.now()
  const allowed = canSignOff(activity, now)
  if (!allowed.ok) throw new AppError(allowed.code, allowed.message)
  const signups = await db
    .select({ id: volunteerSignups.id, userId: volunteerSignups.userId })
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.status, 'signed_up')))
  const byId = new Map(input.entries.map((e) => [e.signupId, e]))
  const unknown = input.entries.findIndex((e) => !signups.some((s) => s.id === e.signupId))
  if (unknown >= 0) throw fieldError(`entries.${unknown}.signupId`, '名单里有不属于这个活动的报名')
  const missing = signups.filter((s) => !byId.has(s.id)).length
  if (missing) throw fieldError('entries', `还有 ${missing} 位报名的居民没有确认到场或未到场`)
  const perHour = await ruleAmount(db, activity.communityId, 'volunteer')

  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(volunteerActivities)
      .set({ signedOffAt: now, signedOffBy: actor.userId, updatedAt: now })
      .where(
        and(
          eq(volunteerActivities.id, activityId),
          eq(volunteerActivities.status, 'open'),
          isNull(volunteerActivities.signedOffAt),
          lte(volunteerActivities.endsAt, now),
        ),
      )
      .returning({ id: volunteerActivities.id })
    if (!row) throw new AppError('ACTIVITY_SIGNED_OFF', '这个活动已经签退过了，积分已记入')
    const absent = signups.filter((s) => !byId.get(s.id)?.attended).map((s) => s.id)
    if (absent.length)
      await tx
        .update(volunteerSignups)
        .set({ status: 'absent', signedOffAt: now })
        .where(and(inArray(volunteerSignups.id, absent), eq(volunteerSignups.status, 'signed_up')))
    for (const s of signups) {
      const entry = byId.get(s.id)
      if (!entry?.attended) continue
      const minutes = entry.hours === undefined ? activity.creditedMinutes : hoursToMinutes(entry.hours)
      await tx
        .update(volunteerSignups)
        .set({ status: 'attended', creditedMinutes: minutes, signedOffAt: now })
        .where(eq(volunteerSignups.id, s.id))
      const hours = minutesToHours(minutes)
      const points = shiftPoints(hours, perHour)
      await awardPoints(tx, {
        communityId: activity.communityId,
        userId: s.userId,
        kind: 'volunteer',
        sourceType: 'volunteer_signup',
        sourceId: s.id,
        reason: `志愿服务：${activity.title}（${hours} 小时）`,
        createdBy: actor.userId,
        at: now,
        amount: points,
      })
      await notify(tx, {
        userIds: [s.userId],
        title: '志愿服务已签退',
        body: points
          ? `「${activity.title}」已确认服务 ${hours} 小时，${points} 积分已记入道德银行`
          : `「${activity.title}」已确认服务 ${hours} 小时`,
      })
    }
  })
  return getActivity(deps, actor.userId, activityId)
}
