import { and, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { monthBounds, monthOf, statementOf } from '../../domain/points/ledger.js'
import type { Actor } from '../../domain/permissions.js'
import type { PointsStatement, PointsSummary, StatementQuery } from '../../domain/schemas/points.js'
import type { Db } from '../../db/client.js'
import { pointsEntries } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { balanceIn, householdOf } from './ledger.js'
import { entryView } from './views.js'

/** A resident's own balance, their household's, and their latest entries. */
export async function getSummary(deps: Deps, actor: Actor, communityId: string): Promise<z.output<typeof PointsSummary>> {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.hold')
  const householdId = await householdOf(db, communityId, actor.userId)
  const recent = await db
    .select()
    .from(pointsEntries)
    .where(and(eq(pointsEntries.communityId, communityId), eq(pointsEntries.userId, actor.userId)))
    .orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id))
    .limit(20)
  return {
    communityId,
    balance: await balanceIn(db, communityId, actor.userId),
    household: householdId ? { id: householdId, balance: await sumWhere(db, eq(pointsEntries.householdId, householdId)) } : null,
    recent: recent.map((e) => entryView(e, actor.userId)),
  }
}

async function sumWhere(db: Db, where: SQL | undefined): Promise<number> {
  const [row] = await db
    .select({ sum: sql<string>`coalesce(sum(${pointsEntries.amount}), 0)` })
    .from(pointsEntries)
    .where(where)
  return Number(row.sum)
}

/** The month's entries of the resident (or their household), with the opening and closing balances. */
export async function getStatement(
  deps: Deps,
  actor: Actor,
  communityId: string,
  query: z.output<typeof StatementQuery>,
): Promise<z.output<typeof PointsStatement>> {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.hold')
  const month = query.month ?? monthOf(deps.now())
  const bounds = monthBounds(month)!
  let owner: SQL | undefined
  if (query.scope === 'household') {
    const householdId = await householdOf(db, communityId, actor.userId)
    if (!householdId) throw new AppError('NOT_FOUND', '您在本社区还没有认证的房屋')
    owner = eq(pointsEntries.householdId, householdId)
  } else owner = and(eq(pointsEntries.communityId, communityId), eq(pointsEntries.userId, actor.userId))
  const opening = await sumWhere(db, and(owner, lt(pointsEntries.createdAt, bounds.from)))
  const rows = await db
    .select()
    .from(pointsEntries)
    .where(and(owner, gte(pointsEntries.createdAt, bounds.from), lt(pointsEntries.createdAt, bounds.to)))
    .orderBy(pointsEntries.createdAt, pointsEntries.id)
  const s = statementOf(
    opening,
    rows.map((e) => entryView(e, actor.userId)),
  )
  return { month, scope: query.scope, ...s }
}

/**
 * Totals of a community's ledger over [from, to): points earned per kind and spent, for the
 * 议事协商台账 (functions/ledgers/points.ts).
 */
export async function pointsTotals(db: Db, communityId: string, from: Date, to: Date) {
  const rows = await db
    .select({ kind: pointsEntries.kind, sum: sql<string>`sum(${pointsEntries.amount})`, count: sql<string>`count(*)` })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.communityId, communityId), gte(pointsEntries.createdAt, from), lt(pointsEntries.createdAt, to)))
    .groupBy(pointsEntries.kind)
  return rows.map((r) => ({ kind: r.kind, sum: Number(r.sum), count: Number(r.count) }))
}
