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
  /**
   * Calls the API; JSON bodies get their content-type. Every reply is checked against the OpenAPI
   * document (status declared, body matching the operation's schema): a mismatch fails the test.
   */
  call(method: string, path: string, opts?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>
  /** Signs a seeded demo person in through the dev login and returns their bearer token. */
  tokenFor(who: DemoKey): Promise<string>
  close(): Promise<void>
}

export async function startTestApp(
  options: { env?: Record<string, string>; wechatBase?: string; now?: () => Date } = {},
): Promise<TestApp> {
  const database = await openTestDb()
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
  const app = createApp(buildDeps(config, database, pino({ level: 'silent' }), options.now))
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
  const tokens = new Map<string, string>()
  return {
    app,
    database,
    call,
    async tokenFor(who) {
      const cached = tokens.get(who)
      if (cached) return cached
      const res = await call('POST', '/api/auth/dev', { body: { userId: demo.user[who] } })
      if (res.status !== 200) throw new Error(`dev login for ${who} failed: ${res.status} ${await res.text()}`)
      const { token } = (await res.json()) as { token: string }
      tokens.set(who, token)
      return token
    },
    close: () => database.close(),
  }
}
