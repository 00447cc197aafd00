import { and, eq, gt, lte } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import type { ActivityCancelInput, ActivityPatch } from '../../domain/schemas/volunteering.js'
import { canChange, capacityProblem, hoursToMinutes } from '../../domain/volunteering/rules.js'
import { volunteerActivities, volunteerSignups } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { activityAllowing } from './access.js'
import { getActivity } from './read.js'

/**
 * Staff change an activity before it starts. A capacity below the current sign-ups is 400 naming
 * `capacity`: the update is conditional on the count, so a sign-up in between cannot be squeezed out.
 */
export async function editActivity(deps: Deps, actor: Actor, activityId: string, patch: z.output<typeof ActivityPatch>) {
  const { db } = deps.database
  const { activity } = await activityAllowing(db, actor, activityId, 'volunteer.manage')
  const now = deps.now()
  const allowed = canChange(activity, now)
  if (!allowed.ok) throw new AppError(allowed.code, allowed.message)
  const startsAt = patch.startsAt ? new Date(patch.startsAt) : activity.startsAt
  const endsAt = patch.endsAt ? new Date(patch.endsAt) : activity.endsAt
  if (endsAt <= startsAt) throw fieldError('endsAt', '结束时间须晚于开始时间')
  if (patch.startsAt && startsAt <= now) throw fieldError('startsAt', '开始时间须晚于现在')
  const capacity = patch.capacity ?? activity.capacity
  const tooFew = capacityProblem(capacity, activity.signedUpCount)
  if (tooFew) throw fieldError('capacity', tooFew)
  const [row] = await db
    .update(volunteerActivities)
    .set({
      title: patch.title,
      description: patch.description,
      place: patch.place,
      organiser: patch.organiser === undefined ? undefined : patch.organiser || null,
      startsAt,
      endsAt,
      capacity,
      creditedMinutes: patch.hours === undefined ? undefined : hoursToMinutes(patch.hours),
      updatedAt: now,
    })
    .where(
      and(
        eq(volunteerActivities.id, activityId),
        eq(volunteerActivities.status, 'open'),
        gt(volunteerActivities.startsAt, now),
        lte(volunteerActivities.signedUpCount, capacity),
      ),
    )
    .returning({ count: volunteerActivities.signedUpCount })
  if (!row) {
    const { activity: fresh } = await activityAllowing(db, actor, activityId, 'volunteer.manage')
    const again = canChange(fresh, now)
    if (!again.ok) throw new AppError(again.code, again.message)
    throw fieldError('capacity', capacityProblem(capacity, fresh.signedUpCount) ?? '可报名人数不能少于已报名人数')
  }
  return getActivity(deps, actor.userId, activityId)
}

/** Staff cancel an activity before it starts, with a reason; everyone signed up is told in 消息. */
export async function cancelActivity(deps: Deps, actor: Actor, activityId: string, input: z.output<typeof ActivityCancelInput>) {
  const { db } = deps.database
  const { activity } = await activityAllowing(db, actor, activityId, 'volunteer.manage')
  const now = deps.now()
  const allowed = canChange(activity, now)
  if (!allowed.ok) throw new AppError(allowed.code, allowed.message)
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(volunteerActivities)
      .set({ status: 'cancelled', cancelReason: input.reason, updatedAt: now })
      .where(and(eq(volunteerActivities.id, activityId), eq(volunteerActivities.status, 'open'), gt(volunteerActivities.startsAt, now)))
      .returning({ title: volunteerActivities.title })
    if (!row) throw new AppError('ACTIVITY_STARTED', '活动已经开始或已取消，不能再取消')
    const signedUp = await tx
      .select({ userId: volunteerSignups.userId })
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.status, 'signed_up')))
    await notify(tx, {
      userIds: signedUp.map((s) => s.userId),
      title: '志愿活动已取消',
      body: `您报名的「${row.title}」已取消：${input.reason}`,
    })
  })
  return getActivity(deps, actor.userId, activityId)
}
