import { sql } from 'drizzle-orm'
import { check, date, type ExtraConfigColumn, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { BUCKET_COUNT } from '../../domain/kpis/median.js'
import { communities, streets } from './communities.js'
import { concernCategoryEnum } from './concerns.js'
import { grids } from './grids.js'
import { users } from './users.js'

/** Where a row counts: its street (denormalised from the community: the street's figures read by street and day), community and day. */
const placeColumns = () => ({
  streetId: uuid('street_id')
    .notNull()
    .references(() => streets.id),
  communityId: uuid('community_id')
    .notNull()
    .references(() => communities.id),
  day: date('day', { mode: 'string' }).notNull(),
})

/** The counters every table keeps, by the names `Counters` (domain/kpis/formulas.ts) gives them. */
const countColumns = () => ({
  received: integer('received').notNull().default(0),
  acknowledged: integer('acknowledged').notNull().default(0),
  ackOnTime: integer('ack_on_time').notNull().default(0),
  due: integer('due').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  resolvedNotReopened: integer('resolved_not_reopened').notNull().default(0),
  onTime: integer('on_time').notNull().default(0),
  reopened: integer('reopened').notNull().default(0),
  rated: integer('rated').notNull().default(0),
  /** Index 0 is 1★ … index 4 is 5★. */
  ratings: integer('ratings').array().notNull(),
  /** Histograms over domain/kpis/median.ts buckets. */
  ackMinutes: integer('ack_minutes').array().notNull(),
  resolveMinutes: integer('resolve_minutes').array().notNull(),
})

/** The daily and monthly tables' columns: place, the finer key (grid, worker, partner, category), the counters. */
const counterColumns = () => ({
  ...placeColumns(),
  gridId: uuid('grid_id').references(() => grids.id),
  workerId: uuid('worker_id').references(() => users.id),
  partner: text('partner'),
  category: concernCategoryEnum('category').notNull(),
  ...countColumns(),
})

type CounterTable = ReturnType<typeof counterColumns>
type CountTable = ReturnType<typeof countColumns>
type Built<T> = { [K in keyof T]: T[K] extends { _: { name: string } } ? ExtraConfigColumn : never }

/** The key, the indexes every scope reads by, and the checks that keep each row sane — named after the table. */
function counterConstraints(name: string) {
  return (t: Built<CounterTable>) => [
    unique(`${name}_key_uq`).on(t.communityId, t.gridId, t.workerId, t.partner, t.category, t.day).nullsNotDistinct(),
    index(`${name}_street_day_idx`).on(t.streetId, t.day),
    index(`${name}_community_day_idx`).on(t.communityId, t.day),
    index(`${name}_grid_day_idx`).on(t.gridId, t.day).where(sql`${t.gridId} is not null`),
    index(`${name}_worker_day_idx`).on(t.workerId, t.day).where(sql`${t.workerId} is not null`),
    index(`${name}_partner_day_idx`).on(t.partner, t.day).where(sql`${t.partner} is not null`),
    ...countChecks(name, t),
  ]
}

/** The checks that keep each row's counts sane, named after the table. */
function countChecks(name: string, t: Built<CountTable>) {
  return [
    check(
      `${name}_counts_nonnegative`,
      sql`${t.received} >= 0 and ${t.acknowledged} >= 0 and ${t.ackOnTime} >= 0 and ${t.due} >= 0 and ${t.resolved} >= 0
        and ${t.resolvedNotReopened} >= 0 and ${t.onTime} >= 0 and ${t.reopened} >= 0 and ${t.rated} >= 0`,
    ),
    check(
      `${name}_counts_nested`,
      sql`${t.acknowledged} <= ${t.received} and ${t.ackOnTime} <= ${t.acknowledged} and ${t.resolved} <= ${t.due}
        and ${t.resolvedNotReopened} <= ${t.resolved} and ${t.onTime} <= ${t.resolved} and ${t.reopened} <= ${t.resolved}`,
    ),
    check(
      `${name}_arrays`,
      sql`cardinality(${t.ratings}) = 5 and cardinality(${t.ackMinutes}) = ${sql.raw(String(BUCKET_COUNT))}
        and cardinality(${t.resolveMinutes}) = ${sql.raw(String(BUCKET_COUNT))}
        and 0 <= all(${t.ratings}) and 0 <= all(${t.ackMinutes}) and 0 <= all(${t.resolveMinutes})`,
    ),
  ]
}

/**
 * The 三率's counters per (community, grid, worker, partner, category, China day): what every
 * concern contributes (domain/kpis/contributions.ts), kept up to date in the same transaction as
 * each change of a concern, so figures are sums over a few rows and never a scan of concerns.
 * Null grid, worker or partner means "none" and is one key (NULLS NOT DISTINCT).
 */
export const kpiDaily = pgTable('kpi_daily', counterColumns(), counterConstraints('kpi_daily'))

/**
 * The same counters summed per calendar month (`day` is the month's first day), kept in the same
 * transaction as the daily rows: a period of whole months reads one row per key and month instead
 * of up to 31, so the street's figures and ranking cost the same at 10k and at 1M concerns
 * (bench/kpis.ts). The daily rows stay the truth; a period's partial months are read from them.
 */
export const kpiMonthly = pgTable('kpi_monthly', counterColumns(), counterConstraints('kpi_monthly'))

/**
 * The same counters per community and calendar month, every category, grid, worker and partner
 * together (docs/decisions/036): the street's dashboard and ranking of communities over whole months
 * read one row per community and month instead of one per key. Kept in the same transaction as
 * the other two tables, updated last (its row is the community's busiest one).
 */
export const kpiCommunityMonthly = pgTable('kpi_community_monthly', { ...placeColumns(), ...countColumns() }, (t) => [
  unique('kpi_community_monthly_key_uq').on(t.communityId, t.day),
  index('kpi_community_monthly_street_day_idx').on(t.streetId, t.day),
  ...countChecks('kpi_community_monthly', t),
])
