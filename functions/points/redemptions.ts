import { and, desc, eq, or } from 'drizzle-orm'
import { pointsItems, pointsRedemptions } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { isStaffSql, readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { redemptionView } from './views.js'

const redemptionShape = jsonShape({
  id: pointsRedemptions.id,
  itemId: pointsRedemptions.itemId,
  itemName: pointsItems.name,
  userId: pointsRedemptions.userId,
  price: pointsRedemptions.price,
  code: pointsRedemptions.code,
  status: pointsRedemptions.status,
  expiresAt: pointsRedemptions.expiresAt,
  createdAt: pointsRedemptions.createdAt,
  closedAt: pointsRedemptions.closedAt,
})

/**
 * A resident's own redemptions (their codes); staff see the community's latest 100, codes hidden
 * until used. One statement with the actor: whose rows are read is decided in SQL (staff or not),
 * since each list is capped at 100.
 */
export async function listRedemptions(deps: Deps, userId: string, communityId: string) {
  const { db } = deps.database
  const list = db
    .select({ r: redemptionShape.object })
    .from(pointsRedemptions)
    .innerJoin(pointsItems, eq(pointsItems.id, pointsRedemptions.itemId))
    .where(and(eq(pointsRedemptions.communityId, communityId), or(isStaffSql(userId, communityId), eq(pointsRedemptions.userId, userId))))
    .orderBy(desc(pointsRedemptions.createdAt))
    .limit(100)
  const { rows } = await readInCommunity(db, userId, communityId, 'points.view', { rows: allOf(list) })
  const now = deps.now()
  return { items: rows.map((r) => redemptionView(redemptionShape.decode(r), userId, now)) }
}
