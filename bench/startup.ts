import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildFunction } from '../scripts/build-function.js'
import { freePort } from '../test/helpers/port.js'

/**
 * Start-up costs, measured in one run so the ratios mean something:
 * - the deployed function's cold start: importing the bundled app in a fresh Node process
 *   (production-like: the Neon driver is the one loaded), beside `node -e ''` and beside tsc's
 *   unbundled output;
 * - the compiled size of the function's own code;
 * - `npm start`'s time to first response on a new and on an existing embedded database.
 */
const runs = Number(process.env.BENCH_RUNS ?? 7)

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

function timeNode(args: string[], env: Record<string, string>): number {
  const t = performance.now()
  const r = spawnSync(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' })
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`)
  return performance.now() - t
}

function dirSize(path: string): number {
  const s = statSync(path)
  return s.isDirectory() ? readdirSync(path).reduce((n, e) => n + dirSize(join(path, e)), 0) : s.size
}

async function firstResponse(dataDir: string): Promise<number> {
  const port = await freePort()
  const started = performance.now()
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), PGLITE_DATA_DIR: dataDir, SKIP_H5_BUILD: '1', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  })
  try {
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`)
        if (res.ok) return performance.now() - started
      } catch {
        /* not listening yet */
      }
      if (performance.now() - started > 120_000) throw new Error('npm start did not answer within 120 s')
      await new Promise((r) => setTimeout(r, 50))
    }
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}

export async function benchStartup() {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.function.json'], { stdio: 'inherit' })
  const bundle = await buildFunction()
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SESSION_SECRET: 'b'.repeat(40),
    WECHAT_APPID: 'wx-bench',
    WECHAT_SECRET: 'bench',
    BLOB_READ_WRITE_TOKEN: 'vercel_blob_rw_bench',
    CRON_SECRET: 'bench-cron-secret-000',
    DATABASE_URL: 'postgres://bench:bench@ep-bench-000000.eu-central-1.aws.neon.tech/linli',
  }
  const empty: number[] = []
  const fn: number[] = []
  const bundled: number[] = []
  for (let i = 0; i < runs; i++) {
    empty.push(timeNode(['-e', ''], env))
    fn.push(timeNode(['--input-type=module', '-e', "await import('./dist/fn/functions/main.js')"], env))
    bundled.push(timeNode(['--input-type=module', '-e', `await import('./${bundle.outfile}')`], env))
  }
  const dir = mkdtempSync(join(tmpdir(), 'linli-bench-'))
  try {
    const cold = await firstResponse(join(dir, 'db'))
    const warm = await firstResponse(join(dir, 'db'))
    return {
      functionColdStart: {
        runs,
        nodeEmptyMedianMs: Math.round(median(empty)),
        // What is deployed: the esbuild bundle (scripts/build-function.ts).
        importBundleMedianMs: Math.round(median(bundled)),
        ratio: Number((median(bundled) / median(empty)).toFixed(2)),
        // The same app as tsc's per-file output resolving node_modules, for comparison.
        importUnbundledMedianMs: Math.round(median(fn)),
        unbundledRatio: Number((median(fn) / median(empty)).toFixed(2)),
      },
      functionBundleBytes: bundle.bytes,
      // The entry and the chunks it imports: read before the database driver's chunk (decision 047).
      functionEntryBytes: bundle.entryBytes,
      functionOwnCodeBytes: dirSize('dist/fn'),
      npmStartFirstResponseMs: { newDatabase: Math.round(cold), existingDatabase: Math.round(warm) },
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
