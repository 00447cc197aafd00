import { Column, is, Param, Placeholder, SQL, Subquery } from 'drizzle-orm'
import type { Db } from './client.js'

type Prepared<T> = { execute(values: Record<string, unknown>): Promise<T[]> }
type Buildable<T> = { prepare(name: string): Prepared<T>; getSQL(): SQL; toSQL(): { params: unknown[] } }

const prepared = new WeakMap<Db, Map<string, Prepared<unknown>>>()

/**
 * The statement named `name` (one per shape), built by `build` and prepared the first time this
 * database is asked for it, then run with `values`. PostgreSQL keeps a prepared statement's plan
 * per connection (a generic one after a few runs), and drizzle builds its text once per process.
 */
export function runPrepared<T>(db: Db, name: string, build: () => Buildable<T>, values: Record<string, unknown>) {
  const byName = prepared.get(db) ?? new Map<string, Prepared<unknown>>()
  prepared.set(db, byName)
  let query = byName.get(name) as Prepared<T> | undefined
  if (!query) {
    query = withFlatRows(withFixedValuesWritten(build()).prepare(name))
    byName.set(name, query)
  }
  return query.execute(values)
}

const isPlaceholder = (p: unknown) => is(p, Placeholder) || (is(p, Param) && is(p.value, Placeholder))
const writable = (p: unknown) =>
  p === null || typeof p === 'string' || typeof p === 'boolean' || (typeof p === 'number' && Number.isFinite(p))

/**
 * A named statement's fixed values (`'public'`, `'merged'`, a list of statuses, a page size) are
 * written into its text; only its placeholders stay parameters (decision 044). They are the same
 * for every run anyway — the statement is built once per name — and PostgreSQL, which switches a
 * prepared statement to a generic plan after five runs, can then plan with them: with
 * `visibility = $3` the board's generic plan read and sorted every concern of the community
 * instead of walking its index for 21 rows. Written by drizzle's own quoting; a statement holding
 * any other kind of fixed value (a Date, an array) keeps them as parameters.
 */
function withFixedValuesWritten<T>(builder: Buildable<T>): Buildable<T> {
  if (!builder.toSQL().params.every((p) => isPlaceholder(p) || writable(p))) return builder
  const own = builder.getSQL.bind(builder)
  builder.getSQL = () => own().inlineParams()
  return builder
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
