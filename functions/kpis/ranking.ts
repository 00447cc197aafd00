import { type SQL, sql } from 'drizzle-orm'
import { formulaLines, type Rates } from '../../domain/kpis/formulas.js'
import { rank } from '../../domain/kpis/ranking.js'
import { rateView } from '../../domain/kpis/report.js'
import { canInStreet } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { RankingQuery } from '../../domain/schemas/kpis.js'
import type { Db } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { actorFrom, actorJson } from '../auth/index.js'
import { streetAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { periodOf } from './figures.js'
import {
  type Arg,
  countersFrom,
  periodRows,
  periodValues,
  placeholder,
  type Shape,
  settingsFields,
  settingsFrom,
  shapeName,
  summedPerKey,
} from './statement.js'
type Level = z.output<typeof RankingQuery>['level']

/**
 * Every unit of the level in the street (`$street`), named, with what to order them by — units
 * with nothing in the period are listed too (apart). Workers are ordered by name in JS, as the
 * page reads them (zh-CN).
 */
const unitsOf: Record<Level, (arg: Arg) => SQL> = {
  community: (arg) => sql`select c.id, c.name, c.name as s1, '' as s2 from communities c where c.street_id = ${arg('street')}`,
  grid: (arg) => sql`select g.id, c.name || ' · ' || g.name as name, c.name as s1, g.name as s2
    from grids g join communities c on c.id = g.community_id where c.street_id = ${arg('street')} and g.deleted_at is null`,
  worker: (arg) => sql`select distinct u.id, u.nickname as name, '' as s1, '' as s2
    from memberships m join communities c on c.id = m.community_id join users u on u.id = m.user_id
    where c.street_id = ${arg('street')} and m.role in ('worker', 'admin')`,
}

const groupColumn = { community: sql.raw('community_id'), grid: sql.raw('grid_id'), worker: sql.raw('worker_id') } as const

/**
 * The ranking's one statement: the street's name and settings, each unit with its sums (null
 * when it has no rows in the period). No row: no such street.
 */
function rankingQuery(db: Db, level: Level, shape: Shape) {
  const sums = summedPerKey(
    periodRows(shape, placeholder, sql`street_id = ${placeholder('street')}`, groupColumn[level], level === 'community'),
  )
  return db
    .select({
      street: sql<string>`st.name`,
      ...settingsFields,
      actor: actorJson(placeholder('userId')),
      id: sql<string | null>`u.id`,
      name: sql<string | null>`u.name`,
      counters: sql<number[] | null>`s.counters`,
    })
    .from(
      sql`streets st left join street_kpi_settings ks on ks.street_id = st.id
        left join (${unitsOf[level](placeholder)}) u on true left join (${sums}) s on s.key = u.id`,
    )
    .where(sql`st.id = ${placeholder('street')}`)
    .orderBy(sql`u.s1, u.s2`)
}

type RankingRow = Awaited<ReturnType<typeof rankingQuery>>[number]

const fourRates = (r: Rates) => ({
  response: rateView(r.response),
  resolution: rateView(r.resolution),
  satisfaction: rateView(r.satisfaction),
  composite: rateView(r.composite),
})

/** The street's communities, grids or workers ranked on 综合, fairly: small samples listed apart, never ranked. */
export async function getRanking(deps: Deps, userId: string, q: z.output<typeof RankingQuery>) {
  const { db } = deps.database
  const period = periodOf(q.from, q.to)
  const { shape, values } = periodValues(period, q.category ?? null)
  const build = () => rankingQuery(db, q.level, shape)
  // The actor comes with the rows (decision 037); the street's right is checked before anything is returned.
  const rows = await runPrepared<RankingRow>(db, `kpi_rank_${q.level}_${shapeName(shape)}`, build, { ...values, street: q.street, userId })
  const actor = await actorFrom(db, userId, rows[0])
  if (!canInStreet(actor, 'street.ranking', { streetId: q.street })) {
    await streetAllowing(db, actor, q.street, 'street.ranking')
    throw new AppError('FORBIDDEN')
  }
  if (!rows.length) throw new AppError('NOT_FOUND', '街道不存在')
  const street = { id: q.street, name: rows[0].street }
  const settings = settingsFrom(rows[0])
  const units = rows.filter((r) => r.id !== null).map((r) => ({ key: { id: r.id!, name: r.name! }, counters: countersFrom(r.counters) }))
  if (q.level === 'worker') units.sort((a, b) => a.key.name.localeCompare(b.key.name, 'zh-CN'))
  const result = rank(units, settings)
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
