import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { ts } from './columns.js'

/**
 * Fixed-window counters for rate limits (decision 017): one row per bucket (`user:<id>:raise`,
 * `addr:<ip>:ballot`) and window, incremented by one upsert per request; the scheduled job drops
 * windows that have ended.
 */
export const rateLimitCounters = pgTable(
  'rate_limit_counters',
  {
    bucket: text('bucket').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
)
