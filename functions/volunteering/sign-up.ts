import { and, eq, gt, lt, sql } from 'drizzle-orm'
import type { Actor } from '../../domain/permissions.js'
import { canSignUp, canWithdraw, placesLeft } from '../../domain/volunteering/rules.js'
import type { Db } from '../../db/client.js'
import { volunteerActivities, volunteerSignups } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { activityAllowing } from './access.js'
import { mySignupView } from './views.js'

class AlreadySignedUp extends Error {}

/** Still open in the statement that counts: not cancelled and not yet started. */
const stillOpen = (activityId: string, now: Date) =>
  and(eq(volunteerActivities.id, activityId), eq(volunteerActivities.status, 'open'), gt(volunteerActivities.startsAt, now))

/**
 * A resident signs up: a place is taken by one conditional update (`signed_up_count < capacity` in
 * the statement that adds one), so however many sign up at once, exactly `capacity` get in and the
 * rest hear 409 ACTIVITY_FULL. Signing up again while signed up changes nothing; after withdrawing
 * the same row is used again.
 */
export async function signUp(deps: Deps, actor: Actor, activityId: string) {
  const { db } = deps.database
  const now = deps.now()
  const { activity } = await activityAllowing(db, actor, activityId, 'volunteer.join')
  const [existing] = await db
    .select({ status: volunteerSignups.status })
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.userId, actor.userId)))
  if (existing && existing.status !== 'withdrawn') return signupState(db, activityId, actor.userId)
  const allowed = canSignUp(activity, now)
  if (!allowed.ok) throw new AppError(allowed.code, allowed.message)
  try {
    await db.transaction(async (tx) => {
      const [place] = await tx
        .update(volunteerActivities)
        .set({ signedUpCount: sql`${volunteerActivities.signedUpCount} + 1` })
        .where(and(stillOpen(activityId, now), lt(volunteerActivities.signedUpCount, volunteerActivities.capacity)))
        .returning({ id: volunteerActivities.id })
      if (!place) {
        const [fresh] = await tx.select().from(volunteerActivities).where(eq(volunteerActivities.id, activityId))
        const again = canSignUp(fresh, now)
        throw again.ok ? new AppError('ACTIVITY_FULL') : new AppError(again.code, again.message)
      }
      const [row] = await tx
        .insert(volunteerSignups)
        .values({ activityId, communityId: activity.communityId, userId: actor.userId, createdAt: now })
        .onConflictDoUpdate({
          target: [volunteerSignups.activityId, volunteerSignups.userId],
          set: { status: 'signed_up', createdAt: now, withdrawnAt: null },
          setWhere: eq(volunteerSignups.status, 'withdrawn'),
        })
        .returning({ id: volunteerSignups.id })
      // Already signed up (a second tap at the same moment): give the place back.
      if (!row) throw new AlreadySignedUp()
    })
  } catch (err) {
    if (!(err instanceof AlreadySignedUp)) throw err
  }
  return signupState(db, activityId, actor.userId)
}

/** A resident withdraws before the start; the place is free again at once. */
export async function withdraw(deps: Deps, actor: Actor, activityId: string) {
  const { db } = deps.database
  const now = deps.now()
  const { activity } = await activityAllowing(db, actor, activityId, 'volunteer.join')
  const allowed = canWithdraw(activity, now)
  if (!allowed.ok) throw new AppError(allowed.code, allowed.message)
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(volunteerSignups)
      .set({ status: 'withdrawn', withdrawnAt: now })
      .where(
        and(
          eq(volunteerSignups.activityId, activityId),
          eq(volunteerSignups.userId, actor.userId),
          eq(volunteerSignups.status, 'signed_up'),
        ),
      )
      .returning({ id: volunteerSignups.id })
    if (!row) return
    const [freed] = await tx
      .update(volunteerActivities)
      .set({ signedUpCount: sql`${volunteerActivities.signedUpCount} - 1` })
      .where(stillOpen(activityId, now))
      .returning({ id: volunteerActivities.id })
    if (!freed) throw new AppError('ACTIVITY_STARTED', '活动已经开始，不能取消报名了，请联系组织者')
  })
  return signupState(db, activityId, actor.userId)
}

async function signupState(db: Db, activityId: string, userId: string) {
  const [[activity], [signup]] = await Promise.all([
    db.select().from(volunteerActivities).where(eq(volunteerActivities.id, activityId)),
    db
      .select()
      .from(volunteerSignups)
      .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.userId, userId))),
  ])
  return { mine: mySignupView(signup, null), signedUpCount: activity.signedUpCount, placesLeft: placesLeft(activity) }
}
