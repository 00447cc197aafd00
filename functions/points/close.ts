import { and, eq, lte, sql } from 'drizzle-orm'
import type { Actor } from '../../domain/permissions.js'
import { hasRole } from '../../domain/permissions.js'
import { pointsItems, pointsRedemptions } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { postEntry } from './ledger.js'
import { redemptionView } from './views.js'

/**
 * Closes a reserved redemption as cancelled or expired, in one transaction: the status changes only
 * from `reserved` (a conditional update, so a hand-over and a cancel at once cannot both win), the
 * item goes back on the shelf and the points come back as a `refund` entry. Returns false when the
 * redemption was no longer reserved.
 */
export async function closeRedemption(deps: Deps, redemptionId: string, status: 'cancelled' | 'expired', by: string | null) {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    const [r] = await tx
      .update(pointsRedemptions)
      .set({ status, closedAt: now, closedBy: by })
      .where(and(eq(pointsRedemptions.id, redemptionId), eq(pointsRedemptions.status, 'reserved')))
      .returning()
    if (!r) return false
    await tx
      .update(pointsItems)
      .set({ stock: sql`${pointsItems.stock} + 1` })
      .where(eq(pointsItems.id, r.itemId))
    await postEntry(tx, {
      communityId: r.communityId,
      userId: r.userId,
      amount: r.price,
      kind: 'refund',
      sourceType: 'redemption',
      sourceId: r.id,
      reason: status === 'cancelled' ? '取消兑换，积分退回' : '兑换码过期，积分退回',
      createdBy: by,
      createdAt: now,
    })
    return true
  })
}

/** The resident who redeemed, or staff of the community, cancel a reserved redemption (a repeat is a no-op). */
export async function cancelRedemption(deps: Deps, actor: Actor, redemptionId: string) {
  const { db } = deps.database
  const [r] = await db.select().from(pointsRedemptions).where(eq(pointsRedemptions.id, redemptionId))
  const staff = r && hasRole(actor, r.communityId, 'worker', 'admin')
  if (!r || (r.userId !== actor.userId && !staff)) throw new AppError('NOT_FOUND', '兑换记录不存在')
  if (!staff) await communityAllowing(db, actor, r.communityId, 'points.hold')
  if (r.status === 'reserved') await closeRedemption(deps, redemptionId, 'cancelled', actor.userId)
  const [row] = await db.select().from(pointsRedemptions).where(eq(pointsRedemptions.id, redemptionId))
  if (row.status === 'handed_over') throw new AppError('CODE_ALREADY_USED')
  const [item] = await db.select({ name: pointsItems.name }).from(pointsItems).where(eq(pointsItems.id, row.itemId))
  return redemptionView({ ...row, itemName: item.name }, actor.userId, deps.now())
}

/** The scheduled step: reserved redemptions past their expiry return their points and stock. */
export async function expireRedemptions(deps: Deps, batch = 200): Promise<number> {
  const due = await deps.database.db
    .select({ id: pointsRedemptions.id })
    .from(pointsRedemptions)
    .where(and(eq(pointsRedemptions.status, 'reserved'), lte(pointsRedemptions.expiresAt, deps.now())))
    .limit(batch)
  let closed = 0
  for (const r of due) if (await closeRedemption(deps, r.id, 'expired', null)) closed++
  return closed
}
