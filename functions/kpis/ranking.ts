import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { emptyCounters } from '../../domain/kpis/formulas.js'
import { rank } from '../../domain/kpis/ranking.js'
import { rateView } from '../../domain/kpis/report.js'
import { formulaLines, type Rates } from '../../domain/kpis/formulas.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { RankingQuery } from '../../domain/schemas/kpis.js'
import type { Db } from '../../db/client.js'
import { communities, grids, kpiDaily, memberships, users } from '../../db/schema/index.js'
import { streetAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { periodOf, sumCounters } from './figures.js'
import { settingsOf } from './settings.js'

type Level = z.output<typeof RankingQuery>['level']

/** Every unit of the level in the street, named — units with nothing in the period are listed too (apart). */
async function unitsOf(db: Db, streetId: string, level: Level): Promise<Array<{ id: string; name: string }>> {
  if (level === 'community') {
    return db
      .select({ id: communities.id, name: communities.name })
      .from(communities)
      .where(eq(communities.streetId, streetId))
      .orderBy(asc(communities.name))
  }
  if (level === 'grid') {
    const rows = await db
      .select({ id: grids.id, grid: grids.name, community: communities.name })
      .from(grids)
      .innerJoin(communities, eq(communities.id, grids.communityId))
      .where(and(eq(communities.streetId, streetId), isNull(grids.deletedAt)))
      .orderBy(asc(communities.name), asc(grids.name))
    return rows.map((r) => ({ id: r.id, name: `${r.community} · ${r.grid}` }))
  }
  const rows = await db
    .selectDistinct({ id: users.id, name: users.nickname })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(communities.streetId, streetId), inArray(memberships.role, ['worker', 'admin'])))
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

const groupColumn = { community: sql`${kpiDaily.communityId}`, grid: sql`${kpiDaily.gridId}`, worker: sql`${kpiDaily.workerId}` } as const

const fourRates = (r: Rates) => ({
  response: rateView(r.response),
  resolution: rateView(r.resolution),
  satisfaction: rateView(r.satisfaction),
  composite: rateView(r.composite),
})

/** The street's communities, grids or workers ranked on 综合, fairly: small samples listed apart, never ranked. */
export async function getRanking(deps: Deps, actor: Actor, q: z.output<typeof RankingQuery>) {
  const { db } = deps.database
  const street = await streetAllowing(db, actor, q.street, 'street.ranking')
  const period = periodOf(q.from, q.to)
  const [units, sums, settings] = await Promise.all([
    unitsOf(db, q.street, q.level),
    sumCounters(db, eq(kpiDaily.streetId, q.street), period, q.category ?? null, groupColumn[q.level]),
    settingsOf(db, q.street),
  ])
  const result = rank(
    units.map((u) => ({ key: u, counters: sums.get(u.id) ?? emptyCounters() })),
    settings,
  )
  return {
    street: { id: street.id, name: street.name },
    level: q.level,
    period: { from: period.from, to: period.to, label: period.label },
    category: q.category ?? null,
    settings,
    formula: formulaLines(settings),
    ranked: result.ranked.map((r) => ({ rank: r.rank, unit: r.key, sample: r.sample, rates: fourRates(r.rates) })),
    apart: result.apart.map((r) => ({ unit: r.key, sample: r.sample, reason: r.reason, rates: fourRates(r.rates) })),
  }
}
