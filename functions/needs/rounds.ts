import { and, asc, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { rankNeeds, roundPhase } from '../../domain/needs/dots.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { DotRound, RoundInput } from '../../domain/schemas/needs.js'
import type { Db } from '../../db/client.js'
import { communities, councilSessions, needDots, needRounds, needs } from '../../db/schema/index.js'
import { allOf, firstOf, type JsonShape, jsonShape } from '../../db/together.js'
import { communityAllowing, communityContext, readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, pgErrorCode } from '../http/errors.js'
import { firstField, listField } from './parts.js'

type RoundView = z.output<typeof DotRound>

const sessionShape = jsonShape({ id: councilSessions.id, title: councilSessions.title, startsAt: councilSessions.startsAt })
const totalShape = jsonShape({ needId: needDots.needId, dots: sql<number>`sum(${needDots.count})::int`.mapWith(Number) })
const dotShape = jsonShape({ needId: needDots.needId, count: needDots.count })
const candidateShape = jsonShape({
  id: needs.id,
  title: needs.title,
  status: needs.status,
  topicId: needs.topicId,
  supporterCount: needs.supporterCount,
  createdAt: needs.createdAt,
})

/** A round with its session, the dots on each need and `userId`'s own dots, each a subquery on the outer `need_rounds` row. */
function roundFields(db: Db, userId: string) {
  return {
    round: needRounds,
    session: firstField(
      db.select({ r: sessionShape.object }).from(councilSessions).where(eq(councilSessions.id, needRounds.sessionId)),
      sessionShape,
    ),
    totals: listField(
      db.select({ r: totalShape.object }).from(needDots).where(eq(needDots.roundId, needRounds.id)).groupBy(needDots.needId),
      totalShape,
    ),
    mine: listField(
      db
        .select({ r: dotShape.object })
        .from(needDots)
        .where(and(eq(needDots.roundId, needRounds.id), eq(needDots.userId, userId))),
      dotShape,
    ),
  }
}

type RoundWith = ReturnType<JsonShape<ReturnType<typeof roundFields>>['decode']>
type Candidate = ReturnType<typeof candidateShape.decode>

/** The needs a round ranks: the community's open and offered ones (`communityId` a value or a subquery). */
function candidatesOf(db: Db, communityId: SQL) {
  return allOf(
    db
      .select({ r: candidateShape.object })
      .from(needs)
      .where(and(sql`${needs.communityId} = ${communityId}`, inArray(needs.status, ['open', 'on_agenda'])))
      .orderBy(asc(needs.createdAt), asc(needs.id)),
  )
}

/** A round → the reply: the phase, the caller's dots and the ranking of `candidates` (its community's open and offered needs). */
function roundView({ round: r, session, totals, mine }: RoundWith, candidates: Candidate[], actor: Actor, now: Date): RoundView {
  const ranked = rankNeeds(
    candidates.map((n) => ({
      needId: n.id,
      dots: totals.find((t) => t.needId === n.id)?.dots ?? 0,
      supporters: n.supporterCount,
      createdAt: n.createdAt,
    })),
  )
  const used = mine.reduce((s, m) => s + m.count, 0)
  const ctx = { communityId: r.communityId }
  const s = session!
  return {
    id: r.id,
    communityId: r.communityId,
    session: { id: s.id, title: s.title, startsAt: s.startsAt.toISOString() },
    dots: r.dots,
    opensAt: r.opensAt.toISOString(),
    closesAt: r.closesAt.toISOString(),
    phase: roundPhase(r, now),
    myDots: mine,
    dotsLeft: can(actor, 'needs.participate', ctx) ? Math.max(0, r.dots - used) : 0,
    ranking: ranked.map((k) => {
      const n = candidates.find((p) => p.id === k.needId)!
      return { ...k, title: n.title, status: n.status, topicId: n.topicId }
    }),
  }
}

/**
 * The parts of the rounds a community's list shows (those not closed for more than two weeks,
 * newest first) and the needs they rank; `recentRoundViews` turns them into replies.
 */
export function recentRoundParts(db: Db, userId: string, communityId: string, now: Date) {
  const shape = jsonShape(roundFields(db, userId))
  return {
    shape,
    parts: {
      rounds: allOf(
        db
          .select({ r: shape.object })
          .from(needRounds)
          .where(and(eq(needRounds.communityId, communityId), gt(needRounds.closesAt, new Date(now.getTime() - 14 * 86400_000))))
          .orderBy(desc(needRounds.opensAt))
          .limit(3),
      ),
      candidates: candidatesOf(db, sql`${communityId}`),
    },
  }
}

export function recentRoundViews(
  shape: ReturnType<typeof recentRoundParts>['shape'],
  rows: { rounds: unknown[]; candidates: unknown[] },
  actor: Actor,
  now: Date,
) {
  const candidates = rows.candidates.map(candidateShape.decode)
  return rows.rounds.map((r) => roundView(shape.decode(r), candidates, actor, now))
}

/** A round the actor may see: 404 otherwise. */
export async function visibleRound(db: Db, actor: Actor, roundId: string) {
  const [round] = await db.select().from(needRounds).where(eq(needRounds.id, roundId))
  const ctx = round ? await communityContext(db, round.communityId) : null
  if (!round || !ctx || !can(actor, 'needs.view', ctx)) throw new AppError('NOT_FOUND', '排序不存在')
  return { round, ctx }
}

/** One round in one statement with the actor (decision 039): 404 unless the actor may see its community's needs. */
export async function getRound(deps: Deps, userId: string, roundId: string) {
  const { db } = deps.database
  const shape = jsonShape({ ...roundFields(db, userId), streetId: communities.streetId })
  const { actor, round, candidates } = await readSignedIn(db, userId, {
    round: firstOf(
      db
        .select({ r: shape.object })
        .from(needRounds)
        .innerJoin(communities, eq(communities.id, needRounds.communityId))
        .where(eq(needRounds.id, roundId)),
    ),
    candidates: candidatesOf(db, sql`(${db.select({ c: needRounds.communityId }).from(needRounds).where(eq(needRounds.id, roundId))})`),
  })
  const found = round ? shape.decode(round) : null
  if (!found || !can(actor, 'needs.view', { communityId: found.round.communityId, streetId: found.streetId }))
    throw new AppError('NOT_FOUND', '排序不存在')
  return roundView(found, candidates.map(candidateShape.decode), actor, deps.now())
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
  return getRound(deps, actor.userId, row.id)
}
