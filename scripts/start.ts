import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createAdaptorServer } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { compress } from 'hono/compress'
import { Hono } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { defaultDataDir, openDb } from '../db/client.js'
import { seedDemo } from '../db/seed.js'
import { seedHistory } from '../db/seed-history.js'
import { createApp } from '../functions/app.js'
import { runScheduledJobs } from '../functions/jobs/routes.js'
import { rebuildKpis } from '../functions/kpis/index.js'
import { loadConfig } from '../functions/config.js'
import { buildDeps } from '../functions/deps.js'
import { h5PolicyDirectives } from '../functions/http/security.js'
import { createLogger } from '../functions/logger.js'

/**
 * `npm start`: the whole product on one port — migrate and seed the database (embedded PGlite in
 * .data/ unless DATABASE_URL is set), build the H5 app when its sources are newer than the build,
 * then serve /api and the H5 app together.
 */
const started = performance.now()
const config = loadConfig()
const port = Number(process.env.PORT ?? 3000)
const h5Dir = 'dist/h5'
const stampFile = join(h5Dir, '.build-stamp')

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  let newest = s.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

function ensureH5Build() {
  if (process.env.SKIP_H5_BUILD === '1') return
  const sources = Math.max(...['miniapp/src', 'miniapp/config', 'domain', 'package-lock.json'].map(newestMtime))
  const built = existsSync(stampFile) ? Number(readFileSync(stampFile, 'utf8')) : 0
  if (built >= sources && existsSync(join(h5Dir, 'index.html'))) return
  console.log('构建 H5 应用 (building the H5 app, about a minute the first time)…')
  // Always a production build: under NODE_ENV=test or development Taro adds React Refresh hooks
  // that only its dev server provides.
  const result = spawnSync('npm', ['run', 'build:h5'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
  if (result.status !== 0) throw new Error('H5 build failed: see the output above')
  writeFileSync(stampFile, String(Date.now()))
}

const dataDir = process.env.PGLITE_DATA_DIR ?? defaultDataDir
const database = await openDb(config.databaseUrl, { dataDir })
await database.migrate()
await seedDemo(database.db)
// A year of concerns so the 三率 mean something on first start (once; the figures rebuilt after).
if (await seedHistory(database.db, { now: new Date() })) await rebuildKpis(database.db)
ensureH5Build()

const logger = createLogger(process.env.LOG_LEVEL ?? 'warn')
const deps = buildDeps(config, database, logger)
const api = createApp(deps)

// What Vercel Cron does in production: deadlines, auto-close, the outbox — here every minute.
let running: Promise<unknown> | null = null
const jobs = setInterval(() => {
  running ??= runScheduledJobs(deps)
    .catch((err) => logger.error({ err }, 'scheduled jobs failed'))
    .finally(() => {
      running = null
    })
}, 60_000)

const site = new Hono()
// The Node bindings (c.env.incoming) go along, so rate limits see the client's socket address.
site.all('/api/*', (c) => api.fetch(c.req.raw, c.env))
site.use('/*', secureHeaders({ contentSecurityPolicy: h5PolicyDirectives }))
// The H5 app's scripts and styles go compressed (gzip, or deflate) to whoever accepts it: a phone on
// a weak network loads 首页 in a fraction of the bytes.
site.use('/*', compress())
site.use('/*', serveStatic({ root: h5Dir }))
// The H5 app routes by hash, so any other path gets the app's page.
site.get('*', serveStatic({ path: join(h5Dir, 'index.html') }))

let demoLines: string[] = []
if (config.devLogin) {
  const res = await api.request('/api/auth/dev/users')
  const { items } = (await res.json()) as { items: { nickname: string; communityName: string; note: string }[] }
  demoLines = [
    '演示账号 (demo accounts — pick one on the login page):',
    ...items.map((u) => `  ${u.communityName} · ${u.nickname} — ${u.note}`),
  ]
}

// Node's default queue of connections waiting to be accepted is 511: a burst beyond it (a vote's
// roll opening the page at once) has its connection attempts dropped and retried by the client a
// second later. The kernel caps the queue at net.core.somaxconn (4096 on current Linux).
const server = createAdaptorServer({ fetch: site.fetch })
server.listen({ port, host: process.env.HOST ?? '0.0.0.0', backlog: 4096 }, () => {
  const ms = Math.round(performance.now() - started)
  console.log(
    [`\nLinli 邻里议事 is running: http://localhost:${port}  (ready in ${ms} ms, database: ${database.kind})`, ...demoLines].join('\n'),
  )
})

/**
 * Graceful stop (SIGTERM from a process manager, Ctrl-C): stop accepting connections, let the
 * requests in flight and a running scheduled job finish, then close the database. Nothing a
 * client was told succeeded is lost; a client whose request never started sees a refused
 * connection and retries. After 20 s whatever is still open is cut.
 */
let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  console.log(`${signal}: 正在停止 (finishing requests in flight)…`)
  clearInterval(jobs)
  setTimeout(() => {
    console.error('shutdown: requests still open after 20 s, exiting')
    process.exit(1)
  }, 20_000).unref()
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  // Keep-alive connections with no request in flight would hold close() open until they time out.
  if ('closeIdleConnections' in server) server.closeIdleConnections()
  await closed
  await running
  await database.close()
  process.exit(0)
}
process.on('SIGINT', () => void shutdown('SIGINT'))
process.on('SIGTERM', () => void shutdown('SIGTERM'))
