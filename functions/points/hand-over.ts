import { and, eq } from 'drizzle-orm'
import { handOverCheck } from '../../domain/points/ledger.js'
import type { Actor } from '../../domain/permissions.js'
import { pointsItems, pointsRedemptions } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { closeRedemption } from './close.js'
import { redemptionView } from './views.js'

/**
 * Staff scan or type a resident's code and hand the item over. The redemption row is locked, so
 * two scans of one code at once hand over once: the second gets 409 CODE_ALREADY_USED. An expired
 * code is closed (points and stock returned) and refused with 409.
 */
export async function handOver(deps: Deps, actor: Actor, communityId: string, code: string) {
  const { db } = deps.database
  const now = deps.now()
  await communityAllowing(db, actor, communityId, 'points.manage')
  const outcome = await db.transaction(async (tx) => {
    const [r] = await tx
      .select()
      .from(pointsRedemptions)
      .where(and(eq(pointsRedemptions.communityId, communityId), eq(pointsRedemptions.code, code)))
      .for('update')
    if (!r) throw new AppError('NOT_FOUND', '没有这个兑换码，请核对后重试')
    const check = handOverCheck(r, now)
    if (!check.ok) return { refused: check.code, id: r.id }
    const [row] = await tx
      .update(pointsRedemptions)
      .set({ status: 'handed_over', closedAt: now, closedBy: actor.userId })
      .where(eq(pointsRedemptions.id, r.id))
      .returning()
    const [item] = await tx.select({ name: pointsItems.name }).from(pointsItems).where(eq(pointsItems.id, row.itemId))
    return { row: { ...row, itemName: item.name } }
  })
  if ('refused' in outcome) {
    if (outcome.refused === 'REDEMPTION_EXPIRED') await closeRedemption(deps, outcome.id, 'expired', null)
    throw new AppError(outcome.refused!)
  }
  return redemptionView(outcome.row, actor.userId, now)
}
