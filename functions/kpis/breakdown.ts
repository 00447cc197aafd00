import { inArray, type SQL, sql } from 'drizzle-orm'
import { type Category, categories } from '../../domain/concerns/categories.js'
import { type Counters, emptyCounters, formulaLines, rates } from '../../domain/kpis/formulas.js'
import { trailingMonths } from '../../domain/kpis/period.js'
import { rateView } from '../../domain/kpis/report.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { BreakdownQuery, KpiScope, TrendQuery } from '../../domain/schemas/kpis.js'
import type { Db } from '../../db/client.js'
import { grids, kpiDaily, users } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { periodOf, sumCounters } from './figures.js'
import { resolveUnit } from './scope.js'
import { settingsOf } from './settings.js'

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

/** The names of the groups' keys: grids and workers from their tables, partners by name, categories by label. */
async function namesOf(db: Db, by: By, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => k !== '')
  if (by === 'category') return new Map(ids.map((k) => [k, categories[k as Category]?.label ?? k]))
  if (by === 'partner' || !ids.length) return new Map(ids.map((k) => [k, k]))
  const rows =
    by === 'grid'
      ? await db.select({ id: grids.id, name: grids.name }).from(grids).where(inArray(grids.id, ids))
      : await db.select({ id: users.id, name: users.nickname }).from(users).where(inArray(users.id, ids))
  return new Map(rows.map((r) => [r.id, r.name]))
}

/** Where a row's figures open: the grid, worker or partner itself, or the unit within one category. */
function drillOf(by: By, key: string, unit: { kind: KpiScope; id: string }, category: Category | null) {
  if (key === '') return null
  if (by === 'category') return { scope: unit.kind, id: unit.id, category: key as Category }
  return { scope: by as KpiScope, id: key, category }
}

/** A unit's figures split by grid, worker, partner or category: one grouped sum over the daily counters. */
export async function getBreakdown(deps: Deps, actor: Actor, q: z.output<typeof BreakdownQuery>) {
  const { db } = deps.database
  const unit = await resolveUnit(db, actor, q.scope, q.id)
  const period = periodOf(q.from, q.to)
  const category = q.category ?? null
  const [sums, settings] = await Promise.all([
    sumCounters(db, unit.onAggregates, period, category, byColumn[q.by]),
    settingsOf(db, unit.streetId),
  ])
  const keys = [...sums.keys()].map((k) => k ?? '')
  const names = await namesOf(db, q.by, keys)
  const rows = keys
    .filter((k) => k !== '' || noneName[q.by] !== null)
    .map((k) => {
      const counters = sums.get(k)!
      return {
        unit: { id: k, name: k === '' ? noneName[q.by]! : (names.get(k) ?? k) },
        sample: counters.received,
        rates: fourRates(counters, settings),
        drill: drillOf(q.by, k, unit, category),
      }
    })
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

/** The last months of a unit, oldest first, each month's four figures: one grouped sum. */
export async function getTrend(deps: Deps, actor: Actor, q: z.output<typeof TrendQuery>) {
  const { db } = deps.database
  const unit = await resolveUnit(db, actor, q.scope, q.id)
  const months = trailingMonths(deps.now(), q.months)
  const category = q.category ?? null
  const span = { from: months[0].from, to: months[months.length - 1].to }
  const [sums, settings] = await Promise.all([
    sumCounters(db, unit.onAggregates, span, category, sql`to_char(${kpiDaily.day}, 'YYYY-MM')`),
    settingsOf(db, unit.streetId),
  ])
  return {
    scope: { kind: unit.kind, id: unit.id, name: unit.name },
    category,
    formula: formulaLines(settings),
    months: months.map((m) => {
      const counters = sums.get(m.from.slice(0, 7)) ?? emptyCounters()
      return { period: { from: m.from, to: m.to, label: m.label }, sample: counters.received, rates: fourRates(counters, settings) }
    }),
  }
}
