import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { rankNeeds, roundPhase } from '../../domain/needs/dots.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { DotRound, RoundInput } from '../../domain/schemas/needs.js'
import type { Db } from '../../db/client.js'
import { councilSessions, needDots, needRounds, needs } from '../../db/schema/index.js'
import { communityAllowing, communityContext } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, pgErrorCode } from '../http/errors.js'

type RoundRow = typeof needRounds.$inferSelect
type RoundView = z.output<typeof DotRound>

/** Rounds → replies: the session, the phase, the caller's dots and the ranking of the community's open and offered needs. */
export async function roundViews(db: Db, actor: Actor, rounds: RoundRow[], now: Date): Promise<RoundView[]> {
  if (!rounds.length) return []
  const ids = rounds.map((r) => r.id)
  const [sessions, totals, mine, candidates] = await Promise.all([
    db
      .select({ id: councilSessions.id, title: councilSessions.title, startsAt: councilSessions.startsAt })
      .from(councilSessions)
      .where(
        inArray(
          councilSessions.id,
          rounds.map((r) => r.sessionId),
        ),
      ),
    db
      .select({ roundId: needDots.roundId, needId: needDots.needId, dots: sql<number>`sum(${needDots.count})::int` })
      .from(needDots)
      .where(inArray(needDots.roundId, ids))
      .groupBy(needDots.roundId, needDots.needId),
    db
      .select({ roundId: needDots.roundId, needId: needDots.needId, count: needDots.count })
      .from(needDots)
      .where(and(inArray(needDots.roundId, ids), eq(needDots.userId, actor.userId))),
    db
      .select()
      .from(needs)
      .where(and(inArray(needs.communityId, [...new Set(rounds.map((r) => r.communityId))]), inArray(needs.status, ['open', 'on_agenda']))),
  ])
  return rounds.map((r) => {
    const session = sessions.find((s) => s.id === r.sessionId)!
    const pool = candidates.filter((n) => n.communityId === r.communityId)
    const ranked = rankNeeds(
      pool.map((n) => ({
        needId: n.id,
        dots: totals.find((t) => t.roundId === r.id && t.needId === n.id)?.dots ?? 0,
        supporters: n.supporterCount,
        createdAt: n.createdAt,
      })),
    )
    const myDots = mine.filter((m) => m.roundId === r.id).map(({ needId, count }) => ({ needId, count }))
    const used = myDots.reduce((s, m) => s + m.count, 0)
    const ctx = { communityId: r.communityId }
    return {
      id: r.id,
      communityId: r.communityId,
      session: { id: session.id, title: session.title, startsAt: session.startsAt.toISOString() },
      dots: r.dots,
      opensAt: r.opensAt.toISOString(),
      closesAt: r.closesAt.toISOString(),
      phase: roundPhase(r, now),
      myDots,
      dotsLeft: can(actor, 'needs.participate', ctx) ? Math.max(0, r.dots - used) : 0,
      ranking: ranked.map((k) => {
        const n = pool.find((p) => p.id === k.needId)!
        return { ...k, title: n.title, status: n.status, topicId: n.topicId }
      }),
    }
  })
}

/** The rounds a list shows: those not closed for more than two weeks, newest first. */
export async function recentRounds(db: Db, actor: Actor, communityId: string, now: Date) {
  const rows = await db
    .select()
    .from(needRounds)
    .where(and(eq(needRounds.communityId, communityId), gt(needRounds.closesAt, new Date(now.getTime() - 14 * 86400_000))))
    .orderBy(desc(needRounds.opensAt))
    .limit(3)
  return roundViews(db, actor, rows, now)
}

/** A round the actor may see: 404 otherwise. */
export async function visibleRound(db: Db, actor: Actor, roundId: string) {
  const [round] = await db.select().from(needRounds).where(eq(needRounds.id, roundId))
  const ctx = round ? await communityContext(db, round.communityId) : null
  if (!round || !ctx || !can(actor, 'needs.view', ctx)) throw new AppError('NOT_FOUND', '排序不存在')
  return { round, ctx }
}

export async function getRound(deps: Deps, actor: Actor, roundId: string) {
  const { round } = await visibleRound(deps.database.db, actor, roundId)
  const [view] = await roundViews(deps.database.db, actor, [round], deps.now())
  return view
}

/** Staff open a dot round before one of the community's sessions; one round per session. */
export async function openRound(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof RoundInput>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'needs.manage')
  const [session] = await db.select().from(councilSessions).where(eq(councilSessions.id, input.sessionId))
  if (!session || session.communityId !== communityId)
    throw new AppError('NOT_FOUND', '议事会不存在', { where: 'body', fields: [{ path: 'sessionId', message: '只能选择本社区的议事会' }] })
  if (Date.parse(input.closesAt) > session.startsAt.getTime())
    throw new AppError('VALIDATION_FAILED', '排序须在议事会召开前截止', {
      where: 'body',
      fields: [{ path: 'closesAt', message: '排序须在议事会召开前截止' }],
    })
  const [row] = await db
    .insert(needRounds)
    .values({
      communityId,
      sessionId: input.sessionId,
      dots: input.dots,
      opensAt: new Date(input.opensAt),
      closesAt: new Date(input.closesAt),
      createdBy: actor.userId,
      createdAt: deps.now(),
    })
    .returning()
    .catch((err: unknown) => {
      if (pgErrorCode(err) === '23505') throw new AppError('ROUND_EXISTS')
      throw err
    })
  const [view] = await roundViews(db, actor, [row], deps.now())
  return view
}
