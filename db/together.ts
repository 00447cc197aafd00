import { Column, getTableColumns, is, SQL, sql, type SQLWrapper, Table } from 'drizzle-orm'
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types'
import type { Db, Tx } from './client.js'

/**
 * Several reads in one statement (one database round trip, decision 039): each read is an ordinary
 * drizzle select whose single column is a row as JSON (`shape.object`); `allOf` and `firstOf` turn
 * it into a column of the outer statement, and `shape.decode` gives back exactly what drizzle
 * would have returned for the same fields (dates as `Date`, a column's own mapping applied).
 *
 *   const shape = jsonShape({ id: resources.id, createdAt: resources.createdAt })
 *   const list = db.select({ r: shape.object }).from(resources).where(…).orderBy(…).limit(200)
 *   const row = await together(db, { actor: actorJson(userId), items: allOf(list) })
 *   const items = row.items.map(shape.decode)
 */
type Decoded = { decoder: { mapFromDriverValue(value: unknown): unknown } }
type Field = Column | SQL | SQL.Aliased | Table | { [key: string]: Field }
export type Fields = Record<string, Field>

export interface JsonShape<F extends Fields> {
  /** The row as one JSON object keyed like `fields`. */
  object: SQL<unknown>
  /** The JSON object back into what drizzle returns for `fields`. */
  decode(value: unknown): SelectResultFields<F>
}

function expression(field: Field): SQL {
  if (is(field, Table)) return objectOf(getTableColumns(field) as Fields)
  if (is(field, Column) || is(field, SQL)) return sql`${field}`
  if (is(field, SQL.Aliased)) return sql`${field.sql}`
  return objectOf(field as Fields)
}

function objectOf(fields: Fields): SQL {
  const pairs = Object.entries(fields).map(([key, field]) => sql`${sql.raw(`'${key.replace(/'/g, "''")}'`)}, ${expression(field)}`)
  // json_build_object takes at most 100 arguments: 50 pairs per call, merged as jsonb when more.
  if (pairs.length <= 50) return sql`json_build_object(${sql.join(pairs, sql`, `)})`
  const chunks: SQL[] = []
  for (let i = 0; i < pairs.length; i += 50) chunks.push(sql`jsonb_build_object(${sql.join(pairs.slice(i, i + 50), sql`, `)})`)
  return sql`(${sql.join(chunks, sql` || `)})::json`
}

type Decode = (value: unknown) => unknown

/** How to read one field's JSON value back, worked out once per shape rather than per row. */
function decoderOf(field: Field): Decode {
  if (is(field, Table)) return decoderOfFields(getTableColumns(field) as Fields)
  if (is(field, Column)) return (value) => field.mapFromDriverValue(value)
  // `decoder` is what `.mapWith()` set (drizzle's own result mapping reads it; its typings leave it out).
  // A column given to `.mapWith()` is its own decoder and needs itself as `this`.
  if (is(field, SQL) || is(field, SQL.Aliased)) {
    const { decoder } = (is(field, SQL) ? field : field.sql) as unknown as Decoded
    return (value) => decoder.mapFromDriverValue(value)
  }
  return decoderOfFields(field as Fields)
}

function decoderOfFields(fields: Fields): Decode {
  const parts = Object.entries(fields).map(([key, field]) => [key, decoderOf(field)] as const)
  return (value) => {
    const source = value as Record<string, unknown>
    const out: Record<string, unknown> = {}
    for (const [key, decode] of parts) {
      const v = source[key]
      out[key] = v === null || v === undefined ? null : decode(v)
    }
    return out
  }
}

/** A row shape for `allOf` / `firstOf`: its JSON object and how to read it back. */
export function jsonShape<F extends Fields>(fields: F): JsonShape<F> {
  const decode = decoderOfFields(fields)
  return { object: objectOf(fields), decode: (value) => decode(value) as SelectResultFields<F> }
}

/** Every row of `query` (a select of one JSON column), in its order, as a JSON array ([] for none). */
export function allOf(query: SQLWrapper): SQL<unknown[]> {
  return sql<unknown[]>`(select coalesce(json_agg(part.r), '[]'::json) from (${query}) as part(r))`
}

/** The first row of `query` (a select of one JSON column) as JSON, or null. */
export function firstOf(query: SQLWrapper): SQL<unknown | null> {
  return sql<unknown | null>`(select part.r from (${query}) as part(r) limit 1)`
}

/** One statement whose columns are `parts` (scalar subqueries, `allOf`, `firstOf`, `actorJson` …), as one row. */
export async function together<P extends Record<string, SQL>>(db: Db | Tx, parts: P): Promise<{ [K in keyof P]: P[K]['_']['type'] }> {
  const [row] = await db.select(parts).from(sql`(values (1)) as one`)
  return row as { [K in keyof P]: P[K]['_']['type'] }
}
