import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from './port.js'

/**
 * Runs the product the way `npm start` does (scripts/start.ts: migrate, seed, build H5 when stale,
 * serve API + H5 on one port), on a free port and a throwaway embedded database.
 */
export async function startProduct(): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-'))
  const port = await freePort()
  let log = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PGLITE_DATA_DIR: join(dataDir, 'db'), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${log.slice(-4000)}`)
    try {
      if ((await fetch(`${url}/api/health`)).ok) break
    } catch {
      /* not yet */
    }
    if (Date.now() - started > 480_000) throw new Error(`npm start did not answer:\n${log.slice(-4000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  return {
    url,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
