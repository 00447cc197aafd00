import { and, eq, isNull, type Placeholder, type SQL, sql, type WithSubquery } from 'drizzle-orm'
import { defaultLimits } from '../../domain/concerns/milestones.js'
import { contributions, type DayCounters, diffContributions, type KpiConcern } from '../../domain/kpis/contributions.js'
import { addCounters, type Counters, emptyCounters, isZero } from '../../domain/kpis/formulas.js'
import type { Db, Tx } from '../../db/client.js'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import { type ConcernRow, kpiCommunityMonthly, kpiDaily, kpiMonthly } from '../../db/schema/index.js'

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

export interface Delta {
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

/** The daily counters, or the same counters per month (`day` is the month's first day). */
export type CounterTable = typeof kpiDaily | typeof kpiMonthly

/** 2026-03-17 → 2026-03-01: the key of the monthly row a day adds to. */
export const monthOf = (day: string) => `${day.slice(0, 8)}01`

const sameKey = (t: CounterTable, d: Delta) =>
  and(
    eq(t.communityId, d.key.communityId),
    d.key.gridId ? eq(t.gridId, d.key.gridId) : isNull(t.gridId),
    d.key.workerId ? eq(t.workerId, d.key.workerId) : isNull(t.workerId),
    d.key.partner ? eq(t.partner, d.key.partner) : isNull(t.partner),
    eq(t.category, d.key.category),
    eq(t.day, d.day),
  )

/** Deltas with the same key (by `keyOfDelta`) and day added together, the empty ones dropped, in key order. */
export function mergeDeltas(deltas: Iterable<Delta>, keyOfDelta: (k: KpiKey) => string = keyText): Delta[] {
  const merged = new Map<string, Delta>()
  for (const d of deltas) {
    const k = `${keyOfDelta(d.key)}|${d.day}`
    const seen = merged.get(k)
    merged.set(k, seen ? { ...seen, counters: addCounters(seen.counters, d.counters) } : d)
  }
  return [...merged.entries()]
    .filter(([, d]) => !isZero(d.counters))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, d]) => d)
}

/**
 * A table of counters as the write path sees it: its name, how deltas merge into its rows, the
 * columns of a row's key, and how an update finds a delta's row.
 */
interface Target {
  table: CounterTable | typeof kpiCommunityMonthly
  name: string
  merge: (deltas: Delta[]) => Delta[]
  key: (d: Delta) => Record<string, unknown>
  conflict: AnyPgColumn[]
  where: (d: Delta) => SQL | undefined
}

const streetOf = (communityId: string | Placeholder) => sql`(select street_id from communities where id = ${communityId})`

const finerTarget = (table: CounterTable, name: string, month: boolean): Target => ({
  table,
  name,
  merge: (deltas) => mergeDeltas(month ? deltas.map((d) => ({ ...d, day: monthOf(d.day) })) : deltas),
  key: (d) => ({ streetId: streetOf(d.key.communityId), ...d.key, day: d.day }),
  conflict: [table.communityId, table.gridId, table.workerId, table.partner, table.category, table.day],
  where: (d) => sameKey(table, d),
})

/** The daily rows first, then the monthly ones, then the community's month: every transaction locks them in the same order. */
const targets: Target[] = [
  finerTarget(kpiDaily, 'kpi_daily', false),
  finerTarget(kpiMonthly, 'kpi_monthly', true),
  {
    table: kpiCommunityMonthly,
    name: 'kpi_community_monthly',
    merge: (deltas) =>
      mergeDeltas(
        deltas.map((d) => ({ ...d, day: monthOf(d.day) })),
        (k) => k.communityId,
      ),
    key: (d) => ({ streetId: streetOf(d.key.communityId), communityId: d.key.communityId, day: d.day }),
    conflict: [kpiCommunityMonthly.communityId, kpiCommunityMonthly.day],
    where: (d) => and(eq(kpiCommunityMonthly.communityId, d.key.communityId), eq(kpiCommunityMonthly.day, d.day)),
  },
]

/** Rows to insert, each with its key: with `counters` (empty ones), or each with its delta. */
const rowsOf = (target: Target, rows: Delta[], counters?: Counters) =>
  rows.map((d) => ({ ...target.key(d), ...(counters ?? d.counters) })) as unknown as (typeof kpiDaily.$inferInsert)[]

/** One table's rows that are missing, created empty (with `counters` zero), as a statement to run in a `with`. */
function emptyRows(tx: Tx, target: Target, rows: Delta[]): SQL {
  const table = target.table as typeof kpiDaily
  return tx
    .insert(table)
    .values(rowsOf(target, rows, emptyCounters()))
    .onConflictDoNothing()
    .getSQL()
}

/** One row's delta added to it, as a statement to run in a `with`. */
function addDelta(tx: Tx, target: Target, d: Delta): SQL {
  const table = target.table as typeof kpiDaily
  const set: Record<string, SQL> = {}
  for (const key of Object.keys(scalarColumns) as (keyof typeof scalarColumns)[]) {
    const n = d.counters[key]
    if (n) set[key] = sql`${table[key]} + ${n}`
  }
  if (d.counters.ratings.some(Boolean)) set.ratings = addArray('ratings', d.counters.ratings)
  if (d.counters.ackMinutes.some(Boolean)) set.ackMinutes = addArray('ack_minutes', d.counters.ackMinutes)
  if (d.counters.resolveMinutes.some(Boolean)) set.resolveMinutes = addArray('resolve_minutes', d.counters.resolveMinutes)
  return tx.update(table).set(set).where(target.where(d)).getSQL()
}

/**
 * Whether a delta would pass the tables' CHECKs as a row of its own (db/schema/kpis.ts: no negative
 * count, numerators within denominators). PostgreSQL checks the row an `insert … on conflict do
 * update` proposes before it looks for the conflict, so only such deltas can be added in one upsert.
 */
function validAlone(c: Counters): boolean {
  const scalars = Object.keys(scalarColumns) as (keyof typeof scalarColumns)[]
  if (scalars.some((k) => c[k] < 0) || [...c.ratings, ...c.ackMinutes, ...c.resolveMinutes].some((n) => n < 0)) return false
  return (
    c.acknowledged <= c.received &&
    c.ackOnTime <= c.acknowledged &&
    c.resolved <= c.due &&
    c.resolvedNotReopened <= c.resolved &&
    c.onTime <= c.resolved &&
    c.reopened <= c.resolved
  )
}

/** A stored histogram plus the proposed row's (the delta's), element by element. */
const plusExcluded = (table: string, column: string) =>
  sql.raw(
    `array(select coalesce(a, 0) + coalesce(b, 0) from unnest(${table}.${column}, excluded.${column}) with ordinality as t(a, b, i) order by i)`,
  )

const histograms = [
  ['ratings', 'ratings'],
  ['ackMinutes', 'ack_minutes'],
  ['resolveMinutes', 'resolve_minutes'],
] as const

/**
 * Adds merged deltas that are each a valid row (a raise's: 收到 1 on its day) in one statement:
 * inserted as they are, or added to the row already there. Rows in key order, as `addDelta`'s.
 */
function addInOne(tx: Db | Tx, target: Target, rows: Delta[], values = rowsOf(target, rows)) {
  const { name } = target
  const set: Record<string, SQL> = {}
  for (const key of Object.keys(scalarColumns) as (keyof typeof scalarColumns)[]) {
    const column = scalarColumns[key].name
    if (rows.some((d) => d.counters[key])) set[key] = sql.raw(`${name}.${column} + excluded.${column}`)
  }
  for (const [key, column] of histograms) {
    if (rows.some((d) => d.counters[key].some(Boolean))) set[key] = plusExcluded(name, column)
  }
  const table = target.table as typeof kpiDaily
  return tx.insert(table).values(values).onConflictDoUpdate({ target: target.conflict, set })
}

/**
 * Statements run in the order given, as the `with` parts of one statement.
 *
 * PostgreSQL runs a statement's main part first and then its unreferenced `with` parts last to
 * first (`with k0 as (A), k1 as (B) C` writes C, B, A). The parts are written in reverse so the
 * statement locks rows in the order given — daily, monthly, the community's month, each in key
 * order — as every other change does: two transactions never wait on each other in opposite
 * orders. test/api/kpis-recount.test.ts races raises and other changes of the same rows.
 */
function inOrder(statements: SQL[]): SQL {
  const parts = [...statements].reverse().map((q, i) => sql`${sql.raw(`k${i}`)} as (${q})`)
  return sql`with ${sql.join(parts, sql`, `)} select 1`
}

/**
 * Adds the deltas to every table's rows, in `targets` order and each table's key order (see
 * `inOrder`), so two transactions touching the same rows lock them in the same order. When every
 * merged delta is a valid row by itself (a raise's), one statement of upserts; else two: the missing
 * rows created empty, then each row given its delta — the tables' CHECKs (no negative count,
 * numerators within denominators) judge every row as it ends up, not the delta. The second
 * statement does not see rows the first would create in the same statement, hence two.
 */
async function upsert(tx: Tx, deltas: Delta[]) {
  const work = targets.map((target) => ({ target, rows: target.merge(deltas) })).filter((w) => w.rows.length)
  if (!work.length) return
  if (work.every((w) => w.rows.every((d) => validAlone(d.counters)))) {
    await tx.execute(inOrder(work.map((w) => addInOne(tx, w.target, w.rows).getSQL())))
    return
  }
  await tx.execute(inOrder(work.map((w) => emptyRows(tx, w.target, w.rows))))
  await tx.execute(inOrder(work.flatMap((w) => w.rows.map((d) => addDelta(tx, w.target, d)))))
}

/**
 * A new concern's counters (收到 1 on its day) as `with` parts of the caller's prepared statement,
 * written after its main part in `targets` order (see `inOrder`). The parts' text depends only
 * on `shape` (which tables and rows, which counters move), so the caller prepares one statement per
 * shape and builds `parts` only when it prepares; the rows' keys and counts are placeholders
 * `k{table}_{row}_{column}` that `values` fills.
 */
export function kpiRaiseParts(created: KpiRow) {
  const work = targets.map((target) => ({ target, rows: target.merge(kpiDeltas(null, created)) })).filter((w) => w.rows.length)
  if (!work.every((w) => w.rows.every((d) => validAlone(d.counters)))) throw new Error('a new concern’s counters are each a valid row')
  const name = (t: number, r: number, column: string) => `k${t}_${r}_${column}`
  const rows = work.map(({ target, rows }) => rowsOf(target, rows))
  const values: Record<string, unknown> = {}
  for (const [t, tableRows] of rows.entries())
    for (const [r, row] of tableRows.entries())
      for (const [column, value] of Object.entries(row)) if (column !== 'streetId') values[name(t, r, column)] = value
  // The rows with placeholders for the statement's text; the street of a row's community is looked up by the statement, as `rowsOf` does.
  const held = (t: number) =>
    rows[t].map(
      (row, r) =>
        Object.fromEntries(
          Object.keys(row).map((column) => [
            column,
            column === 'streetId' ? streetOf(sql.placeholder(name(t, r, 'communityId'))) : sql.placeholder(name(t, r, column)),
          ]),
        ) as unknown as typeof kpiDaily.$inferInsert,
    )
  const moved = (c: Counters) =>
    (Object.keys(c) as (keyof Counters)[]).filter((k) => (Array.isArray(c[k]) ? (c[k] as number[]).some(Boolean) : c[k])).join('.')
  return {
    shape: work.map(({ target, rows }) => `${target.name}=${rows.map((d) => moved(d.counters)).join('+')}`).join(';'),
    values,
    parts: (db: Db): WithSubquery[] =>
      work.map(({ target, rows }, t) => db.$with(`k${t}`, {}).as(addInOne(db, target, rows, held(t)).getSQL())).reverse(),
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
