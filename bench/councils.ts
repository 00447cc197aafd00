import pg from 'pg'
import { openDb, type DbHandle } from '../db/client.js'
import { demo, seedDemo } from '../db/seed.js'
import { scratch, startApi } from './support.js'

/**
 * Councils on PostgreSQL, in one run:
 * - registration: rounds of 200 residents registering at once for 50 seats over HTTP (throughput,
 *   p50/p99, and the 50/150 outcome), beside raw single-row inserts through the same pool with the
 *   same concurrency;
 * - the 议事 tab's list query (first page, page 100, past) at 10 000 sessions.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 5)
const residents = 200
const seats = 50
const sessionsN = Number(process.env.BENCH_SESSIONS ?? 10_000)
const poolSize = Number(process.env.BENCH_POOL ?? 10)

function percentile(sorted: number[], p: number) {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2))
}

/** 200 verified residents of 文安路社区 (users and verified claims by SQL: a verified home makes a resident); their ids. */
async function seedResidents(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into users (nickname, demo_note) select '基准居民' || g, 'bench' from generate_series(1, $1::int) g returning id`,
    [residents],
  )
  const ids = rows.map((r) => r.id)
  await pool.query(
    `insert into residency_claims (user_id, household_id, community_id, relation, status, reviewed_at)
     select unnest($1::uuid[]), $2, $3, 'family', 'verified', now()`,
    [ids, demo.household('wenan', 1, 1, '101'), demo.community.wenan],
  )
  return ids
}

async function newSession(pool: pg.Pool, startsInDays: number): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `insert into council_sessions (community_id, kind, title, starts_at, ends_at, venue, capacity, agenda_slots, booking_deadline, status, check_in_code)
     values ($1, 'monthly_council', '基准议事会', now() + $2 * interval '1 day', now() + $2 * interval '1 day' + interval '2 hours',
             '睦邻议事厅', $3, 4, now() + ($2 - 1) * interval '1 day', 'open', '123456') returning id`,
    [demo.community.wenan, startsInDays, seats],
  )
  return rows[0].id
}

async function registration(handle: DbHandle, pool: pg.Pool) {
  const api = await startApi(handle)
  try {
    const ids = await seedResidents(pool)
    const tokens = await Promise.all(ids.map((id) => api.login(id)))
    const latencies: number[] = []
    const outcomes: Array<{ registered: number; waitlisted: number }> = []
    let wall = 0
    for (let round = 0; round < rounds; round++) {
      const sessionId = await newSession(pool, 10 + round)
      const started = performance.now()
      const states = await Promise.all(
        tokens.map(async (token) => {
          const t = performance.now()
          const res = await fetch(`${api.base}/api/sessions/${sessionId}/registration`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}` },
          })
          const body = (await res.json()) as { registration: string }
          latencies.push(performance.now() - t)
          return body.registration
        }),
      )
      wall += performance.now() - started
      outcomes.push({
        registered: states.filter((s) => s === 'registered').length,
        waitlisted: states.filter((s) => s === 'waitlisted').length,
      })
    }
    latencies.sort((a, b) => a - b)
    // The same number of single-row inserts, as many at once, straight through a pool of the same size.
    const raw: number[] = []
    const rawStarted = performance.now()
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        ids.map(async (id, i) => {
          const t = performance.now()
          await pool.query('insert into notifications (user_id, title, body) values ($1, $2, $3)', [
            id,
            `bench ${round}-${i}`,
            'raw insert',
          ])
          raw.push(performance.now() - t)
        }),
      )
    }
    const rawWall = performance.now() - rawStarted
    raw.sort((a, b) => a - b)
    const requests = rounds * residents
    const registerPerSec = Math.round(requests / (wall / 1000))
    const rawPerSec = Math.round(requests / (rawWall / 1000))
    return {
      rounds,
      concurrent: residents,
      seats,
      pool: poolSize,
      outcomes,
      register: { requestsPerSec: registerPerSec, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) },
      rawInsert: { opsPerSec: rawPerSec, p50Ms: percentile(raw, 0.5), p99Ms: percentile(raw, 0.99) },
      registerOverRawInsertThroughput: Number((registerPerSec / rawPerSec).toFixed(3)),
    }
  } finally {
    await api.close()
  }
}

async function medianGet(url: string, token: string, n = 50) {
  const times: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
    if (!res.ok) throw new Error(`${url}: ${res.status}`)
    await res.arrayBuffer()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return percentile(times, 0.5)
}

/** 10 000 sessions of 文安路社区 (half past, half ahead, one every 6 hours), then the 议事 tab's pages. */
async function listAt(handle: DbHandle, pool: pg.Pool) {
  const seedStarted = performance.now()
  await pool.query(
    `insert into council_sessions (community_id, kind, title, starts_at, ends_at, venue, capacity, agenda_slots, booking_deadline, status, check_in_code)
     select $1, (array['monthly_council','weekly_forum','special_topic','round_table'])[1 + g % 4]::council_kind, '基准议事会 ' || g,
            now() + (g - $2 / 2) * interval '6 hours', now() + (g - $2 / 2) * interval '6 hours' + interval '2 hours', '睦邻议事厅', 50, 4,
            now() + (g - $2 / 2) * interval '6 hours' - interval '1 day',
            case when g < $2 / 2 then 'concluded' else 'open' end::council_session_status, '123456'
     from generate_series(1, $2::int) g`,
    [demo.community.wenan, sessionsN],
  )
  await pool.query('analyze council_sessions')
  const seedMs = Math.round(performance.now() - seedStarted)
  const api = await startApi(handle)
  try {
    const token = await api.login(demo.user.wang)
    const list = `${api.base}/api/communities/${demo.community.wenan}/sessions?limit=20`
    const page100Cursor = async () => {
      const { rows } = await pool.query(
        `select starts_at, id from council_sessions where community_id = $1 and ends_at > now() order by starts_at, id offset 1999 limit 1`,
        [demo.community.wenan],
      )
      return Buffer.from(`${new Date(rows[0].starts_at).toISOString()}|${rows[0].id}`).toString('base64url')
    }
    const { rows: plan } = await pool.query(
      `explain (format json) select * from council_sessions where community_id = $1 and starts_at > now() - interval '12 hours' and ends_at > now() order by starts_at, id limit 21`,
      [demo.community.wenan],
    )
    return {
      sessions: sessionsN,
      seedMs,
      upcomingFirstPageMedianMs: await medianGet(list, token),
      upcomingPage100MedianMs: await medianGet(`${list}&cursor=${await page100Cursor()}`, token),
      pastFirstPageMedianMs: await medianGet(`${list}&when=past`, token),
      byKindFirstPageMedianMs: await medianGet(`${list}&kind=special_topic`, token),
      planUsesIndex: JSON.stringify(plan[0]).includes('council_sessions_list_idx'),
    }
  } finally {
    await api.close()
  }
}

export async function benchCouncils() {
  const db = await scratch('councils')
  const handle = await openDb(db.url, { max: poolSize })
  const pool = new pg.Pool({ connectionString: db.url, max: poolSize })
  pool.on('error', () => {})
  try {
    await handle.migrate()
    await seedDemo(handle.db)
    return { registration: await registration(handle, pool), list: await listAt(handle, pool) }
  } finally {
    await pool.end()
    await handle.close()
    await db.drop()
  }
}
