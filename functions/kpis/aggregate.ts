import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm'
import { defaultLimits } from '../../domain/concerns/milestones.js'
import { contributions, type DayCounters, diffContributions, type KpiConcern } from '../../domain/kpis/contributions.js'
import { addCounters, type Counters, emptyCounters, isZero } from '../../domain/kpis/formulas.js'
import type { Db, Tx } from '../../db/client.js'
import { communities, type ConcernRow, concerns, kpiDaily } from '../../db/schema/index.js'

/** The columns of a concern its counters and their keys depend on. */
export type KpiRow = Pick<
  ConcernRow,
  | 'communityId'
  | 'gridId'
  | 'assigneeUserId'
  | 'assigneeOrg'
  | 'category'
  | 'status'
  | 'createdAt'
  | 'acknowledgedAt'
  | 'acknowledgeDueAt'
  | 'dueAt'
  | 'resolvedAt'
  | 'reopenCount'
  | 'rating'
  | 'ratedAt'
>

/** The stored milestone fields as the domain's formulas read them; stored deadlines win over the limits. */
export function kpiConcern(row: KpiRow): KpiConcern {
  return {
    status: row.status,
    receivedAt: row.createdAt,
    acknowledgedAt: row.acknowledgedAt,
    resolvedAt: row.resolvedAt,
    reopenCount: row.reopenCount,
    rating: row.rating,
    ratedAt: row.ratedAt,
    deadlines: { acknowledge: row.acknowledgeDueAt, resolve: row.dueAt },
  }
}

/** Which aggregate rows a concern counts in: its community, grid, worker (the assignee), partner and category. */
interface KpiKey {
  communityId: string
  gridId: string | null
  workerId: string | null
  partner: string | null
  category: ConcernRow['category']
}

function keyOf(row: KpiRow): KpiKey {
  return {
    communityId: row.communityId,
    gridId: row.gridId,
    workerId: row.assigneeUserId,
    partner: row.assigneeOrg,
    category: row.category,
  }
}

const keyText = (k: KpiKey) => [k.communityId, k.gridId ?? '', k.workerId ?? '', k.partner ?? '', k.category].join('|')

export function contributionsOf(row: KpiRow): DayCounters[] {
  return contributions(kpiConcern(row), defaultLimits[row.category])
}

interface Delta {
  key: KpiKey
  day: string
  counters: Counters
}

/** What to add to the aggregate rows when a concern goes from `before` to `after` (null: it did not exist). */
export function kpiDeltas(before: KpiRow | null, after: KpiRow | null): Delta[] {
  const was = before ? contributionsOf(before) : []
  const is = after ? contributionsOf(after) : []
  if (before && after && keyText(keyOf(before)) === keyText(keyOf(after))) {
    return diffContributions(was, is).map((d) => ({ key: keyOf(after), ...d }))
  }
  return [
    ...(before ? diffContributions(was, []).map((d) => ({ key: keyOf(before), ...d })) : []),
    ...(after ? diffContributions([], is).map((d) => ({ key: keyOf(after), ...d })) : []),
  ]
}

/** The counters' columns, by the name `Counters` gives them. */
export const scalarColumns = {
  received: kpiDaily.received,
  acknowledged: kpiDaily.acknowledged,
  ackOnTime: kpiDaily.ackOnTime,
  due: kpiDaily.due,
  resolved: kpiDaily.resolved,
  resolvedNotReopened: kpiDaily.resolvedNotReopened,
  onTime: kpiDaily.onTime,
  reopened: kpiDaily.reopened,
  rated: kpiDaily.rated,
} as const

const arrayLiteral = (xs: readonly number[]) => `{${xs.join(',')}}`

/** Element-wise sum of a stored histogram and a delta's. */
const addArray = (column: string, delta: readonly number[]) =>
  sql`array(select coalesce(a, 0) + coalesce(b, 0) from unnest(${sql.raw(column)}, ${arrayLiteral(delta)}::int[]) with ordinality as t(a, b, i) order by i)`

const sameKey = (d: Delta) =>
  and(
    eq(kpiDaily.communityId, d.key.communityId),
    d.key.gridId ? eq(kpiDaily.gridId, d.key.gridId) : isNull(kpiDaily.gridId),
    d.key.workerId ? eq(kpiDaily.workerId, d.key.workerId) : isNull(kpiDaily.workerId),
    d.key.partner ? eq(kpiDaily.partner, d.key.partner) : isNull(kpiDaily.partner),
    eq(kpiDaily.category, d.key.category),
    eq(kpiDaily.day, d.day),
  )

/**
 * Adds deltas to the aggregate rows: the missing rows are created empty in one statement, then
 * each row gets its delta in key order — so two transactions touching the same rows lock them
 * in the same order, and the table's CHECKs (no negative count, numerators within denominators)
 * judge every row as it ends up, not the delta.
 */
async function upsert(tx: Tx, deltas: Delta[]) {
  const merged = new Map<string, Delta>()
  for (const d of deltas) {
    const k = `${keyText(d.key)}|${d.day}`
    const seen = merged.get(k)
    merged.set(k, seen ? { ...seen, counters: addCounters(seen.counters, d.counters) } : d)
  }
  const rows = [...merged.entries()].filter(([, d]) => !isZero(d.counters)).sort(([a], [b]) => (a < b ? -1 : 1))
  if (!rows.length) return
  const zero = emptyCounters()
  await tx
    .insert(kpiDaily)
    .values(
      rows.map(([, d]) => ({
        streetId: sql`(select street_id from communities where id = ${d.key.communityId})`,
        ...d.key,
        day: d.day,
        ratings: zero.ratings,
        ackMinutes: zero.ackMinutes,
        resolveMinutes: zero.resolveMinutes,
      })) as unknown as (typeof kpiDaily.$inferInsert)[],
    )
    .onConflictDoNothing()
  for (const [, d] of rows) {
    const set: Record<string, SQL> = {}
    for (const [key, col] of Object.entries(scalarColumns)) {
      const n = d.counters[key as keyof typeof scalarColumns]
      if (n) set[key] = sql`${col} + ${n}`
    }
    if (d.counters.ratings.some(Boolean)) set.ratings = addArray('ratings', d.counters.ratings)
    if (d.counters.ackMinutes.some(Boolean)) set.ackMinutes = addArray('ack_minutes', d.counters.ackMinutes)
    if (d.counters.resolveMinutes.some(Boolean)) set.resolveMinutes = addArray('resolve_minutes', d.counters.resolveMinutes)
    await tx.update(kpiDaily).set(set).where(sameKey(d))
  }
}

/**
 * Keeps the 三率's counters in step with a concern, inside the transaction that changes it: call
 * with the row as it was (locked, or null for a new concern) and as it is now. Every change that
 * can move a figure goes through here — raise, 签收, decline, merge, assign, resolve, rate, reopen,
 * auto-close — so the figures never need a scan of concerns.
 */
export async function applyKpiChange(tx: Tx, before: KpiRow | null, after: KpiRow | null): Promise<void> {
  await upsert(tx, kpiDeltas(before, after))
}

/** The columns `kpiDeltas` reads, and nothing else: a rebuild reads every concern. */
const kpiColumns = {
  communityId: concerns.communityId,
  gridId: concerns.gridId,
  assigneeUserId: concerns.assigneeUserId,
  assigneeOrg: concerns.assigneeOrg,
  category: concerns.category,
  status: concerns.status,
  createdAt: concerns.createdAt,
  acknowledgedAt: concerns.acknowledgedAt,
  acknowledgeDueAt: concerns.acknowledgeDueAt,
  dueAt: concerns.dueAt,
  resolvedAt: concerns.resolvedAt,
  reopenCount: concerns.reopenCount,
  rating: concerns.rating,
  ratedAt: concerns.ratedAt,
}

/**
 * Rebuilds every aggregate row from the concerns, one community at a time: its concerns'
 * contributions summed in memory, then written in multi-row inserts (the table is emptied first,
 * so there is nothing to add to). For data loaded without the use cases (a seed, an import) or
 * after a change of the formulas. Not for request time. Returns the number of concerns read.
 */
export async function rebuildKpis(db: Db, chunk = 1000): Promise<number> {
  let count = 0
  await db.transaction(async (tx) => {
    await tx.delete(kpiDaily)
    const places = await tx.select({ id: communities.id, streetId: communities.streetId }).from(communities).orderBy(asc(communities.id))
    for (const place of places) {
      const rows: KpiRow[] = await tx.select(kpiColumns).from(concerns).where(eq(concerns.communityId, place.id))
      const merged = new Map<string, Delta>()
      for (const d of rows.flatMap((r) => kpiDeltas(null, r))) {
        const k = `${keyText(d.key)}|${d.day}`
        const seen = merged.get(k)
        merged.set(k, seen ? { ...seen, counters: addCounters(seen.counters, d.counters) } : d)
      }
      const values = [...merged.values()]
        .filter((d) => !isZero(d.counters))
        .map((d) => ({ streetId: place.streetId, ...d.key, day: d.day, ...d.counters }))
      for (let i = 0; i < values.length; i += chunk) await tx.insert(kpiDaily).values(values.slice(i, i + chunk))
      count += rows.length
    }
  })
  return count
}
