import pg from 'pg'
import { openDb, type DbHandle } from '../../db/client.js'
import { seedDemo } from '../../db/seed.js'

/**
 * A fresh, migrated and seeded database for one test file. PGlite in memory by default; when the
 * vitest project sets TEST_DB=pg, a new database on the PostgreSQL server at TEST_DATABASE_URL,
 * dropped again on close.
 */
export async function openTestDb(options: { onQuery?: (query: string) => void } = {}): Promise<DbHandle> {
  if (process.env.TEST_DB !== 'pg') {
    const handle = await openDb(undefined, { dataDir: 'memory://', onQuery: options.onQuery })
    await handle.migrate()
    await seedDemo(handle.db)
    return handle
  }
  const { url, drop } = await createScratchDatabase()
  const handle = await openDb(url, { max: 20, onQuery: options.onQuery })
  await handle.migrate()
  await seedDemo(handle.db)
  return {
    ...handle,
    close: async () => {
      await handle.close()
      await drop()
    },
  }
}

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the PostgreSQL suites need a server (see README)')
  return url
}

/** CREATE DATABASE linli_t_<random> on the test server; returns its URL and a function to drop it. */
export async function createScratchDatabase(): Promise<{ url: string; name: string; drop: () => Promise<void> }> {
  const base = serverUrl()
  const name = `linli_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const a = new pg.Client({ connectionString: base })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}
