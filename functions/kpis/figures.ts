import { and, between, eq, type SQL, sql } from 'drizzle-orm'
import type { Category } from '../../domain/concerns/categories.js'
import { type Counters, emptyCounters } from '../../domain/kpis/formulas.js'
import { type Period, rangePeriod } from '../../domain/kpis/period.js'
import { kpiFigures } from '../../domain/kpis/report.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { KpiQuery } from '../../domain/schemas/kpis.js'
import type { Db } from '../../db/client.js'
import { kpiDaily } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { type KpiUnit, resolveUnit } from './scope.js'
import { settingsOf } from './settings.js'

/** A checked period (the schema has checked it already; this turns the days into instants). */
export function periodOf(from: string, to: string): Period {
  const p = rangePeriod(from, to)
  if (!p.ok) throw new AppError('VALIDATION_FAILED', p.message, { where: 'query', fields: [{ path: p.field, message: p.message }] })
  return p.period
}

const scalars = {
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

/**
 * Sums the aggregate rows matching `where` over a period, per value of `group` (one entry keyed ''
 * without it): two indexed queries, however many concerns there are.
 */
export async function sumCounters(db: Db, where: SQL, period: Pick<Period, 'from' | 'to'>, category?: Category | null, group?: SQL) {
  const key = group ?? sql`''`
  const filter = and(where, between(kpiDaily.day, period.from, period.to), category ? eq(kpiDaily.category, category) : undefined)
  const [totals, buckets] = await Promise.all([
    db
      .select({
        key: sql<string>`${key}::text`.as('key'),
        ...Object.fromEntries(Object.entries(scalars).map(([k, col]) => [k, sql<number>`coalesce(sum(${col}), 0)::int`])),
      })
      .from(kpiDaily)
      .where(filter)
      .groupBy(sql`1`),
    db
      .select({
        key: sql<string>`${key}::text`.as('key'),
        i: sql<number>`u.i::int`,
        ratings: sql<number>`coalesce(sum(u.r), 0)::int`,
        ack: sql<number>`coalesce(sum(u.a), 0)::int`,
        res: sql<number>`coalesce(sum(u.m), 0)::int`,
      })
      .from(
        sql`${kpiDaily} cross join lateral unnest(${kpiDaily.ratings}, ${kpiDaily.ackMinutes}, ${kpiDaily.resolveMinutes}) with ordinality as u(r, a, m, i)`,
      )
      .where(filter)
      .groupBy(sql`1`, sql`2`),
  ])
  const out = new Map<string, Counters>()
  for (const t of totals as unknown as Array<Record<string, number> & { key: string }>) {
    const c = emptyCounters()
    for (const k of Object.keys(scalars) as (keyof typeof scalars)[]) c[k] = Number(t[k])
    out.set(t.key ?? '', c)
  }
  for (const b of buckets) {
    const c = out.get(b.key ?? '')
    if (!c) continue
    const i = Number(b.i) - 1
    if (i < c.ratings.length) c.ratings[i] = Number(b.ratings)
    c.ackMinutes[i] = Number(b.ack)
    c.resolveMinutes[i] = Number(b.res)
  }
  return out
}

/** One unit's figures over a period: counts, exact rates, medians, and the formulas with the street's settings. */
export async function unitReport(db: Db, unit: KpiUnit, period: Period, category: Category | null) {
  const [sums, settings] = await Promise.all([sumCounters(db, unit.onAggregates, period, category), settingsOf(db, unit.streetId)])
  const figures = kpiFigures(sums.get('') ?? emptyCounters(), settings)
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

export async function getKpis(deps: Deps, actor: Actor, q: z.output<typeof KpiQuery>) {
  const { db } = deps.database
  const unit = await resolveUnit(db, actor, q.scope, q.id)
  return unitReport(db, unit, periodOf(q.from, q.to), q.category ?? null)
}
