import { type SQL, sql } from 'drizzle-orm'
import { type Counters, defaultKpiSettings, emptyCounters, type KpiSettings } from '../../domain/kpis/formulas.js'
import { BUCKET_COUNT } from '../../domain/kpis/median.js'
import { periodParts } from '../../domain/kpis/months.js'
import type { Period } from '../../domain/kpis/period.js'
import { allOf } from '../../db/together.js'
import { scalarColumns } from './aggregate.js'

/**
 * The pieces of the one statement the dashboard and the ranking each send (decision 027): the
 * street's settings, the unit's or the units' names and the sums of the counters, joined. Plain
 * SQL with the tables named (db/schema/kpis.ts, streets.ts), like the actor's statement
 * (decision 019). A statement's text depends only on its shape (which parts of the period there
 * are, whether a category is asked for); each shape is built and prepared once per database and
 * every request after that only binds its values.
 */

const scalarNames = Object.values(scalarColumns).map((c) => c.name)
const elements = (column: string, n: number) => Array.from({ length: n }, (_, i) => `${column}[${i + 1}]`)
const rateParts = [...scalarNames, ...elements('ratings', 5)]
const medianParts = [...elements('ack_minutes', BUCKET_COUNT), ...elements('resolve_minutes', BUCKET_COUNT)]
const rowColumns = [...scalarNames, 'ratings', 'ack_minutes', 'resolve_minutes'].join(', ')
const vector = (parts: string[]) => sql.raw(`array[${parts.map((p) => `coalesce(sum(${p}), 0)`).join(', ')}]::int[]`)

/**
 * Every counter of the rows summed into one int[], in `countersFrom`'s order. Each histogram
 * bucket is a sum of its own (60 of the 74), and they cost most of the statement's time: the
 * ranking, which shows no medians, leaves them out (`rates` reads no histogram).
 */
const countersVector = { all: vector([...rateParts, ...medianParts]), rates: vector(rateParts) }
export type Vector = keyof typeof countersVector

/** The counters back from that int[] (null: no row, every counter 0; a `rates` vector: empty histograms). */
export function countersFrom(v: readonly number[] | null): Counters {
  const c = emptyCounters()
  if (!v) return c
  const keys = Object.keys(scalarColumns) as (keyof typeof scalarColumns)[]
  keys.forEach((k, i) => {
    c[k] = v[i]
  })
  const at = keys.length
  c.ratings = v.slice(at, at + 5)
  if (v.length === rateParts.length) return c
  c.ackMinutes = v.slice(at + 5, at + 5 + BUCKET_COUNT)
  c.resolveMinutes = v.slice(at + 5 + BUCKET_COUNT, at + 5 + 2 * BUCKET_COUNT)
  return c
}

/** The street's settings as select fields, read from `ks` (street_kpi_settings, left-joined: null without a row). */
export const settingsFields = {
  weight_response: sql<number | null>`ks.weight_response`,
  weight_resolution: sql<number | null>`ks.weight_resolution`,
  weight_satisfaction: sql<number | null>`ks.weight_satisfaction`,
  basic_satisfied_percent: sql<number | null>`ks.basic_satisfied_percent`,
  min_sample: sql<number | null>`ks.min_sample`,
}

export interface SettingsRow {
  weight_response: number | null
  weight_resolution: number | null
  weight_satisfaction: number | null
  basic_satisfied_percent: number | null
  min_sample: number | null
}

/** The settings from those columns, or the defaults when the street has set none. */
export function settingsFrom(r: SettingsRow): KpiSettings {
  if (r.weight_response == null) return defaultKpiSettings
  return {
    weights: { response: Number(r.weight_response), resolution: Number(r.weight_resolution), satisfaction: Number(r.weight_satisfaction) },
    basicSatisfiedPercent: Number(r.basic_satisfied_percent),
    minSample: Number(r.min_sample),
  }
}

/** Which parts a period reads: the statement's text depends on this alone. */
export interface Shape {
  days: number
  months: boolean
  category: boolean
}

/** A value of the statement: a placeholder in a prepared one, the value itself otherwise. */
export type Arg = (name: string) => SQL

export const placeholder: Arg = (name) => sql`${sql.placeholder(name)}`

/** The values a period and a category bind, by placeholder name, with the shape they make. */
export function periodValues(period: Pick<Period, 'from' | 'to'>, category: string | null) {
  const parts = periodParts(period.from, period.to)
  const values: Record<string, unknown> = {}
  parts.days.forEach(([from, to], i) => {
    values[`d${i}from`] = from
    values[`d${i}to`] = to
  })
  if (parts.months) [values.mfrom, values.mto] = parts.months
  if (category) values.category = category
  const shape: Shape = { days: parts.days.length, months: !!parts.months, category: !!category }
  return { shape, values }
}

/** Binds `values` directly (a statement built for one request). */
export const bound =
  (values: Record<string, unknown>): Arg =>
  (name) =>
    sql`${values[name]}`

/**
 * The aggregate rows matching `filter` in the period, as `key` and the counters: the whole months
 * from kpi_monthly, the other days from kpi_daily (domain/kpis/months.ts). `filter` and `key` are
 * written on kpi_daily's columns; the monthly table is read under that name. When they name only
 * the street and the community (`byCommunity`) and no category is asked for, the whole months come
 * from kpi_community_monthly: one row per community and month (decision 036).
 */
export function periodRows(shape: Shape, arg: Arg, filter: SQL, key: SQL = sql`null`, byCommunity = false): SQL {
  const category = shape.category ? sql` and category = ${arg('category')}` : sql``
  const branch = (table: string, range: SQL) =>
    sql`select ${key} as key, ${sql.raw(rowColumns)} from ${sql.raw(table)} where ${filter} and (${range})${category}`
  const branches: SQL[] = []
  if (shape.days) {
    const ranges = Array.from({ length: shape.days }, (_, i) => sql`day between ${arg(`d${i}from`)} and ${arg(`d${i}to`)}`)
    branches.push(branch('kpi_daily', sql.join(ranges, sql` or `)))
  }
  const months = byCommunity && !shape.category ? 'kpi_community_monthly' : 'kpi_monthly'
  if (shape.months) branches.push(branch(`${months} as kpi_daily`, sql`day between ${arg('mfrom')} and ${arg('mto')}`))
  return sql.join(branches, sql` union all `)
}

/** One row of sums over `rows` (every counter 0 when none match). */
export const summed = (rows: SQL, counters: Vector = 'all') => sql`select ${countersVector[counters]} as counters from (${rows}) r`

/** The sums per key of `rows`, the histograms left out unless asked for. */
export const summedPerKey = (rows: SQL, counters: Vector = 'rates') =>
  sql`select key, ${countersVector[counters]} as counters from (${rows}) r group by key`

/** The sums of `rows` as a value of a read's one statement (decision 039): the int[] `countersFrom` reads. */
export const totalPart = (rows: SQL, counters: Vector = 'rates') => sql<number[]>`(${summed(rows, counters)})`

/** The sums per key of `rows` as a part of a read's one statement: `{ key, counters, name }` each, `name` read beside the key `k.key`. */
export const perKeyPart = (rows: SQL, name: SQL = sql`null`) =>
  allOf(sql`select json_build_object('key', k.key, 'counters', k.counters, 'name', ${name}) from (${summedPerKey(rows)}) k`)

export interface PerKey {
  key: string | null
  counters: number[]
  name: string | null
}

export const shapeName = (s: Shape) => `${s.days}${s.months ? 'm' : ''}${s.category ? 'c' : ''}`
