import autocannon from 'autocannon'
import pg from 'pg'
import { openDb } from '../db/client.js'
import { demo, seedDemo } from '../db/seed.js'
import { scratch, startApi } from './support.js'

/**
 * Concerns on PostgreSQL, measured in one run so ratios mean something:
 * - raise (POST /api/concerns) and the board (GET …/concerns) under load with autocannon, beside
 *   raw single-row inserts and selects through the same pool;
 * - the board's first page and page 500 at 1k and at 1M concerns (seeded by SQL).
 */
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20)
const bigN = Number(process.env.BENCH_BIG_N ?? 1_000_000)

function summary(r: autocannon.Result) {
  return {
    requestsPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  }
}

/** `count` operations, `concurrency` at a time, straight through the pool. */
export async function rawLoop(count: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++
        const t = performance.now()
        await op(i)
        latencies.push(performance.now() - t)
      }
    }),
  )
  const seconds = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    opsPerSec: Math.round(count / seconds),
    p50Ms: Number(latencies[Math.floor(count * 0.5)].toFixed(2)),
    p99Ms: Number(latencies[Math.floor(count * 0.99)].toFixed(2)),
  }
}

/** Median time of `n` sequential GETs. */
async function timeGet(url: string, token: string, n = 50) {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
    if (!res.ok) throw new Error(`${url}: ${res.status}`)
    await res.arrayBuffer()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return Number(times[Math.floor(n / 2)].toFixed(2))
}

/** Inserts `n` public concerns in 文安路社区 by SQL, spread over the last two years. */
async function seedConcerns(pool: pg.Pool, n: number) {
  await pool.query(
    `insert into concerns (community_id, public_no, author_id, category, description, place_text, visibility, anonymous, status, created_at, updated_at, acknowledge_due_at)
     select $1, 'BN-' || g, $2,
            (array['noise','utilities','sanitation','parking','property','facilities','renovation','safety','dispute','other'])[1 + g % 10]::concern_category,
            '基准测试诉求 第' || g || ' 条：楼道灯不亮，需要维修', '3号楼', 'public', true,
            (array['submitted','accepted','in_progress','resolved','closed'])[1 + g % 5]::concern_status,
            now() - (g * interval '60 seconds'), now(), now() - (g * interval '60 seconds') + interval '1 day'
     from generate_series(1, $3::int) g`,
    [demo.community.wenan, demo.user.wang, n],
  )
  await pool.query('analyze concerns')
}

/** The board URL for page `page` (20 per page): the cursor is the last row of the page before. */
async function boardPageUrl(pool: pg.Pool, base: string, page: number) {
  const board = `${base}/api/communities/${demo.community.wenan}/concerns?limit=20`
  if (page === 1) return board
  const { rows } = await pool.query(
    `select created_at, id from concerns where community_id = $1 and visibility = 'public' and status <> 'merged'
     order by created_at desc, id desc offset $2 limit 1`,
    [demo.community.wenan, (page - 1) * 20 - 1],
  )
  const cursor = Buffer.from(`${new Date(rows[0].created_at).toISOString()}|${rows[0].id}`).toString('base64url')
  return `${board}&cursor=${cursor}`
}

async function boardAt(n: number) {
  const db = await scratch(`board${n}`)
  const handle = await openDb(db.url, { max: 10 })
  try {
    await handle.migrate()
    await seedDemo(handle.db)
    const pool = new pg.Pool({ connectionString: db.url, max: 2 })
    pool.on('error', () => {})
    const seedStart = performance.now()
    await seedConcerns(pool, n)
    const seedMs = Math.round(performance.now() - seedStart)
    const api = await startApi(handle, { RATE_LIMIT: 'off' })
    const token = await api.login(demo.user.wang)
    // Page 500 of 20 needs 10 000 concerns; a smaller board is measured at its last page.
    const deepPage = Math.min(500, Math.floor(n / 20))
    const first = await timeGet(await boardPageUrl(pool, api.base, 1), token)
    const deep = await timeGet(await boardPageUrl(pool, api.base, deepPage), token)
    await api.close()
    await pool.end()
    return {
      concerns: n,
      seedMs,
      firstPageMedianMs: first,
      deepPage,
      deepPageMedianMs: deep,
      deepOverFirst: Number((deep / first).toFixed(2)),
    }
  } finally {
    await handle.close()
    await db.drop()
  }
}

export async function benchConcerns() {
  const db = await scratch('load')
  const handle = await openDb(db.url, { max: 10 })
  try {
    await handle.migrate()
    await seedDemo(handle.db)
    const api = await startApi(handle, { RATE_LIMIT: 'off' })
    const token = await api.login(demo.user.wang)
    const pool = new pg.Pool({ connectionString: db.url, max: 10 })
    pool.on('error', () => {})
    const body = JSON.stringify({
      communityId: demo.community.wenan,
      category: 'facilities',
      description: '基准测试：3号楼路灯不亮，晚上很黑',
      place: { kind: 'building', buildingId: demo.building('wenan', 3) },
    })
    let n = 0
    const raise = await autocannon({
      url: `${api.base}/api/concerns`,
      method: 'POST',
      connections,
      duration: seconds,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
      requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': `bench-${process.pid}-${n++}` } }) }],
    })
    const list = await autocannon({
      url: `${api.base}/api/communities/${demo.community.wenan}/concerns?limit=20`,
      connections,
      duration: seconds,
      headers: { authorization: `Bearer ${token}` },
    })
    const rawInsert = await rawLoop(5000, connections, (i) =>
      pool.query('insert into notifications (user_id, title, body) values ($1, $2, $3)', [demo.user.wang, `bench ${i}`, 'raw insert']),
    )
    const rawSelect = await rawLoop(5000, connections, () =>
      pool.query(
        `select id, public_no, status from concerns where community_id = $1 and visibility = 'public' order by created_at desc, id desc limit 21`,
        [demo.community.wenan],
      ),
    )
    await api.close()
    await pool.end()
    const raiseS = summary(raise)
    const listS = summary(list)
    const load = {
      seconds,
      connections,
      raise: raiseS,
      rawInsert,
      raiseOverRawInsertThroughput: Number((raiseS.requestsPerSec / rawInsert.opsPerSec).toFixed(3)),
      board: listS,
      rawSelect,
      boardOverRawSelectThroughput: Number((listS.requestsPerSec / rawSelect.opsPerSec).toFixed(3)),
    }
    const small = await boardAt(1000)
    const big = await boardAt(bigN)
    return {
      load,
      board: { small, big, firstPageBigOverSmall: Number((big.firstPageMedianMs / small.firstPageMedianMs).toFixed(2)) },
    }
  } finally {
    await handle.close()
    await db.drop()
  }
}
