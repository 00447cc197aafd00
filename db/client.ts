import { fileURLToPath } from 'node:url'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import * as schema from './schema/index.js'

/** One drizzle type for all three drivers: services never know which one they run on. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** The handle inside `db.transaction(…)`: services take `Db | Tx` when they work either way. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
export type DriverKind = 'pglite' | 'pg' | 'neon'

export interface DbHandle {
  db: Db
  kind: DriverKind
  migrate(): Promise<void>
  /** Cheap liveness probe for /api/health. */
  ping(): Promise<void>
  close(): Promise<void>
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url))
export const defaultDataDir = '.data/pglite'

/**
 * The driver follows the URL: none → embedded PGlite; a Neon host (or `?driver=neon`) → Neon's
 * serverless Pool over WebSocket; any other postgres:// URL → node-postgres.
 */
export function driverFor(url: string | undefined): DriverKind {
  if (!url) return 'pglite'
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error('DATABASE_URL 不是有效的地址 (DATABASE_URL is not a valid URL)')
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new Error(`DATABASE_URL 必须以 postgres:// 开头，实际为 ${parsed.protocol}`)
  }
  if (parsed.searchParams.get('driver') === 'neon' || /\.neon\.(tech|build)$/.test(parsed.hostname)) return 'neon'
  return 'pg'
}

function stripDriverParam(url: string): string {
  const u = new URL(url)
  u.searchParams.delete('driver')
  return u.toString()
}

export interface OpenOptions {
  /** PGlite only: folder to keep the data in; `memory://` for a throwaway database. */
  dataDir?: string
  /** Pool size for pg and Neon. */
  max?: number
  /** Told of every statement drizzle sends (tests count round trips with it). */
  onQuery?: (query: string) => void
}

function loggerFor(options: OpenOptions) {
  const onQuery = options.onQuery
  return onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined
}

/** Opens the database the URL names. Each driver is imported only when used (small cold start). */
export async function openDb(url: string | undefined, options: OpenOptions = {}): Promise<DbHandle> {
  const kind = driverFor(url)
  if (kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite')
    const { drizzle } = await import('drizzle-orm/pglite')
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    const dataDir = options.dataDir ?? defaultDataDir
    if (dataDir !== 'memory://') {
      const { mkdirSync } = await import('node:fs')
      mkdirSync(dataDir, { recursive: true })
    }
    const client = dataDir === 'memory://' ? new PGlite() : new PGlite(dataDir)
    await client.waitReady
    const db = drizzle(client, { schema, casing: 'snake_case', logger: loggerFor(options) })
    return {
      db: db as unknown as Db,
      kind,
      migrate: () => migrate(db, { migrationsFolder }),
      ping: async () => void (await client.query('select 1')),
      close: () => client.close(),
    }
  }
  if (kind === 'pg') {
    const { default: pg } = await import('pg')
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const { migrate } = await import('drizzle-orm/node-postgres/migrator')
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 })
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', () => {})
    // A connection lost while checked out (pg_terminate_backend, failover) fails its query, which
    // the request answers with 503; its 'error' event must not also crash the process.
    pool.on('connect', (client) => client.on('error', () => {}))
    const db = drizzle(pool, { schema, casing: 'snake_case', logger: loggerFor(options) })
    return {
      db: db as unknown as Db,
      kind,
      migrate: () => migrate(db, { migrationsFolder }),
      ping: async () => void (await pool.query('select 1')),
      close: () => pool.end(),
    }
  }
  const { Pool, neonConfig } = await import('@neondatabase/serverless')
  const { drizzle } = await import('drizzle-orm/neon-serverless')
  const { migrate } = await import('drizzle-orm/neon-serverless/migrator')
  if (typeof globalThis.WebSocket === 'undefined' && !neonConfig.webSocketConstructor) {
    const { default: ws } = await import('ws')
    neonConfig.webSocketConstructor = ws
  }
  const pool = new Pool({ connectionString: stripDriverParam(url!), max: options.max ?? 5 })
  pool.on('error', () => {})
  pool.on('connect', (client: { on(event: 'error', listener: () => void): unknown }) => client.on('error', () => {}))
  const db = drizzle(pool, { schema, casing: 'snake_case', logger: loggerFor(options) })
  return {
    db: db as unknown as Db,
    kind,
    migrate: () => migrate(db, { migrationsFolder }),
    ping: async () => void (await pool.query('select 1')),
    close: () => pool.end(),
  }
}
