import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { like } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../db/client.js'
import { concerns } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { concernBody } from '../helpers/concerns.js'
import { createScratchDatabase } from '../helpers/db.js'
import { freePort } from '../helpers/port.js'

/**
 * The server process (`npm start`, scripts/start.ts) stopped with SIGTERM while requests are in
 * flight: every concern it answered 201 for is in the database afterwards, and every request
 * either got its answer or was never read (connection refused or reset) — none is cut half-way,
 * and none is written without its answer.
 */
const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const c of cleanups.reverse()) await c()
})

async function startServer(env: Record<string, string>) {
  const port = await freePort()
  let log = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SKIP_H5_BUILD: '1',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_USER_SCALE: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  cleanups.push(() => {
    if (child.exitCode === null) child.kill('SIGKILL')
  })
  const url = `http://127.0.0.1:${port}`
  for (const started = Date.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`the server exited early:\n${log.slice(-3000)}`)
    if (Date.now() - started > 150_000) throw new Error(`the server did not answer:\n${log.slice(-3000)}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  return { url, child, exited, log: () => log }
}

describe('graceful shutdown', () => {
  it('answers or refuses every request around a SIGTERM, and keeps every concern it acknowledged', { timeout: 240_000 }, async () => {
    let env: Record<string, string>
    let open: () => ReturnType<typeof openDb>
    if (process.env.TEST_DB === 'pg') {
      const scratch = await createScratchDatabase()
      cleanups.push(scratch.drop)
      env = { DATABASE_URL: scratch.url }
      open = () => openDb(scratch.url)
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'linli-shutdown-'))
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
      env = { PGLITE_DATA_DIR: join(dir, 'db') }
      open = () => openDb(undefined, { dataDir: join(dir, 'db') })
    }
    const server = await startServer(env)
    const login = await fetch(`${server.url}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: demo.user.wang }),
    })
    const { token } = (await login.json()) as { token: string }
    const marker = `停机测试${Date.now() % 100000}`
    const send = (i: number) =>
      fetch(`${server.url}/api/concerns`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': `shutdown-${Date.now()}-${i}` },
        body: JSON.stringify(concernBody({ description: `${marker}：第${i}号，楼道的灯坏了` })),
      }).then(
        async (res) => ({ i, status: res.status, id: res.status === 201 ? ((await res.json()) as { id: string }).id : null }),
        (err: Error) => ({ i, status: 0, id: null, error: String(err.cause ?? err) }),
      )

    const first = Array.from({ length: 30 }, (_, i) => send(i))
    // Once the first answer is back the others have reached the server: stop it while it handles them.
    await Promise.race(first)
    server.child.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 30))
    const late = Array.from({ length: 10 }, (_, i) => send(100 + i))
    const replies = await Promise.all([...first, ...late])
    expect(await server.exited).toBe(0)

    const acknowledged = replies.filter((r) => r.status === 201)
    const other = replies.filter((r) => r.status !== 201)
    // Anything but a 201 is a connection the server never read (refused, or reset from the accept
    // queue once it stopped listening): the client knows it has no answer and retries with its key.
    expect(other.filter((r) => r.status !== 0)).toEqual([])
    expect(acknowledged.length).toBeGreaterThan(1)

    const database = await open()
    try {
      const rows = await database.db
        .select({ id: concerns.id, description: concerns.description })
        .from(concerns)
        .where(like(concerns.description, `${marker}%`))
      const stored = new Set(rows.map((r) => r.id))
      for (const r of acknowledged) expect(stored.has(r.id as string), `concern ${r.i} was acknowledged but is missing`).toBe(true)
      // And nothing was written for a request whose client never heard back.
      expect(rows.length).toBe(acknowledged.length)
      console.info(
        `[shutdown] ${acknowledged.length} acknowledged and stored, ${other.length} refused or reset before the server read them, on ${database.kind}`,
      )
    } finally {
      await database.close()
    }
  })
})
