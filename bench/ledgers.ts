import { execFileSync } from 'node:child_process'
import pg from 'pg'
import pino from 'pino'
import { openDb } from '../db/client.js'
import { demo, seedDemo } from '../db/seed.js'
import { createApp } from '../functions/app.js'
import { loadConfig } from '../functions/config.js'
import { buildDeps } from '../functions/deps.js'
import { scratch } from './support.js'

/**
 * The 诉求办理台账 of a community-year, streamed: 1k and 10k concerns (inserted by SQL into two
 * communities of one PostgreSQL database), each ledger generated in its own child process so that
 * peak RSS is that ledger's alone. The child starts the app, downloads a one-day ledger first (exceljs
 * loaded, code warmed), records its RSS, then downloads the year through the HTTP app and reads the
 * body to the end. Reported: seconds, bytes, peak RSS (whole process) and its growth over the
 * baseline, and the ratios 10k ÷ 1k (targets: RSS ≤ 1.2, time ≤ 12).
 *
 * Beside them, a second run of each with a full GC every 100 ms reports the heap and buffers still
 * in use: what the ledger holds, apart from garbage V8 has not collected yet.
 *
 * `npx tsx bench/ledgers.ts` or `npm run bench -- ledgers` (BENCH_DATABASE_URL, default the local
 * server; BENCH_LEDGER_BIG for another large size). Not part of npm test.
 */
const sizes = [
  { key: '1k', n: 1_000, community: 'minzhu' as const, code: 'MZ', staff: 'zheng' as const },
  { key: '10k', n: Number(process.env.BENCH_LEDGER_BIG ?? 10_000), community: 'wenan' as const, code: 'WA', staff: 'chen' as const },
]

/** `n` concerns received over 2026 in one community, in every stage of the loop, by SQL in one statement. */
async function insertConcerns(url: string, communityId: string, code: string, n: number) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const minutes = Math.floor((360 * 24 * 60) / n)
    await client.query(
      `insert into concerns (community_id, public_no, author_id, category, description, building_id, status,
         created_at, acknowledged_at, acknowledge_due_at, arrived_at, arrive_due_at, due_at, resolved_at,
         rating, rated_at, closed_at, reopen_count, assignee_user_id)
       select $1, $2 || '-2026-B' || lpad(g::text, 6, '0'), $3,
         (array['property','noise','utilities','sanitation','parking','facilities','renovation','safety','dispute','other'])[1 + g % 10]::concern_category,
         '第' || g || '件：3号楼2单元302室门口楼道的灯不亮了，晚上看不见台阶，联系电话13804110001，请尽快处理',
         (select id from buildings b where b.community_id = $1 order by b.name limit 1),
         (case when g % 3 = 0 then 'in_progress' when g % 3 = 1 then 'resolved' else 'closed' end)::concern_status,
         t, t + interval '10 minutes', t + interval '20 minutes',
         case when g % 2 = 0 then t + interval '30 minutes' end, t + interval '40 minutes', t + interval '2 days',
         case when g % 3 <> 0 then t + interval '1 day' + (g % 5) * interval '12 hours' end,
         case when g % 3 = 2 then 1 + g % 5 end, case when g % 3 = 2 then t + interval '4 days' end,
         case when g % 3 = 2 then t + interval '4 days' end, (g % 7 = 0)::int, $4
       from generate_series(1, $5::int) g, lateral (select timestamp '2026-01-01 00:00' + g * $6 * interval '1 minute' as t) x`,
      [communityId, code, demo.user.wang, demo.user.liu, n, minutes],
    )
  } finally {
    await client.end()
  }
}

/** In the child: one ledger through the HTTP app; prints its measurements as JSON. */
async function child(url: string, communityId: string, staff: keyof typeof demo.user) {
  const handle = await openDb(url, { max: 4 })
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: 'bench-secret-0123456789-0123456789-x' })
  const app = createApp(buildDeps(config, handle, pino({ level: 'silent' })))
  const login = await app.request('/api/auth/dev', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: demo.user[staff] }),
  })
  const { token } = (await login.json()) as { token: string }
  const download = async (query: string) => {
    const res = await app.request(`/api/communities/${communityId}/ledgers/concerns.xlsx?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    })
    if (res.status !== 200) throw new Error(`ledger: ${res.status} ${await res.text()}`)
    let bytes = 0
    const reader = res.body!.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.byteLength
    }
    return bytes
  }
  await download('from=2025-01-01&to=2025-01-01') // warm-up: exceljs loaded, nothing in it
  globalThis.gc?.()
  const baselineRss = process.memoryUsage().rss
  // `live`: every 100 ms a full GC, then the heap and buffers still in use — what the ledger holds,
  // without the garbage V8 has not collected yet (slower; its time is not reported).
  const live = process.env.BENCH_LIVE === '1'
  let peakLive = 0
  const sampler = live
    ? setInterval(() => {
        globalThis.gc?.()
        const m = process.memoryUsage()
        peakLive = Math.max(peakLive, m.heapUsed + m.arrayBuffers)
      }, 100)
    : undefined
  const started = performance.now()
  const bytes = await download('from=2026-01-01&to=2026-12-31')
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const peakRss = process.resourceUsage().maxRSS * 1024
  await handle.close()
  console.log(JSON.stringify({ seconds, bytes, baselineRss, peakRss, peakLive }))
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

export async function benchLedgers() {
  const db = await scratch('ledgers')
  try {
    const handle = await openDb(db.url, { max: 4 })
    await handle.migrate()
    await seedDemo(handle.db)
    await handle.close()
    const results: Record<string, Record<string, number>> = {}
    const run = (s: (typeof sizes)[number], live = false) => {
      const out = execFileSync(
        process.execPath,
        ['--expose-gc', '--import', 'tsx', 'bench/ledgers.ts', 'child', db.url, demo.community[s.community], s.staff],
        { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, BENCH_LIVE: live ? '1' : '0' } },
      )
      return JSON.parse(out.trim().split('\n').at(-1)!) as {
        seconds: number
        bytes: number
        baselineRss: number
        peakRss: number
        peakLive: number
      }
    }
    const figures = (n: number, r: ReturnType<typeof run>) => ({
      seconds: Number(r.seconds.toFixed(2)),
      rowsPerSecond: Math.round(n / r.seconds),
      fileMB: mb(r.bytes),
      baselineRssMB: mb(r.baselineRss),
      peakRssMB: mb(r.peakRss),
      growthMB: mb(r.peakRss - r.baselineRss),
    })
    for (const s of sizes) {
      const started = performance.now()
      await insertConcerns(db.url, demo.community[s.community], s.code, s.n)
      const insertSeconds = Number(((performance.now() - started) / 1000).toFixed(2))
      results[s.key] = { concerns: s.n, insertSeconds, ...figures(s.n, run(s)), liveHeapAndBuffersMB: mb(run(s, true).peakLive) }
    }
    const [small, big] = [results['1k'], results['10k']]
    return {
      ...results,
      ratios: {
        peakRss: Number((big.peakRssMB / small.peakRssMB).toFixed(2)),
        seconds: Number((big.seconds / small.seconds).toFixed(2)),
        liveHeapAndBuffers: Number((big.liveHeapAndBuffersMB / small.liveHeapAndBuffersMB).toFixed(2)),
        targets: { peakRss: 1.2, seconds: 12 },
      },
    }
  } finally {
    await db.drop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv[2] === 'child') await child(process.argv[3], process.argv[4], process.argv[5] as keyof typeof demo.user)
  else console.log(JSON.stringify({ date: new Date().toISOString(), node: process.version, ledgers: await benchLedgers() }, null, 2))
}
