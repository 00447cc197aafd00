import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildFunction } from '../../scripts/build-function.js'

const run = promisify(execFile)
let built: Awaited<ReturnType<typeof buildFunction>>

// The entry point imports the bundle `npm run vercel-build` writes; build it as the deploy does.
beforeAll(async () => {
  built = await buildFunction()
}, 60_000)

/** Imports the deployed entry point (api/index.ts) in a fresh Node process, as Vercel would. */
async function importFunction(env: Record<string, string>) {
  const script = "const m = await import('./api/index.ts'); const r = await m.default.request('/api/health'); console.log(r.status)"
  return run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 60_000,
  })
}

// A fresh Node process compiling the function with tsx takes seconds on a busy machine; the test's
// own 5 s default is not what is being checked here.
describe('the deployed function', { timeout: 60_000 }, () => {
  it('is bundled under 1.4 MB in all (zod’s core, the Neon driver and the app; sharp and Blob load on first upload)', () => {
    expect(built.bytes).toBeGreaterThan(100_000)
    // `import { z } from 'zod'` would bring every one of zod’s 64 locales back (about 360 KB; decision 045).
    expect(built.bytes).toBeLessThan(1.4 * 1024 * 1024)
  })

  it('leaves the database drivers, the calendar and the zip writer to chunks read on first use (decision 047)', () => {
    const read = built.packagesAtStart
    expect(read).toContain('own code')
    expect(read).toContain('zod')
    expect(read).toContain('hono')
    for (const later of ['ical-generator', 'fflate', 'pg', '@neondatabase/serverless', 'ws']) expect(read).not.toContain(later)
    expect(built.entryBytes).toBeLessThan(built.bytes - 200_000)
  })

  it('refuses to start in production without SESSION_SECRET, saying why', async () => {
    const err = await importFunction({ NODE_ENV: 'production' }).catch((e: { stderr: string; code: number }) => e)
    expect((err as { code: number }).code).not.toBe(0)
    expect((err as { stderr: string }).stderr).toMatch(/SESSION_SECRET: required in production/)
  })

  it('refuses to start in production with the dev login on', async () => {
    const err = await importFunction({
      NODE_ENV: 'production',
      DEV_LOGIN: 'on',
      SESSION_SECRET: 's'.repeat(40),
      WECHAT_APPID: 'wx1',
      WECHAT_SECRET: 'x',
      DATABASE_URL: 'postgres://u@127.0.0.1:9/none',
    }).catch((e: { stderr: string }) => e)
    expect((err as { stderr: string }).stderr).toMatch(/DEV_LOGIN: dev login must be off in production/)
  })

  it('serves requests when configured (database unreachable → health says 503, not a crash)', async () => {
    const { stdout } = await importFunction({
      NODE_ENV: 'production',
      SESSION_SECRET: 's'.repeat(40),
      WECHAT_APPID: 'wx1',
      WECHAT_SECRET: 'x',
      BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_test',
      CRON_SECRET: 'c'.repeat(20),
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'postgres://u@127.0.0.1:9/none',
    })
    expect(stdout.trim()).toBe('503')
  })
})
