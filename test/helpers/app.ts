import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import type { DbHandle } from '../../db/client.js'
import { demo } from '../../db/seed.js'
import { createApp } from '../../functions/app.js'
import { loadConfig } from '../../functions/config.js'
import { buildDeps } from '../../functions/deps.js'
import { contractProblems } from './contract.js'
import { openTestDb } from './db.js'

/** The signing secret of every test app, so tests can forge expired or foreign tokens. */
export const testSecret = 'test-secret-0123456789-0123456789-abcdef'

export type DemoKey = keyof typeof demo.user

export interface TestApp {
  app: ReturnType<typeof createApp>
  database: DbHandle
  /** What the app runs on, for calling a job's function directly. */
  deps: ReturnType<typeof buildDeps>
  /**
   * Calls the API; JSON bodies get their content-type. Every reply is checked against the OpenAPI
   * document (status declared, body matching the operation's schema): a mismatch fails the test.
   */
  call(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>
  /** Signs a seeded demo person in through the dev login and returns their bearer token. */
  tokenFor(who: DemoKey): Promise<string>
  /** The statements sent to the database while `fn` ran (each one a round trip). */
  statementsDuring(fn: () => Promise<unknown>): Promise<string[]>
  close(): Promise<void>
}

export async function startTestApp(
  options: { env?: Record<string, string>; wechatBase?: string; now?: () => Date } = {},
): Promise<TestApp> {
  let recording: string[] | undefined
  const database = await openTestDb({ onQuery: (query) => recording?.push(query) })
  const config = loadConfig({
    NODE_ENV: 'test',
    SESSION_SECRET: testSecret,
    LOG_LEVEL: 'silent',
    WECHAT_API_BASE: options.wechatBase ?? 'http://127.0.0.1:9',
    WECHAT_TIMEOUT_MS: '4000',
    UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'linli-uploads-')),
    // Test files act as a few demo people from one address, far beyond what a resident does in an
    // hour; the limits themselves are tested in test/api/rate-limits.test.ts.
    RATE_LIMIT_USER_SCALE: '100',
    RATE_LIMIT_ADDRESS_SCALE: '100',
    ...options.env,
  })
  const deps = buildDeps(config, database, pino({ level: 'silent' }), options.now)
  const app = createApp(deps)
  const call: TestApp['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers }
    if (opts.token) headers.authorization = `Bearer ${opts.token}`
    let body: string | undefined
    if (opts.body !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body)
    }
    const res = await app.request(path, { method, headers, body })
    const problems = await contractProblems(method, path, res)
    if (problems.length) throw new Error(`${method} ${path} → ${res.status} breaks the OpenAPI document:\n  ${problems.join('\n  ')}`)
    return res
  }
  // Tokens are kept while the app's clock has moved less than a day since they were issued: tests that
  // move the clock weeks ahead would otherwise present an expired token and get 401.
  const tokens = new Map<string, { token: string; issuedAt: number }>()
  const appNow = () => (options.now ? options.now() : new Date()).getTime()
  return {
    app,
    database,
    deps,
    call,
    async tokenFor(who) {
      const cached = tokens.get(who)
      if (cached && Math.abs(appNow() - cached.issuedAt) < 24 * 3600_000) return cached.token
      const res = await call('POST', '/api/auth/dev', { body: { userId: demo.user[who] } })
      if (res.status !== 200) throw new Error(`dev login for ${who} failed: ${res.status} ${await res.text()}`)
      const { token } = (await res.json()) as { token: string }
      tokens.set(who, { token, issuedAt: appNow() })
      return token
    },
    async statementsDuring(fn) {
      recording = []
      try {
        await fn()
        return recording
      } finally {
        recording = undefined
      }
    },
    close: () => database.close(),
  }
}
