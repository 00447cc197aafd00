import { setTimeout as sleep } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import { openDb, type DbHandle } from '../db/client.js'
import { demo, seedDemo } from '../db/seed.js'
import { scratch, startApi } from './support.js'

/**
 * Votes on PostgreSQL, in one run:
 * - ballots: rounds of 1000 households voting at once over HTTP on a per-household owner vote
 *   (throughput, p50/p99, and the count: exactly 1000 ballots each round), beside raw single-row
 *   inserts through the same pool with the same concurrency;
 * - the tally (the live-result GET, and the close) at 100 000 ballots beside 100.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const voters = Number(process.env.BENCH_VOTERS ?? 1000)
const bigTally = Number(process.env.BENCH_TALLY ?? 100_000)
const smallTally = 100
const poolSize = Number(process.env.BENCH_POOL ?? 10)

function percentile(sorted: number[], p: number) {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))].toFixed(2))
}

/** A building of `n` households (one unit), each with one verified owner; the building id and the owners' ids. */
async function seedHouseholds(pool: pg.Pool, n: number, name: string): Promise<{ buildingId: string; userIds: string[] }> {
  const c = demo.community.wenan
  const {
    rows: [b],
  } = await pool.query<{ id: string }>(`insert into buildings (community_id, name, sort_key) values ($1, $2, 100) returning id`, [c, name])
  const {
    rows: [u],
  } = await pool.query<{ id: string }>(`insert into units (building_id, name) values ($1, '1单元') returning id`, [b.id])
  const { rows: hs } = await pool.query<{ id: string }>(
    `insert into households (unit_id, community_id, room, area_m2) select $1, $2, g::text, 50 + (g % 97) from generate_series(1, $3::int) g returning id`,
    [u.id, c, n],
  )
  const { rows: us } = await pool.query<{ id: string }>(
    `insert into users (nickname, demo_note) select '基准业主' || g, 'bench' from generate_series(1, $1::int) g returning id`,
    [n],
  )
  const userIds = us.map((r) => r.id)
  await pool.query(
    `insert into residency_claims (user_id, household_id, community_id, relation, status, reviewed_at)
     select unnest($1::uuid[]), unnest($2::uuid[]), $3, 'owner', 'verified', now()`,
    [userIds, hs.map((h) => h.id), c],
  )
  return { buildingId: b.id, userIds }
}

async function post(base: string, path: string, token: string, body: unknown) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, any> }
}

function proposal(title: string, buildingId: string, over: Record<string, unknown> = {}) {
  return {
    title,
    text: '基准测试用的表决方案，检验投票吞吐与计票速度。',
    options: { kind: 'yes_no' },
    electorate: { kind: 'households', buildingIds: [buildingId] },
    unit: 'household',
    rule: 'owners_ordinary',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 7 * 86400_000).toISOString(),
    ...over,
  }
}

async function openVote(api: Awaited<ReturnType<typeof startApi>>, staff: string, body: Record<string, unknown>): Promise<string> {
  const created = await post(api.base, `/api/communities/${demo.community.wenan}/proposals`, staff, body)
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`)
  const opened = await post(api.base, `/api/proposals/${created.body.id}/actions`, staff, { action: 'open' })
  if (opened.status !== 200) throw new Error(`open: ${opened.status} ${JSON.stringify(opened.body)}`)
  return created.body.id
}

/** The ballot client of `fromWorker`: plain JavaScript, run by a worker thread with `eval`. */
const ballotClient = `
const { parentPort, workerData } = require('node:worker_threads')
parentPort.once('message', async ({ path }) => {
  const latencies = []
  const started = performance.now()
  const statuses = await Promise.all(workerData.tokens.map(async (token, i) => {
    const t = performance.now()
    const res = await fetch(workerData.base + path, {
      method: 'POST',
      headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
      body: JSON.stringify({ choices: [i % 3 ? 'yes' : 'no'] }),
    })
    await res.arrayBuffer()
    latencies.push(performance.now() - t)
    return res.status
  }))
  parentPort.postMessage({ ms: performance.now() - started, latencies, statuses })
})`

export async function ballots(handle: DbHandle, pool: pg.Pool, poolMax = poolSize, env: Record<string, string> = {}) {
  const api = await startApi(handle, env)
  try {
    const { buildingId, userIds } = await seedHouseholds(pool, voters, '基准千户楼')
    const staff = await api.login(demo.user.chen)
    const tokens: string[] = []
    for (const id of userIds) tokens.push(await api.login(id))
    // Each round: 1000 households at once on a fresh vote, through loopback HTTP (`fetch`) and,
    // apart, straight into the app (`request`, no sockets): what the sockets of 1000 simultaneous
    // connections in this one process cost beside the app and the database.
    const round = async (label: string, send: (path: string, init: RequestInit) => Promise<Response>, latencies: number[]) => {
      const id = await openVote(api, staff, proposal(`基准表决 ${label}`, buildingId))
      // Every round's 1000 ballots come on 1000 new connections: the ones the last round left open
      // are closed, and the client is given a moment to see them go before it connects again.
      api.closeIdleConnections()
      await sleep(300)
      const started = performance.now()
      const statuses = await Promise.all(
        tokens.map(async (token, i) => {
          const t = performance.now()
          const res = await send(`/api/proposals/${id}/ballots`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ choices: [i % 3 ? 'yes' : 'no'] }),
          })
          await res.arrayBuffer()
          latencies.push(performance.now() - t)
          return res.status
        }),
      )
      const ms = performance.now() - started
      if (statuses.some((s) => s !== 201)) throw new Error(`${label}: ${statuses.filter((s) => s !== 201).length} ballots not 201`)
      const { rows } = await pool.query<{ n: number }>('select count(*)::int n from vote_ballots where proposal_id = $1', [id])
      counted.push(rows[0].n)
      return ms
    }
    // The same 1000 over loopback HTTP from a worker thread: the client off the server's event loop,
    // as a load generator of its own would be.
    const fromWorker = async (label: string, latencies: number[]) => {
      const id = await openVote(api, staff, proposal(`基准表决 ${label}`, buildingId))
      const worker = new Worker(ballotClient, { eval: true, workerData: { base: api.base, tokens } })
      const done = new Promise<{ ms: number; latencies: number[]; statuses: number[] }>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
      worker.postMessage({ path: `/api/proposals/${id}/ballots` })
      const result = await done
      await worker.terminate()
      if (result.statuses.some((s) => s !== 201))
        throw new Error(`${label}: ${result.statuses.filter((s) => s !== 201).length} ballots not 201`)
      const { rows } = await pool.query<{ n: number }>('select count(*)::int n from vote_ballots where proposal_id = $1', [id])
      counted.push(rows[0].n)
      latencies.push(...result.latencies)
      return result.ms
    }
    const latencies: number[] = []
    const inProcess: number[] = []
    const worker: number[] = []
    const counted: number[] = []
    let wall = 0
    let inProcessWall = 0
    let workerWall = 0
    // One round first, outside the figures: the server's code still unoptimised and the pool's connections
    // still opening (reported apart as `coldRound`); the rounds after it measure a warm server.
    const cold: number[] = []
    const coldWall = await round('预热', (path, init) => fetch(`${api.base}${path}`, init), cold)
    cold.sort((a, b) => a - b)
    for (let n = 0; n < rounds; n++) wall += await round(`${n + 1}`, (path, init) => fetch(`${api.base}${path}`, init), latencies)
    for (let n = 0; n < rounds; n++) inProcessWall += await round(`直连 ${n + 1}`, async (path, init) => api.request(path, init), inProcess)
    for (let n = 0; n < rounds; n++) workerWall += await fromWorker(`线程 ${n + 1}`, worker)
    inProcess.sort((a, b) => a - b)
    worker.sort((a, b) => a - b)
    latencies.sort((a, b) => a - b)
    const raw: number[] = []
    const rawStarted = performance.now()
    for (let round = 0; round < rounds; round++) {
      await Promise.all(
        userIds.map(async (id, i) => {
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
    const requests = rounds * voters
    const ballotsPerSec = Math.round(requests / (wall / 1000))
    const rawPerSec = Math.round(requests / (rawWall / 1000))
    return {
      rounds,
      concurrent: voters,
      pool: poolMax,
      countedPerRound: counted,
      coldRound: { requestsPerSec: Math.round(voters / (coldWall / 1000)), p50Ms: percentile(cold, 0.5), p99Ms: percentile(cold, 0.99) },
      ballot: { requestsPerSec: ballotsPerSec, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) },
      ballotFromWorker: {
        requestsPerSec: Math.round(requests / (workerWall / 1000)),
        p50Ms: percentile(worker, 0.5),
        p99Ms: percentile(worker, 0.99),
      },
      ballotInProcess: {
        requestsPerSec: Math.round(requests / (inProcessWall / 1000)),
        p50Ms: percentile(inProcess, 0.5),
        p99Ms: percentile(inProcess, 0.99),
      },
      rawInsert: { opsPerSec: rawPerSec, p50Ms: percentile(raw, 0.5), p99Ms: percentile(raw, 0.99) },
      ballotOverRawInsertThroughput: Number((ballotsPerSec / rawPerSec).toFixed(3)),
    }
  } finally {
    await api.close()
  }
}

/** A vote of `n` households with every household's ballot already stored (by SQL), counts shown live. */
async function filledVote(api: Awaited<ReturnType<typeof startApi>>, pool: pg.Pool, staff: string, n: number): Promise<string> {
  const { buildingId } = await seedHouseholds(pool, n, `基准计票楼 ${n}`)
  const id = await openVote(api, staff, proposal(`计票 ${n}`, buildingId, { liveResults: true }))
  await pool.query(
    `insert into vote_ballots (proposal_id, elector_id, choices, area_cents)
     select proposal_id, id, case when random() < 0.6 then '["yes"]'::jsonb when random() < 0.8 then '["no"]'::jsonb else '["abstain"]'::jsonb end, area_cents
     from vote_electors where proposal_id = $1`,
    [id],
  )
  await pool.query('analyze vote_ballots')
  return id
}

async function medianGet(url: string, token: string, n: number) {
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

async function tallies(handle: DbHandle, pool: pg.Pool) {
  const api = await startApi(handle)
  try {
    const staff = await api.login(demo.user.chen)
    const seedStarted = performance.now()
    const small = await filledVote(api, pool, staff, smallTally)
    const big = await filledVote(api, pool, staff, bigTally)
    const seedMs = Math.round(performance.now() - seedStarted)
    const liveSmall = await medianGet(`${api.base}/api/proposals/${small}/result`, staff, 30)
    const liveBig = await medianGet(`${api.base}/api/proposals/${big}/result`, staff, 10)
    const closeMs = async (id: string) => {
      const t = performance.now()
      const res = await post(api.base, `/api/proposals/${id}/actions`, staff, { action: 'close' })
      if (res.status !== 200) throw new Error(`close: ${res.status}`)
      return { ms: Number((performance.now() - t).toFixed(2)), participants: res.body.result.participants.count as number }
    }
    const closeSmall = await closeMs(small)
    const closeBig = await closeMs(big)
    // A roll over 2 000 is told of the result by the scheduled job, in batches: run it until done.
    const fanStarted = performance.now()
    const runs: number[] = []
    let told = 0
    for (;;) {
      const t = performance.now()
      const res = await fetch(`${api.base}/api/jobs/tick`)
      const tick = (await res.json()) as { voteNotices: number }
      if (!res.ok) throw new Error(`tick: ${res.status}`)
      runs.push(Math.round(performance.now() - t))
      if (!tick.voteNotices) break
      told += tick.voteNotices
    }
    return {
      ballots: { small: smallTally, big: bigTally },
      seedMs,
      liveResultMedianMs: { small: liveSmall, big: liveBig, ratio: Number((liveBig / liveSmall).toFixed(1)) },
      closeMs: { small: closeSmall.ms, big: closeBig.ms, ratio: Number((closeBig.ms / closeSmall.ms).toFixed(1)) },
      countedAtClose: { small: closeSmall.participants, big: closeBig.participants },
      resultNoticesAfterBigClose: {
        told,
        jobRuns: runs.length,
        runMs: runs,
        totalMs: Math.round(performance.now() - fanStarted),
        perThousandMs: told ? Number(((performance.now() - fanStarted) / (told / 1000)).toFixed(1)) : null,
      },
    }
  } finally {
    await api.close()
  }
}

export async function benchVotes() {
  const db = await scratch('votes')
  const handle = await openDb(db.url, { max: poolSize })
  const pool = new pg.Pool({ connectionString: db.url, max: poolSize })
  pool.on('error', () => {})
  try {
    await handle.migrate()
    await seedDemo(handle.db)
    // BENCH_VOTES=tally measures the tally and the close alone; BENCH_VOTES=ballots the ballots alone.
    const ballotPart = process.env.BENCH_VOTES === 'tally' ? null : await ballots(handle, pool, poolSize, { RATE_LIMIT: 'off' })
    return { ballots: ballotPart, tally: process.env.BENCH_VOTES === 'ballots' ? null : await tallies(handle, pool) }
  } finally {
    await pool.end()
    await handle.close()
    await db.drop()
  }
}
