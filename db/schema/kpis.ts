import { sql } from 'drizzle-orm'
import { check, date, index, integer, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core'
import { BUCKET_COUNT } from '../../domain/kpis/median.js'
import { communities, streets } from './communities.js'
import { concernCategoryEnum } from './concerns.js'
import { grids } from './grids.js'
import { users } from './users.js'

/**
 * The 三率's counters per (community, grid, worker, partner, category, China day): what every
 * concern contributes (domain/kpis/contributions.ts), kept up to date in the same transaction as
 * each change of a concern, so figures are sums over a few rows and never a scan of concerns.
 * Null grid, worker or partner means "none" and is one key (NULLS NOT DISTINCT).
 */
export const kpiDaily = pgTable(
  'kpi_daily',
  {
    /** Denormalised from the community: the street's figures and ranking read by street and day. */
    streetId: uuid('street_id')
      .notNull()
      .references(() => streets.id),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    gridId: uuid('grid_id').references(() => grids.id),
    workerId: uuid('worker_id').references(() => users.id),
    partner: text('partner'),
    category: concernCategoryEnum('category').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
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
  },
  (t) => [
    unique('kpi_daily_key_uq').on(t.communityId, t.gridId, t.workerId, t.partner, t.category, t.day).nullsNotDistinct(),
    index('kpi_daily_street_day_idx').on(t.streetId, t.day),
    index('kpi_daily_community_day_idx').on(t.communityId, t.day),
    index('kpi_daily_grid_day_idx').on(t.gridId, t.day).where(sql`${t.gridId} is not null`),
    index('kpi_daily_worker_day_idx').on(t.workerId, t.day).where(sql`${t.workerId} is not null`),
    index('kpi_daily_partner_day_idx').on(t.partner, t.day).where(sql`${t.partner} is not null`),
    check(
      'kpi_daily_counts_nonnegative',
      sql`${t.received} >= 0 and ${t.acknowledged} >= 0 and ${t.ackOnTime} >= 0 and ${t.due} >= 0 and ${t.resolved} >= 0
        and ${t.resolvedNotReopened} >= 0 and ${t.onTime} >= 0 and ${t.reopened} >= 0 and ${t.rated} >= 0`,
    ),
    check(
      'kpi_daily_counts_nested',
      sql`${t.acknowledged} <= ${t.received} and ${t.ackOnTime} <= ${t.acknowledged} and ${t.resolved} <= ${t.due}
        and ${t.resolvedNotReopened} <= ${t.resolved} and ${t.onTime} <= ${t.resolved} and ${t.reopened} <= ${t.resolved}`,
    ),
    check(
      'kpi_daily_arrays',
      sql`cardinality(${t.ratings}) = 5 and cardinality(${t.ackMinutes}) = ${sql.raw(String(BUCKET_COUNT))}
        and cardinality(${t.resolveMinutes}) = ${sql.raw(String(BUCKET_COUNT))}
        and 0 <= all(${t.ratings}) and 0 <= all(${t.ackMinutes}) and 0 <= all(${t.resolveMinutes})`,
    ),
  ],
)
