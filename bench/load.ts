import autocannon from 'autocannon'
import pg from 'pg'
import { type OpenOptions, openDb } from '../db/client.js'
import { demo, seedDemo } from '../db/seed.js'
import { rawLoop } from './concerns.js'
import { scratch, startApi } from './support.js'
import { ballots } from './votes.js'

/**
 * Throughput (issue 14, item 2), in one run on PostgreSQL with 20 connections, the app served by
 * @hono/node-server in this process with RATE_LIMIT=off, autocannon for HTTP and the same
 * concurrency straight through a pg pool for the raw figures:
 * - the board and a concern's detail, over 100 communities, beside raw selects of the same rows;
 * - raising a concern spread over 100 communities (and within one) beside raw single-row inserts;
 * - 1000 concurrent ballots (p99, throughput) beside raw inserts;
 * - a mix of 80% reads and 20% raises over 100 communities beside the same mix raw.
 * Also the statements each endpoint sends (one request, counted through drizzle's logger). Each
 * figure, HTTP, in process and raw alike, is measured after the same work has run unmeasured for a
 * while (BENCH_WARM_SECONDS, 1 s; a tenth of the operations for the loops).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20)
const perCommunity = 100
const env = { RATE_LIMIT: 'off' }

type Api = Awaited<ReturnType<typeof startApi>>
interface Home {
  communityId: string
  userId: string
  token: string
  concernIds: string[]
}

/** 97 more communities (100 with the demo's), each with one verified resident and `perCommunity` public concerns. */
async function seedCommunities(pool: pg.Pool): Promise<Omit<Home, 'token' | 'concernIds'>[]> {
  await pool.query(
    `insert into communities (street_id, name, code)
     select $1, '基准社区' || g, 'B' || chr(65 + g / 26) || chr(65 + g % 26) from generate_series(1, 97) g`,
    [demo.streetId],
  )
  const { rows } = await pool.query<{ id: string }>('select id from communities order by code')
  const homes: Omit<Home, 'token' | 'concernIds'>[] = []
  for (const [i, { id }] of rows.entries()) {
    const q = async (sql: string, params: unknown[]) => (await pool.query<{ id: string }>(sql, params)).rows[0].id
    const building = await q(`insert into buildings (community_id, name, sort_key) values ($1, '基准楼', 100) returning id`, [id])
    const unit = await q(`insert into units (building_id, name) values ($1, '1单元') returning id`, [building])
    const household = await q(`insert into households (unit_id, community_id, room, area_m2) values ($1, $2, '101', 80) returning id`, [
      unit,
      id,
    ])
    const user = await q(`insert into users (nickname, demo_note) values ($1, 'bench') returning id`, [`基准居民${i + 1}`])
    await pool.query(
      `insert into residency_claims (user_id, household_id, community_id, relation, status, reviewed_at)
       values ($1, $2, $3, 'owner', 'verified', now())`,
      [user, household, id],
    )
    await pool.query(
      `insert into concerns (community_id, public_no, author_id, category, description, place_text, visibility, anonymous, status, created_at, updated_at,
         acknowledge_due_at)
       select $1, 'BL-' || $3 || '-' || g, $2, 'facilities', '基准测试诉求 第' || g || ' 条：楼道灯不亮，需要维修', '3号楼', 'public', true,
              'submitted', now() - g * interval '1 hour', now(), now() - g * interval '1 hour' + interval '1 day'
       from generate_series(1, $4::int) g`,
      [id, user, i, perCommunity],
    )
    homes.push({ communityId: id, userId: user })
  }
  await pool.query('analyze')
  return homes
}

async function signIn(api: Api, pool: pg.Pool, seeded: Omit<Home, 'token' | 'concernIds'>[]): Promise<Home[]> {
  const homes: Home[] = []
  for (const h of seeded) {
    const { rows } = await pool.query<{ id: string }>(
      `select id from concerns where community_id = $1 and visibility = 'public' order by created_at desc limit 20`,
      [h.communityId],
    )
    homes.push({ ...h, token: await api.login(h.userId), concernIds: rows.map((r) => r.id) })
  }
  return homes
}

function summary(r: autocannon.Result) {
  return { requestsPerSec: Math.round(r.requests.average), p50Ms: r.latency.p50, p99Ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors }
}

const ratio = (a: number, b: number) => Number((a / b).toFixed(3))

let keySeq = 0
const raiseBody = (h: Home) =>
  JSON.stringify({
    communityId: h.communityId,
    category: 'facilities',
    description: '基准测试：3号楼路灯不亮，晚上很黑',
    place: { kind: 'text', text: '3号楼门口路灯' },
  })

type Req = { method: string; path: string; body?: string; headers: Record<string, string> }
const boardReq = (h: Home): Req => ({ method: 'GET', path: `/api/communities/${h.communityId}/concerns?limit=20`, headers: auth(h) })
const detailReq = (h: Home, n: number): Req => ({
  method: 'GET',
  path: `/api/concerns/${h.concernIds[n % h.concernIds.length]}`,
  headers: auth(h),
})
const raiseReq = (h: Home): Req => ({
  method: 'POST',
  path: '/api/concerns',
  body: raiseBody(h),
  headers: { ...auth(h), 'content-type': 'application/json', 'idempotency-key': `load-${process.pid}-${keySeq++}` },
})
const auth = (h: Home) => ({ authorization: `Bearer ${h.token}` })

/** How long each figure's same work runs first, unmeasured: the code optimised and the connections open. */
const warmSeconds = Number(process.env.BENCH_WARM_SECONDS ?? 1)

/** autocannon for `seconds` at `connections` after `warmSeconds` of the same, the n-th request built by `make`. */
async function load(api: Api, make: (n: number) => Req) {
  let n = 0
  const run = (duration: number) =>
    autocannon({
      url: api.base,
      connections,
      duration,
      requests: [{ setupRequest: (req) => ({ ...req, ...make(n++) }) as typeof req }],
    })
  if (warmSeconds > 0) await run(warmSeconds)
  return summary(await run(seconds))
}

/** `rawLoop` after a tenth as many of the same operations, unmeasured. */
async function warmLoop(count: number, op: (i: number) => Promise<unknown>) {
  if (warmSeconds > 0) await rawLoop(Math.ceil(count / 10), connections, op)
  return rawLoop(count, connections, op)
}

/**
 * The same requests straight into the app (`app.request`, no sockets), `count` of them at the same
 * concurrency: the app and the database without autocannon and loopback HTTP in this process.
 */
function direct(api: Api, make: (n: number) => Req, count = Number(process.env.BENCH_DIRECT_OPS ?? 3000)) {
  return warmLoop(count, async (i) => {
    const r = make(i)
    const res = await api.request(r.path, { method: r.method, headers: r.headers, body: r.body })
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`${r.path}: ${res.status}`)
  })
}

const boardSql = `select * from concerns where community_id = $1 and visibility = 'public' and status <> 'merged'
  order by created_at desc, id desc limit 21`
const insertSql = `insert into concerns (community_id, public_no, author_id, category, description, place_text, visibility, anonymous, status,
  acknowledge_due_at) values ($1, $2, $3, 'facilities', '基准测试：3号楼路灯不亮，晚上很黑', '3号楼门口路灯', 'public', true, 'submitted', now() + interval '1 day')`

/** The raw counterpart of each HTTP figure: the same rows through a pool, same concurrency. */
function raw(pool: pg.Pool, homes: Home[]) {
  const home = (i: number) => homes[i % homes.length]
  const count = Number(process.env.BENCH_RAW_OPS ?? 10_000)
  const select = (i: number) => pool.query(boardSql, [home(i).communityId])
  const detail = (i: number) => pool.query('select * from concerns where id = $1', [home(i).concernIds[i % 20]])
  const insert = (i: number, h = home(i)) => pool.query(insertSql, [h.communityId, `RAW-${process.pid}-${i}-${Math.random()}`, h.userId])
  return {
    board: () => warmLoop(count, select),
    detail: () => warmLoop(count, detail),
    insert: () => warmLoop(count, (i) => insert(i)),
    mix: () => warmLoop(count, (i) => (i % 5 === 4 ? insert(i) : i % 5 < 2 ? select(i) : detail(i))),
  }
}

/** Statements each endpoint sends for one request (as seen by drizzle's logger). */
async function statements(api: Api, homes: Home[], log: { on: boolean; n: number }) {
  const count = async (req: Req) => {
    log.n = 0
    log.on = true
    const res = await fetch(`${api.base}${req.path}`, { method: req.method, headers: req.headers, body: req.body })
    await res.arrayBuffer()
    log.on = false
    if (!res.ok) throw new Error(`${req.path}: ${res.status}`)
    return log.n
  }
  return { board: await count(boardReq(homes[0])), detail: await count(detailReq(homes[0], 1)), raise: await count(raiseReq(homes[0])) }
}

const driver = process.env.BENCH_DRIVER === 'neon' ? 'neon' : 'pg'

/**
 * The app's database: node-postgres, or with BENCH_DRIVER=neon the Neon driver (its Pool over
 * WebSocket, as on Vercel) through a loopback relay to the same server (the relay runs in this
 * process, so it adds its own work to every statement).
 */
async function appDatabase(url: string, options: OpenOptions) {
  if (driver !== 'neon') return { handle: await openDb(url, options), close: async () => {} }
  const { neonConfig } = await import('@neondatabase/serverless')
  const { startWsRelay } = await import('../test/helpers/ws-relay.js')
  const relay = await startWsRelay()
  Object.assign(neonConfig, {
    wsProxy: relay.proxy,
    useSecureWebSocket: false,
    pipelineConnect: false,
    pipelineTLS: false,
    forceDisablePgSSL: true,
  })
  const neonUrl = new URL(url)
  neonUrl.searchParams.set('driver', 'neon')
  return { handle: await openDb(neonUrl.toString(), options), close: () => relay.close() }
}

export async function benchLoad() {
  const db = await scratch('throughput')
  const log = { on: false, n: 0 }
  const app = await appDatabase(db.url, { max: connections, onQuery: () => log.on && log.n++ })
  const handle = app.handle
  const pool = new pg.Pool({ connectionString: db.url, max: connections })
  pool.on('error', () => {})
  try {
    await handle.migrate()
    await seedDemo(handle.db)
    const seeded = await seedCommunities(pool)
    const api = await startApi(handle, env)
    try {
      const homes = await signIn(api, pool, seeded)
      const home = (n: number) => homes[n % homes.length]
      const perEndpoint = await statements(api, homes, log)
      const r = raw(pool, homes)
      const boardOf = (n: number) => boardReq(home(n))
      const detailOf = (n: number) => detailReq(home(n), Math.floor(n / homes.length))
      const raiseOf = (n: number) => raiseReq(home(n))
      const mixOf = (n: number) => (n % 5 === 4 ? raiseReq(home(n)) : n % 5 < 2 ? boardReq(home(n)) : detailReq(home(n), n))
      const board = await load(api, boardOf)
      const boardDirect = await direct(api, boardOf)
      const rawBoard = await r.board()
      const detail = await load(api, detailOf)
      const detailDirect = await direct(api, detailOf)
      const rawDetail = await r.detail()
      const raise = await load(api, raiseOf)
      const raiseOne = await load(api, () => raiseReq(homes[0]))
      const raiseDirect = await direct(api, raiseOf, 1000)
      const rawInsert = await r.insert()
      const mix = await load(api, mixOf)
      const mixDirect = await direct(api, mixOf)
      const rawMix = await r.mix()
      const of = (http: { requestsPerSec: number }, inProcess: { opsPerSec: number }, raw: { opsPerSec: number }) => ({
        ratio: ratio(http.requestsPerSec, raw.opsPerSec),
        inProcessRatio: ratio(inProcess.opsPerSec, raw.opsPerSec),
      })
      return {
        driver,
        seconds,
        connections,
        communities: homes.length,
        statementsPerRequest: perEndpoint,
        board: { http: board, inProcess: boardDirect, raw: rawBoard, ...of(board, boardDirect, rawBoard) },
        detail: { http: detail, inProcess: detailDirect, raw: rawDetail, ...of(detail, detailDirect, rawDetail) },
        raise: {
          over100: raise,
          inOne: raiseOne,
          inProcess: raiseDirect,
          raw: rawInsert,
          ...of(raise, raiseDirect, rawInsert),
          inOneRatio: ratio(raiseOne.requestsPerSec, rawInsert.opsPerSec),
        },
        mix: { http: mix, inProcess: mixDirect, raw: rawMix, ...of(mix, mixDirect, rawMix) },
      }
    } finally {
      await api.close()
    }
  } finally {
    await pool.end()
    await handle.close()
    await app.close()
    await db.drop()
  }
}

/** The load figures, then 1000 concurrent ballots on the same server (bench/votes.ts) at the same pool size. */
export async function benchThroughput() {
  const figures = await benchLoad()
  const db = await scratch('ballots')
  const app = await appDatabase(db.url, { max: connections })
  const handle = app.handle
  const pool = new pg.Pool({ connectionString: db.url, max: connections })
  pool.on('error', () => {})
  try {
    await handle.migrate()
    await seedDemo(handle.db)
    const b = await ballots(handle, pool, connections, env)
    return { ...figures, ballots: b }
  } finally {
    await pool.end()
    await handle.close()
    await app.close()
    await db.drop()
  }
}
