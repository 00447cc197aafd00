import type { Db } from './client.js'

type Prepared<T> = { execute(values: Record<string, unknown>): Promise<T[]> }

const prepared = new WeakMap<Db, Map<string, Prepared<unknown>>>()

/**
 * The statement named `name` (one per shape), built by `build` and prepared the first time this
 * database is asked for it, then run with `values`. PostgreSQL keeps a prepared statement's plan
 * per connection (a generic one after a few runs), and drizzle builds its text once per process.
 */
export function runPrepared<T>(db: Db, name: string, build: () => { prepare(name: string): Prepared<T> }, values: Record<string, unknown>) {
  const byName = prepared.get(db) ?? new Map<string, Prepared<unknown>>()
  prepared.set(db, byName)
  let query = byName.get(name) as Prepared<T> | undefined
  if (!query) {
    query = build().prepare(name)
    byName.set(name, query)
  }
  return query.execute(values)
}
