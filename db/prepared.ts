import { Column, is, SQL, Subquery } from 'drizzle-orm'
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
    query = withFlatRows(build().prepare(name))
    byName.set(name, query)
  }
  return query.execute(values)
}

type Decoder = { mapFromDriverValue(value: unknown): unknown }

/** What a drizzle prepared select keeps of its columns (the same on node-postgres, PGlite and Neon). */
type SelectInternals = {
  fields?: Array<{ path: string[]; field: unknown }>
  customResultMapper?: (rows: unknown[][]) => unknown[]
}

/** drizzle's own choice of decoder for a selected field (an SQL's `decoder` is internal to drizzle's types). */
function decoderOf(field: unknown): Decoder {
  const decoding = (sql: unknown) => (sql as { decoder: Decoder }).decoder
  if (is(field, Column)) return field
  if (is(field, SQL)) return decoding(field)
  if (is(field, Subquery)) return decoding(field._.sql)
  return decoding((field as SQL.Aliased).sql)
}

/**
 * A select of flat columns (no nested objects, so no null-joined object to fold) reads its rows
 * with each column's decoder found once, when prepared. drizzle finds it again for every column
 * of every row (two entity checks each, 12 % of a board request's CPU); the values are the same.
 * Anything else keeps drizzle's own mapping.
 */
function withFlatRows<T>(query: Prepared<T>): Prepared<T> {
  const internals = query as unknown as SelectInternals
  const fields = internals.fields
  if (!fields?.length || internals.customResultMapper || fields.some((f) => f.path.length !== 1)) return query
  const keys = fields.map((f) => f.path[0])
  const decoders = fields.map((f) => decoderOf(f.field))
  const n = keys.length
  internals.customResultMapper = (rows) =>
    rows.map((row) => {
      const out: Record<string, unknown> = {}
      for (let i = 0; i < n; i++) {
        const value = row[i]
        out[keys[i]] = value === null ? null : decoders[i].mapFromDriverValue(value)
      }
      return out
    })
  return query
}
