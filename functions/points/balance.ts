import { and, desc, eq, getTableColumns, gte, lt, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { z } from 'zod'
import { monthBounds, monthOf, statementOf } from '../../domain/points/ledger.js'
import type { PointsStatement, PointsSummary, StatementQuery } from '../../domain/schemas/points.js'
import type { Db } from '../../db/client.js'
import { pointsEntries } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { balanceOf, householdIdOf } from './parts.js'
import { entryView } from './views.js'

const entryShape = jsonShape(getTableColumns(pointsEntries))

/** A resident's own balance, their household's, and their latest entries: one statement with the actor. */
export async function getSummary(deps: Deps, userId: string, communityId: string): Promise<z.output<typeof PointsSummary>> {
  const { db } = deps.database
  const recent = db
    .select({ r: entryShape.object })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.communityId, communityId), eq(pointsEntries.userId, userId)))
    .orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id))
    .limit(20)
  const read = await readInCommunity(db, userId, communityId, 'points.hold', {
    householdId: householdIdOf(db, communityId, userId),
    balance: balanceOf(db, communityId, userId),
    householdBalance: sumOf(db, eq(pointsEntries.householdId, householdIdOf(db, communityId, userId))),
    recent: allOf(recent),
  })
  return {
    communityId,
    balance: Number(read.balance),
    household: read.householdId ? { id: read.householdId, balance: Number(read.householdBalance) } : null,
    recent: read.recent.map((e) => entryView(entryShape.decode(e), userId)),
  }
}

/** The sum of the entries `where` selects (0 for none), as a scalar subquery. */
function sumOf(db: Db, where: SQL | undefined): SQL<string | number> {
  const sum = db
    .select({ sum: sql`coalesce(sum(${pointsEntries.amount}), 0)` })
    .from(pointsEntries)
    .where(where)
  return sql<string | number>`${sum}`
}

/** The month's entries of the resident (or their household), with the opening and closing balances. */
export async function getStatement(
  deps: Deps,
  userId: string,
  communityId: string,
  query: z.output<typeof StatementQuery>,
): Promise<z.output<typeof PointsStatement>> {
  const { db } = deps.database
  const month = query.month ?? monthOf(deps.now())
  const bounds = monthBounds(month)!
  // The household is a scalar subquery each time it is used (a builder is embedded once).
  const owner = () =>
    query.scope === 'household'
      ? eq(pointsEntries.householdId, householdIdOf(db, communityId, userId))
      : and(eq(pointsEntries.communityId, communityId), eq(pointsEntries.userId, userId))
  const rows = db
    .select({ r: entryShape.object })
    .from(pointsEntries)
    .where(and(owner(), gte(pointsEntries.createdAt, bounds.from), lt(pointsEntries.createdAt, bounds.to)))
    .orderBy(pointsEntries.createdAt, pointsEntries.id)
  const read = await readInCommunity(db, userId, communityId, 'points.hold', {
    householdId: householdIdOf(db, communityId, userId),
    opening: sumOf(db, and(owner(), lt(pointsEntries.createdAt, bounds.from))),
    rows: allOf(rows),
  })
  if (query.scope === 'household' && !read.householdId) throw new AppError('NOT_FOUND', '您在本社区还没有认证的房屋')
  const s = statementOf(
    Number(read.opening),
    read.rows.map((e) => entryView(entryShape.decode(e), userId)),
  )
  return { month, scope: query.scope, ...s }
}

const totalShape = jsonShape({
  kind: pointsEntries.kind,
  sum: sql<string>`sum(${pointsEntries.amount})`,
  count: sql<string>`count(*)`,
})

/**
 * Totals of a community's ledger over [from, to): points earned per kind and spent, for the
 * 议事协商台账 (functions/ledgers/points.ts), as a part of the ledger's one statement (decision 039);
 * the community may be a column of an outer read (a street's ledger). `pointsTotalsFrom` reads it.
 */
export function pointsTotalsPart(db: Db, communityId: string | SQLWrapper, from: Date, to: Date): SQL<unknown[]> {
  return allOf(
    db
      .select({ r: totalShape.object })
      .from(pointsEntries)
      .where(and(eq(pointsEntries.communityId, communityId), gte(pointsEntries.createdAt, from), lt(pointsEntries.createdAt, to)))
      .groupBy(pointsEntries.kind),
  )
}

/** `pointsTotalsPart`'s rows: each kind's sum and count. */
export function pointsTotalsFrom(values: unknown[]) {
  return values.map(totalShape.decode).map((r) => ({ kind: r.kind, sum: Number(r.sum), count: Number(r.count) }))
}
