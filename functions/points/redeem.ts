import { randomInt } from 'node:crypto'
import { and, eq, gte, sql } from 'drizzle-orm'
import { redemptionValidHours } from '../../domain/points/kinds.js'
import { redeemCheck, redemptionCode } from '../../domain/points/ledger.js'
import type { Actor } from '../../domain/permissions.js'
import type { Tx } from '../../db/client.js'
import { pointsItems, pointsRedemptions } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, pgErrorCode } from '../http/errors.js'
import { balanceIn, postEntry } from './ledger.js'
import { redemptionView } from './views.js'

/**
 * Redeem one item at the 爱心超市 (docs/decisions/031). In one transaction: take one off the shelf
 * with a conditional update (stock >= 1), debit the points with a conditional update of the account
 * (balance >= price), write the redemption with a one-time 8-digit code and its ledger entry. Either
 * refusal rolls back both, so under any number of concurrent requests stock and balance stay exact.
 */
export async function redeem(deps: Deps, actor: Actor, itemId: string) {
  const { db } = deps.database
  const now = deps.now()
  const [item] = await db.select().from(pointsItems).where(eq(pointsItems.id, itemId))
  if (!item) throw new AppError('NOT_FOUND', '物品不存在')
  try {
    await communityAllowing(db, actor, item.communityId, 'points.view')
  } catch {
    throw new AppError('NOT_FOUND', '物品不存在')
  }
  await communityAllowing(db, actor, item.communityId, 'points.hold')
  const expiresAt = new Date(now.getTime() + redemptionValidHours * 3600_000)
  const result = await db.transaction(async (tx) => {
    const [taken] = await tx
      .update(pointsItems)
      .set({ stock: sql`${pointsItems.stock} - 1` })
      .where(and(eq(pointsItems.id, itemId), eq(pointsItems.active, true), gte(pointsItems.stock, 1)))
      .returning({ price: pointsItems.price })
    if (!taken) await refuse(tx, item.communityId, actor.userId, itemId)
    const price = taken.price
    const redemption = await insertRedemption(tx, { communityId: item.communityId, itemId, userId: actor.userId, price, expiresAt, now })
    const posted = await postEntry(tx, {
      communityId: item.communityId,
      userId: actor.userId,
      amount: -price,
      kind: 'redemption',
      sourceType: 'redemption',
      sourceId: redemption.id,
      reason: `兑换 ${item.name}`,
      createdBy: actor.userId,
      createdAt: now,
    })
    return { redemption, balance: posted!.balance }
  })
  return redemptionView({ ...result.redemption, itemName: item.name }, actor.userId, now, result.balance)
}

/** Why the shelf update took nothing: the item is off or out of stock (409 with the balance). */
async function refuse(tx: Tx, communityId: string, userId: string, itemId: string): Promise<never> {
  const [item] = await tx.select().from(pointsItems).where(eq(pointsItems.id, itemId))
  const balance = await balanceIn(tx, communityId, userId)
  const check = redeemCheck(item, balance)
  const code = check.ok ? 'OUT_OF_STOCK' : check.code
  throw new AppError(code, undefined, { balance, price: item.price, stock: item.stock })
}

interface NewRedemption {
  communityId: string
  itemId: string
  userId: string
  price: number
  expiresAt: Date
  now: Date
}

/** A fresh code unique in the community; a collision (1 in 10⁸ per open code) retries in a savepoint. */
async function insertRedemption(tx: Tx, r: NewRedemption) {
  for (let attempt = 0; ; attempt++) {
    const code = redemptionCode(() => randomInt(0, 10) / 10)
    try {
      return await tx.transaction(async (sp) => {
        const [row] = await sp
          .insert(pointsRedemptions)
          .values({
            communityId: r.communityId,
            itemId: r.itemId,
            userId: r.userId,
            price: r.price,
            code,
            expiresAt: r.expiresAt,
            createdAt: r.now,
          })
          .returning()
        return row
      })
    } catch (err) {
      if (pgErrorCode(err) !== '23505' || attempt >= 4) throw err
    }
  }
}
