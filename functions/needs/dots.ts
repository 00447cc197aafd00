import { and, eq, ne, sql } from 'drizzle-orm'
import { placeDots, roundPhase } from '../../domain/needs/dots.js'
import { rankable } from '../../domain/needs/needs.js'
import { can, type Actor } from '../../domain/permissions.js'
import { needBallots, needDots, needRounds, needs } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { getRound, visibleRound } from './rounds.js'

/**
 * A verified resident sets how many of their dots lie on one open need (0 takes them back). Their
 * ballot row is locked first, so two placements at once are counted one after the other and the
 * total never passes the round's allowance: a placement that would is 409 with the dots left.
 */
export async function setDots(deps: Deps, actor: Actor, roundId: string, needId: string, count: number) {
  const { db } = deps.database
  const { round, ctx } = await visibleRound(db, actor, roundId)
  if (!can(actor, 'needs.participate', ctx)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能参与排序')
  const [need] = await db.select().from(needs).where(eq(needs.id, needId))
  if (!need || need.communityId !== round.communityId) throw new AppError('NOT_FOUND', '需求不存在')
  if (count > 0 && !rankable(need.status)) throw new AppError('NEED_NOT_OPEN')
  const now = deps.now()
  await db.transaction(async (tx) => {
    await tx
      .insert(needBallots)
      .values({ roundId, userId: actor.userId, updatedAt: now })
      .onConflictDoUpdate({ target: [needBallots.roundId, needBallots.userId], set: { updatedAt: now } })
    await tx
      .select()
      .from(needBallots)
      .where(and(eq(needBallots.roundId, roundId), eq(needBallots.userId, actor.userId)))
      .for('update')
    const [{ others }] = await tx
      .select({ others: sql<number>`coalesce(sum(${needDots.count}), 0)::int` })
      .from(needDots)
      .where(and(eq(needDots.roundId, roundId), eq(needDots.userId, actor.userId), ne(needDots.needId, needId)))
    const [fresh] = await tx.select().from(needRounds).where(eq(needRounds.id, roundId))
    const placed = placeDots({ allowance: fresh.dots, onOtherNeeds: others, count, phase: roundPhase(fresh, now) })
    if (!placed.ok) {
      if (placed.reason === 'round_not_open') throw new AppError('ROUND_NOT_OPEN')
      throw new AppError('DOTS_EXCEEDED', `点数不够了：还剩 ${placed.left} 点`, { dotsLeft: placed.left, allowance: fresh.dots })
    }
    const key = and(eq(needDots.roundId, roundId), eq(needDots.needId, needId), eq(needDots.userId, actor.userId))
    if (count === 0) await tx.delete(needDots).where(key)
    else
      await tx
        .insert(needDots)
        .values({ roundId, needId, userId: actor.userId, count })
        .onConflictDoUpdate({ target: [needDots.roundId, needDots.needId, needDots.userId], set: { count } })
  })
  return getRound(deps, actor.userId, roundId)
}
