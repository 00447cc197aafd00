import { timestamp, uuid } from 'drizzle-orm/pg-core'

/** Columns every table writes the same way. */
export const id = () => uuid('id').primaryKey().defaultRandom()
/** Millisecond precision everywhere: what JavaScript dates hold, so keyset cursors round-trip exactly. */
export const createdAt = () => timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow()
export const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 })
