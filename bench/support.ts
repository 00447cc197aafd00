import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import pg from 'pg'
import pino from 'pino'
import type { DbHandle } from '../db/client.js'
import { createApp } from '../functions/app.js'
import { loadConfig } from '../functions/config.js'
import { buildDeps } from '../functions/deps.js'

/** The PostgreSQL server the benchmarks run on. */
const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/** A fresh database on that server for one benchmark, and how to drop it afterwards. */
export async function scratch(label: string) {
  const name = `linli_bench_${label}_${process.pid}`
  await adminQuery(`drop database if exists ${name} with (force)`)
  await adminQuery(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) }
}

/** The real HTTP app on a loopback port over `database` (`env` on top of the bench's config), with a dev-login helper. */
export async function startApi(database: DbHandle, env: Record<string, string> = {}) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SESSION_SECRET: 'bench-secret-0123456789-0123456789-x', ...env })
  const app = createApp(buildDeps(config, database, pino({ level: 'silent' })))
  // A queue of pending connections as `npm start` keeps it (scripts/start.ts): 1000 ballots connect at once.
  const server = createAdaptorServer({ fetch: app.fetch })
  await new Promise<void>((r) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const login = async (userId: string) => {
    const res = await app.request('/api/auth/dev', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    })
    return ((await res.json()) as { token: string }).token
  }
  return {
    base,
    login,
    request: (path: string, init?: RequestInit) => app.request(path, init),
    /** Closes the kept-alive connections no request is on, so the next requests connect anew. */
    closeIdleConnections: () => (server as Server).closeIdleConnections(),
    close: () => new Promise<void>((r) => server.close(() => r())),
  }
}
