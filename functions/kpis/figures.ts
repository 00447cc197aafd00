import { and, between, eq, or, type SQL, sql } from 'drizzle-orm'
import type { Category } from '../../domain/concerns/categories.js'
import { addCounters, type Counters, emptyCounters, type KpiSettings } from '../../domain/kpis/formulas.js'
import { BUCKET_COUNT } from '../../domain/kpis/median.js'
import { periodParts } from '../../domain/kpis/months.js'
import { type Period, rangePeriod } from '../../domain/kpis/period.js'
import { kpiFigures } from '../../domain/kpis/report.js'
import { can, canInStreet } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { KpiQuery } from '../../domain/schemas/kpis.js'
import type { Db } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { kpiDaily, kpiMonthly } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { type ActorColumns, actorFrom, actorJson } from '../auth/index.js'
import { streetAllowing } from '../communities/index.js'
import { AppError } from '../http/errors.js'
import { scalarColumns } from './aggregate.js'
import { checkId, type KpiUnit, readUnit } from './scope.js'
import {
  type Arg,
  bound,
  countersFrom,
  periodRows,
  periodValues,
  placeholder,
  settingsFields,
  settingsFrom,
  shapeName,
  summed,
  totalPart,
} from './statement.js'

/** A checked period (the schema has checked it already; this turns the days into instants). */
export function periodOf(from: string, to: string): Period {
  const p = rangePeriod(from, to)
  if (!p.ok) throw new AppError('VALIDATION_FAILED', p.message, { where: 'query', fields: [{ path: p.field, message: p.message }] })
  return p.period
}

const scalars = scalarColumns

/** Every counter of the rows matched, summed per key in one pass: the histograms element by element. */
function sumsOf(key: SQL) {
  const total = (col: SQL) => sql<number>`coalesce(sum(${col}), 0)::int`
  return {
    key: sql<string>`${key}::text`.as('key'),
    ...Object.fromEntries(Object.entries(scalars).map(([k, col]) => [k, total(sql`${col}`)])),
    ...Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`r${i}`, total(sql`${kpiDaily.ratings}[${sql.raw(String(i + 1))}]`)])),
    ...Object.fromEntries(
      Array.from({ length: BUCKET_COUNT }, (_, i) => [
        [`a${i}`, total(sql`${kpiDaily.ackMinutes}[${sql.raw(String(i + 1))}]`)],
        [`m${i}`, total(sql`${kpiDaily.resolveMinutes}[${sql.raw(String(i + 1))}]`)],
      ]).flat(),
    ),
  }
}

type SumRow = Record<string, number> & { key: string }

function countersOf(r: SumRow): Counters {
  const c = emptyCounters()
  for (const k of Object.keys(scalars) as (keyof typeof scalars)[]) c[k] = Number(r[k])
  c.ratings = c.ratings.map((_, i) => Number(r[`r${i}`]))
  c.ackMinutes = c.ackMinutes.map((_, i) => Number(r[`a${i}`]))
  c.resolveMinutes = c.resolveMinutes.map((_, i) => Number(r[`m${i}`]))
  return c
}

/**
 * Sums the aggregate rows matching `where` over a period, per value of `group` (one entry keyed ''
 * without it). The period's whole months come from the monthly rows and its other days from the
 * daily ones (domain/kpis/months.ts), so a month, a quarter or a year reads one row per key and
 * month however many concerns there are. `where` and `group` are written on `kpiDaily`'s columns;
 * the monthly table is read under that name.
 */
export async function sumCounters(db: Db, where: SQL, period: Pick<Period, 'from' | 'to'>, category?: Category | null, group?: SQL) {
  const parts = periodParts(period.from, period.to)
  const select = sumsOf(group ?? sql`''`)
  const matching = (range: SQL) => and(where, range, category ? eq(kpiDaily.category, category) : undefined)
  const queries: Promise<SumRow[]>[] = []
  if (parts.days.length) {
    const days = or(...parts.days.map(([from, to]) => between(kpiDaily.day, from, to)))!
    queries.push(db.select(select).from(kpiDaily).where(matching(days)).groupBy(sql`1`) as unknown as Promise<SumRow[]>)
  }
  if (parts.months) {
    const months = between(kpiDaily.day, parts.months[0], parts.months[1])
    queries.push(
      db.select(select).from(sql`${kpiMonthly} as ${kpiDaily}`).where(matching(months)).groupBy(sql`1`) as unknown as Promise<SumRow[]>,
    )
  }
  const out = new Map<string, Counters>()
  for (const rows of await Promise.all(queries)) {
    for (const r of rows) {
      const key = r.key ?? ''
      const seen = out.get(key)
      out.set(key, seen ? addCounters(seen, countersOf(r)) : countersOf(r))
    }
  }
  return out
}

/** The figures' one statement: the unit's row (its name and street), the street's settings, the sums; `extra` adds the caller's columns (the actor). */
function reportQuery<Extra extends Record<string, SQL>>(db: Db, head: SQL, rows: SQL, extra: Extra = {} as Extra) {
  return db
    .select({
      ...extra,
      name: sql<string | null>`h.name`,
      streetId: sql<string>`h.street_id`,
      ...settingsFields,
      counters: sql<number[] | null>`s.counters`,
    })
    .from(sql`(${head}) h left join street_kpi_settings ks on ks.street_id = h.street_id cross join (${summed(rows)}) s`)
}

type ReportRow = Awaited<ReturnType<typeof reportQuery<Record<never, never>>>>[number]
type HeadedRow = ReportRow & { actor: ActorColumns | null }

/** A street or a community by its id, in a prepared statement per shape: the unit is read with its figures. */
const headed = {
  street: {
    head: (arg: Arg) => sql`select name, id as street_id from streets where id = ${arg('id')}`,
    filter: (arg: Arg) => sql`street_id = ${arg('id')}`,
  },
  community: {
    head: (arg: Arg) => sql`select name, street_id from communities where id = ${arg('id')}`,
    filter: (arg: Arg) => sql`community_id = ${arg('id')}`,
  },
} as const

function reportOf(
  unit: Pick<KpiUnit, 'kind' | 'id' | 'name'>,
  period: Period,
  category: Category | null,
  c: Counters,
  settings: KpiSettings,
) {
  const figures = kpiFigures(c, settings)
  return {
    scope: { kind: unit.kind, id: unit.id, name: unit.name },
    period: { from: period.from, to: period.to, label: period.label },
    category,
    counts: figures.counts,
    rates: figures.rates,
    medians: figures.medians,
    settings,
    formula: figures.formula,
  }
}

/**
 * A street's or a community's figures in one statement with the actor (decision 037). The
 * street's right is the actor's alone; a community's needs its street, read in the same statement.
 * Both are checked before anything is returned (a refusal says 404 or 403 as `streetAllowing` does).
 */
async function headedReport(db: Db, userId: string, kind: keyof typeof headed, id: string, period: Period, category: Category | null) {
  const { shape, values } = periodValues(period, category)
  const build = () =>
    reportQuery(db, headed[kind].head(placeholder), periodRows(shape, placeholder, headed[kind].filter(placeholder), undefined, true), {
      actor: actorJson(placeholder('userId')),
    })
  const [row] = await runPrepared<HeadedRow>(db, `kpi_${kind}_${shapeName(shape)}`, build, { ...values, id, userId })
  const actor = await actorFrom(db, userId, row)
  if (kind === 'street' && !canInStreet(actor, 'street.viewKpis', { streetId: id })) {
    await streetAllowing(db, actor, id, 'street.viewKpis')
    throw new AppError('FORBIDDEN')
  }
  if (!row) throw new AppError('NOT_FOUND', kind === 'street' ? '街道不存在' : '社区不存在')
  if (kind === 'community' && !can(actor, 'kpi.view', { communityId: id, streetId: row.streetId })) throw new AppError('FORBIDDEN')
  return reportOf({ kind, id, name: row.name ?? '' }, period, category, countersFrom(row.counters), settingsFrom(row))
}

/**
 * The figures of `q.scope`, each in one statement with the actor: a street's or a community's
 * prepared (decision 037), a grid's, a worker's or a partner's with the unit (decision 039).
 */
export async function getKpis(deps: Deps, userId: string, q: z.output<typeof KpiQuery>) {
  const { db } = deps.database
  const period = periodOf(q.from, q.to)
  const category = q.category ?? null
  if (q.scope === 'street' || q.scope === 'community') {
    checkId(q.scope, q.id)
    return headedReport(db, userId, q.scope, q.id, period, category)
  }
  const { shape, values } = periodValues(period, category)
  const { unit, sums } = await readUnit(db, userId, q.scope, q.id, (f) => ({
    sums: totalPart(periodRows(shape, bound(values), f.onAggregates), 'all'),
  }))
  return reportOf(unit, period, category, countersFrom(sums), unit.settings)
}
