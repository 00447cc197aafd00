import pg from 'pg'
import pino from 'pino'
import type { Actor } from '../domain/permissions.js'
import { openDb } from '../db/client.js'
import { demo, seedDemo } from '../db/seed.js'
import { loadConfig } from '../functions/config.js'
import { buildDeps } from '../functions/deps.js'
import { rebuildKpis } from '../functions/kpis/index.js'
import { getKpis } from '../functions/kpis/figures.js'
import { getRanking } from '../functions/kpis/ranking.js'
import { listKpiConcerns } from '../functions/kpis/drilldown.js'
import { scratch, startApi } from './support.js'

/**
 * The 三率 on PostgreSQL (issue 11, "Performance"), at 10k and at 1M concerns over 100 communities
 * of one street (the demo's 人民路街道 plus 97 more), generated in SQL over the last year and the
 * aggregates rebuilt by `rebuildKpis`. For last month, each timed as the median of many runs:
 * - a single indexed count: a community's public concerns received in the month (`count`), and
 *   the same over the whole street (`streetCount`: the dashboard's 收到, counted from the concerns);
 * - the street dashboard (`getKpis`, scope=street, what GET /api/kpis?scope=street runs);
 * - the ranking of the street's communities (`getRanking`);
 * - the first page of a drill-down (`listKpiConcerns`, 文安路社区, 解决率).
 * In process (the use cases, permission checks included, no socket), so the ratios compare database
 * work; the same three through HTTP are reported beside them, and the statements each use case sends.
 */
const bigN = Number(process.env.BENCH_KPI_BIG_N ?? 1_000_000)
const smallN = Number(process.env.BENCH_KPI_SMALL_N ?? 10_000)
const runs = Number(process.env.BENCH_KPI_RUNS ?? 60)

async function median(fn: () => Promise<unknown>, n = runs) {
  for (let i = 0; i < 5; i++) await fn()
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return Number(times[Math.floor(n / 2)].toFixed(3))
}

/** 97 more communities in the demo street (100 with the demo's three), then `n` concerns spread over them and the year. */
export async function generate(pool: pg.Pool, n: number) {
  await pool.query(
    `insert into communities (street_id, name, code)
     select $1, '基准社区' || g, 'B' || chr(65 + g / 26) || chr(65 + g % 26) from generate_series(1, 97) g`,
    [demo.streetId],
  )
  await pool.query(
    `with c as (select array_agg(id order by code) ids from communities),
     s as (
       select g, c.ids[1 + g % 100] as community, g % 20 as r,
              (array['noise','utilities','sanitation','parking','property','facilities','renovation','safety','dispute','other'])[1 + (g / 100) % 10] as cat,
              now() - (g::float8 / $2) * interval '365 days' - (g % 7) * interval '1 hour' as created
       from generate_series(1, $2::int) g, c
     ),
     t as (
       select *, created + (g % 40) * interval '1 hour' as ack, created + (g % 40) * interval '1 hour' + (g % 5) * interval '1 day' + interval '2 hours' as res
       from s
     )
     insert into concerns (community_id, public_no, author_id, category, description, place_text, visibility, anonymous, status,
       created_at, updated_at, acknowledge_due_at, accepted_at, acknowledged_at, due_at, resolved_at, closed_at, rating, rated_at)
     select community, 'BK-' || g, $1, cat::concern_category, '基准测试诉求 第' || g || ' 条：楼道灯不亮', '3号楼', 'public', true,
       (case when r = 0 then 'submitted' when r = 1 then 'declined' when r < 4 then 'in_progress' else 'closed' end)::concern_status,
       created, created, created + interval '1 day',
       case when r > 1 then ack end, case when r > 0 then ack end,
       case when r > 1 then ack + interval '3 days' end,
       case when r >= 4 then res end, case when r >= 4 then res end,
       case when r between 4 and 15 then 1 + g % 5 end, case when r between 4 and 15 then res + interval '1 day' end
     from t`,
    [demo.user.wang, n],
  )
  await pool.query('analyze')
}

const ms = (t: number) => Math.round(performance.now() - t)

async function at(n: number) {
  const db = await scratch(`kpis${n}`)
  // Every statement drizzle sends is counted: the dashboard's and the ranking's per request are reported.
  let sent = 0
  const handle = await openDb(db.url, { max: 10, onQuery: () => void sent++ })
  const statementsOf = async (fn: () => Promise<unknown>) => {
    const before = sent
    await fn()
    return sent - before
  }
  const pool = new pg.Pool({ connectionString: db.url, max: 2 })
  pool.on('error', () => {})
  try {
    await handle.migrate()
    await seedDemo(handle.db)
    let t = performance.now()
    await generate(pool, n)
    const generateMs = ms(t)
    t = performance.now()
    await rebuildKpis(handle.db)
    await pool.query('analyze kpi_daily')
    const rebuildMs = ms(t)
    const [{ rows: aggregate }] = [await pool.query('select count(*)::int as n from kpi_daily')]

    const now = new Date()
    const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1))
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0))
    const from = first.toISOString().slice(0, 10)
    const to = last.toISOString().slice(0, 10)
    const deps = buildDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), handle, pino({ level: 'silent' }))
    const official: Actor = {
      userId: demo.user.wangjd,
      memberships: [],
      verifiedIn: [],
      streetMemberships: [{ streetId: demo.streetId, role: 'street_admin' }],
    }
    const wenan = demo.community.wenan
    const countSql = `select count(*) from concerns where community_id = $1 and visibility = 'public' and created_at >= $2 and created_at < $3`
    const streetCountSql = `select count(*) from concerns where community_id in (select id from communities where street_id = $1)
      and visibility = 'public' and created_at >= $2 and created_at < $3`
    const month = [`${from}T00:00:00+08:00`, `${to}T23:59:59.999+08:00`]
    const drill = { scope: 'community' as const, id: wenan, from, to, measure: 'resolution' as const, limit: 20 }
    const timings = {
      count: await median(() => pool.query(countSql, [wenan, ...month])),
      streetCount: await median(() => pool.query(streetCountSql, [demo.streetId, ...month])),
      dashboard: await median(() => getKpis(deps, official.userId, { scope: 'street', id: demo.streetId, from, to })),
      ranking: await median(() => getRanking(deps, official.userId, { street: demo.streetId, level: 'community', from, to })),
      drilldown: await median(() => listKpiConcerns(deps, official.userId, drill)),
    }
    const statements = {
      dashboard: await statementsOf(() => getKpis(deps, official.userId, { scope: 'street', id: demo.streetId, from, to })),
      ranking: await statementsOf(() => getRanking(deps, official.userId, { street: demo.streetId, level: 'community', from, to })),
      drilldown: await statementsOf(() => listKpiConcerns(deps, official.userId, drill)),
    }
    const api = await startApi(handle)
    const token = await api.login(demo.user.wangjd)
    const get = (path: string) => async () => {
      const res = await fetch(`${api.base}${path}`, { headers: { authorization: `Bearer ${token}` } })
      if (!res.ok) throw new Error(`${path}: ${res.status}`)
      await res.arrayBuffer()
    }
    const http = {
      me: await median(get('/api/me')),
      dashboard: await median(get(`/api/kpis?scope=street&id=${demo.streetId}&from=${from}&to=${to}`)),
      ranking: await median(get(`/api/kpis/ranking?street=${demo.streetId}&level=community&from=${from}&to=${to}`)),
      drilldown: await median(get(`/api/kpis/concerns?scope=community&id=${wenan}&from=${from}&to=${to}&measure=resolution`)),
    }
    await api.close()
    return {
      concerns: n,
      kpiDailyRows: aggregate[0].n,
      generateMs,
      rebuildMs,
      period: { from, to },
      medianMs: timings,
      httpMedianMs: http,
      statements,
    }
  } finally {
    await pool.end()
    await handle.close()
    await db.drop()
  }
}

const ratio = (a: number, b: number) => Number((a / b).toFixed(2))

export async function benchKpis() {
  const small = await at(smallN)
  const big = await at(bigN)
  const s = small.medianMs
  const b = big.medianMs
  return {
    small,
    big,
    ratios: {
      dashboardOverCountAtBig: ratio(b.dashboard, b.count),
      rankingOverCountAtBig: ratio(b.ranking, b.count),
      dashboardOverStreetCountAtBig: ratio(b.dashboard, b.streetCount),
      rankingOverStreetCountAtBig: ratio(b.ranking, b.streetCount),
      dashboardBigOverSmall: ratio(b.dashboard, s.dashboard),
      rankingBigOverSmall: ratio(b.ranking, s.ranking),
      drilldownBigOverSmall: ratio(b.drilldown, s.drilldown),
      targets: { overCount: 3, bigOverSmall: 1.5 },
    },
  }
}
