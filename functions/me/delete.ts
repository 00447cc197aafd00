import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import {
  resources,
  concernPhotos,
  concerns,
  councilRegistrations,
  councilSessionPhotos,
  errands,
  errandStations,
  eventPhotos,
  follows,
  households,
  idempotencyKeys,
  memberships,
  notifications,
  outbox,
  photos,
  proposalPhotos,
  residencyClaims,
  streetMemberships,
  units,
  users,
  voteBallots,
} from '../../db/schema/index.js'
import type { Deps } from '../context.js'

/** The name every reply shows for a person who deleted their account. */
export const DELETED_USER_NAME = '已注销用户'

/**
 * Deletes an account (个人信息保护法 art. 47; decision 018) in one transaction. The user row stays
 * as an opaque tombstone (id only) so what the person contributed to the community keeps an
 * author; everything that says who they were or where they live goes:
 * - profile: nickname → 已注销用户, openid/unionid/phone/avatar cleared (a new WeChat sign-in makes
 *   a new account), and `deleted_at` makes every token they hold stop working;
 * - memberships (community and street), residency claims, follows, notifications, queued messages, idempotency keys,
 *   registrations they never attended; photos they uploaded that are attached to nothing;
 * - their concerns stay, the household they named turned into its building;
 * - ballots stay counted; the ballot loses the link to who cast it (the roll keeps the household
 *   or the opaque elector row);
 * - co-signs, attended registrations and topics stay, pointing at the tombstone;
 * - errands they asked lose the door and phone (open ones are cancelled); a station they kept stops serving;
 * - their places in 志愿活动 not yet started are given back.
 */
export async function deleteAccount(deps: Deps, userId: string): Promise<Date> {
  const now = deps.now()
  await deps.database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        nickname: DELETED_USER_NAME,
        openid: null,
        unionid: null,
        phone: null,
        avatarUrl: null,
        demoNote: null,
        lastSeenAt: null,
        deletedAt: now,
      })
      .where(eq(users.id, userId))
    // A concern placed at the author's own home would say where they live: keep only the building.
    await tx
      .update(concerns)
      .set({
        buildingId: sql`(select ${units.buildingId} from ${households} join ${units} on ${units.id} = ${households.unitId} where ${households.id} = ${concerns.householdId})`,
        householdId: null,
      })
      .where(and(eq(concerns.authorId, userId), sql`${concerns.householdId} is not null`))
    await tx.update(voteBallots).set({ castBy: null }).where(eq(voteBallots.castBy, userId))
    await tx.delete(memberships).where(eq(memberships.userId, userId))
    await tx.delete(streetMemberships).where(eq(streetMemberships.userId, userId))
    await tx.delete(residencyClaims).where(eq(residencyClaims.userId, userId))
    const unfollowed = await tx.delete(follows).where(eq(follows.userId, userId)).returning({ concernId: follows.concernId })
    if (unfollowed.length)
      await tx
        .update(concerns)
        .set({ followCount: sql`greatest(${concerns.followCount} - 1, 0)` })
        .where(
          inArray(
            concerns.id,
            unfollowed.map((f) => f.concernId),
          ),
        )
    // A resident's own offered resources carry their name and phone (资源清单): gone with the account.
    await tx.delete(resources).where(and(eq(resources.createdBy, userId), eq(resources.ownerKind, 'resident')))
    await tx
      .update(errands)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(errands.askedBy, userId), inArray(errands.status, ['asked', 'accepted'])))
    await tx
      .update(errands)
      .set({ address: '', contactPhone: '' })
      .where(and(eq(errands.askedBy, userId), eq(errands.onBehalf, false)))
    await tx.update(errandStations).set({ active: false }).where(eq(errandStations.helperId, userId))
    // Places taken in activities not yet started are given back; attended shifts stay (their points do too).
    await tx.execute(sql`with gone as (
        update volunteer_signups s set status = 'withdrawn', withdrawn_at = ${now}
        from volunteer_activities a
        where s.activity_id = a.id and s.user_id = ${userId} and s.status = 'signed_up' and a.starts_at > ${now}
        returning s.activity_id)
      update volunteer_activities set signed_up_count = signed_up_count - 1 where id in (select activity_id from gone)`)
    await tx.delete(notifications).where(eq(notifications.userId, userId))
    await tx.delete(outbox).where(eq(outbox.userId, userId))
    await tx.delete(idempotencyKeys).where(eq(idempotencyKeys.userId, userId))
    await tx.delete(councilRegistrations).where(and(eq(councilRegistrations.userId, userId), isNull(councilRegistrations.checkedInAt)))
    await tx
      .delete(photos)
      .where(
        and(
          eq(photos.uploadedBy, userId),
          sql`not exists (select 1 from ${concernPhotos} where ${concernPhotos.photoId} = ${photos.id})`,
          sql`not exists (select 1 from ${eventPhotos} where ${eventPhotos.photoId} = ${photos.id})`,
          sql`not exists (select 1 from ${councilSessionPhotos} where ${councilSessionPhotos.photoId} = ${photos.id})`,
          sql`not exists (select 1 from ${proposalPhotos} where ${proposalPhotos.photoId} = ${photos.id})`,
        ),
      )
  })
  return now
}
