import { type SQL, sql } from 'drizzle-orm'
import { type Category, categories } from '../../domain/concerns/categories.js'
import { type Counters, emptyCounters, formulaLines, rates } from '../../domain/kpis/formulas.js'
import { trailingMonths } from '../../domain/kpis/period.js'
import { rateView } from '../../domain/kpis/report.js'
import type { z } from 'zod'
import type { BreakdownQuery, KpiScope, TrendQuery } from '../../domain/schemas/kpis.js'
import { kpiDaily } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { periodOf } from './figures.js'
import { readUnit } from './scope.js'
import { bound, countersFrom, type PerKey, perKeyPart, periodRows, periodValues } from './statement.js'

type By = z.output<typeof BreakdownQuery>['by']

const byColumn: Record<By, SQL> = {
  grid: sql`${kpiDaily.gridId}`,
  worker: sql`${kpiDaily.workerId}`,
  partner: sql`${kpiDaily.partner}`,
  category: sql`${kpiDaily.category}`,
}

/** What a group with no value is called: concerns in no grid went to the community's inbox. */
const noneName: Record<By, string | null> = { grid: '未划入网格（社区收件箱）', worker: '未指派网格员', partner: null, category: null }

const fourRates = (c: Counters, settings: Parameters<typeof rates>[1]) => {
  const r = rates(c, settings)
  return {
    response: rateView(r.response),
    resolution: rateView(r.resolution),
    satisfaction: rateView(r.satisfaction),
    composite: rateView(r.composite),
  }
}

/**
 * The name of a group's key `k.key`, read beside its sums: grids and workers from their tables;
 * partners are named by their key and categories by their label (in JS).
 */
const nameOf: Record<By, SQL> = {
  grid: sql`(select name from grids where id = k.key)`,
  worker: sql`(select nickname from users where id = k.key)`,
  partner: sql`null`,
  category: sql`null`,
}

function nameOfKey(by: By, key: string, name: string | null): string {
  if (key === '') return noneName[by]!
  if (by === 'category') return categories[key as Category]?.label ?? key
  return name ?? key
}

/** Where a row's figures open: the grid, worker or partner itself, or the unit within one category. */
function drillOf(by: By, key: string, unit: { kind: KpiScope; id: string }, category: Category | null) {
  if (key === '') return null
  if (by === 'category') return { scope: unit.kind, id: unit.id, category: key as Category }
  return { scope: by as KpiScope, id: key, category }
}

/** The sums per key from a read's part, keyed '' for no value. */
function sumsOf(part: unknown) {
  return (part as PerKey[]).map((p) => ({ key: p.key ?? '', counters: countersFrom(p.counters), name: p.name }))
}

/** A unit's figures split by grid, worker, partner or category: one grouped sum, the unit and its names in one statement with the actor. */
export async function getBreakdown(deps: Deps, userId: string, q: z.output<typeof BreakdownQuery>) {
  const period = periodOf(q.from, q.to)
  const category = q.category ?? null
  const { shape, values } = periodValues(period, category)
  const { unit, sums } = await readUnit(deps.database.db, userId, q.scope, q.id, (f) => ({
    sums: perKeyPart(periodRows(shape, bound(values), f.onAggregates, byColumn[q.by]), nameOf[q.by]),
  }))
  const { settings } = unit
  const rows = sumsOf(sums)
    .filter((s) => s.key !== '' || noneName[q.by] !== null)
    .map((s) => ({
      unit: { id: s.key, name: nameOfKey(q.by, s.key, s.name) },
      sample: s.counters.received,
      rates: fourRates(s.counters, settings),
      drill: drillOf(q.by, s.key, unit, category),
    }))
    .sort((a, b) => b.sample - a.sample || a.unit.name.localeCompare(b.unit.name, 'zh-CN'))
  return {
    scope: { kind: unit.kind, id: unit.id, name: unit.name },
    by: q.by,
    period: { from: period.from, to: period.to, label: period.label },
    category,
    formula: formulaLines(settings),
    rows,
  }
}

/** The last months of a unit, oldest first, each month's four figures: one grouped sum with the unit and the actor. */
export async function getTrend(deps: Deps, userId: string, q: z.output<typeof TrendQuery>) {
  const months = trailingMonths(deps.now(), q.months)
  const category = q.category ?? null
  const { shape, values } = periodValues({ from: months[0].from, to: months[months.length - 1].to }, category)
  const month = sql`to_char(${kpiDaily.day}, 'YYYY-MM')`
  const { unit, sums } = await readUnit(deps.database.db, userId, q.scope, q.id, (f) => ({
    sums: perKeyPart(periodRows(shape, bound(values), f.onAggregates, month, f.byCommunity)),
  }))
  const { settings } = unit
  const byMonth = new Map(sumsOf(sums).map((s) => [s.key, s.counters]))
  return {
    scope: { kind: unit.kind, id: unit.id, name: unit.name },
    category,
    formula: formulaLines(settings),
    months: months.map((m) => {
      const counters = byMonth.get(m.from.slice(0, 7)) ?? emptyCounters()
      return { period: { from: m.from, to: m.to, label: m.label }, sample: counters.received, rates: fourRates(counters, settings) }
    }),
  }
}
