import { and, desc, eq } from 'drizzle-orm'
import type { Actor } from '../../domain/permissions.js'
import { hasRole } from '../../domain/permissions.js'
import { pointsItems, pointsRedemptions } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { redemptionView } from './views.js'

/** A resident's own redemptions (their codes); staff see the community's latest 100, codes hidden until used. */
export async function listRedemptions(deps: Deps, actor: Actor, communityId: string) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.view')
  const staff = hasRole(actor, communityId, 'worker', 'admin')
  const rows = await db
    .select({
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
    .from(pointsRedemptions)
    .innerJoin(pointsItems, eq(pointsItems.id, pointsRedemptions.itemId))
    .where(and(eq(pointsRedemptions.communityId, communityId), staff ? undefined : eq(pointsRedemptions.userId, actor.userId)))
    .orderBy(desc(pointsRedemptions.createdAt))
    .limit(100)
  const now = deps.now()
  return { items: rows.map((r) => redemptionView(r, actor.userId, now)) }
}
