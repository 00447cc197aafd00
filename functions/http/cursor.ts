import { and, eq, gt, lt, or, type SQL, sql } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { AppError } from './errors.js'

/**
 * Keyset cursors, one format for every list: the last row's sort time (empty when a list is
 * ordered by id alone) and id, `time|id` in base64url. Opaque to clients, stable under inserts,
 * and served by an index on the same columns. Timestamps are stored with millisecond precision
 * (decision 006).
 */
export interface CursorPosition {
  at: Date | null
  id: string
}

export function encodeCursor(p: CursorPosition): string {
  return Buffer.from(`${p.at?.toISOString() ?? ''}|${p.id}`).toString('base64url')
}

function invalidCursor(): AppError {
  return new AppError('VALIDATION_FAILED', '分页参数「cursor」无效，请从第一页重新加载', {
    fields: [{ path: 'cursor', message: '无效' }],
  })
}

export function decodeCursor(cursor: string): CursorPosition {
  const parts = Buffer.from(cursor, 'base64url').toString().split('|')
  const [time, id] = parts
  const at = time ? new Date(time) : null
  if (parts.length !== 2 || !id || (at && Number.isNaN(at.getTime())) || !/^[0-9a-f-]{36}$/.test(id)) throw invalidCursor()
  return { at, id }
}

/** The position of a cursor in a list ordered by (time, id); one of another shape is refused. */
export function decodeTimedCursor(cursor: string): { at: Date; id: string } {
  const { at, id } = decodeCursor(cursor)
  if (!at) throw invalidCursor()
  return { at, id }
}

/**
 * The rows after a cursor in a list ordered by (`at`, `id`) — or by `id` alone — ascending or
 * descending; undefined without a cursor. A cursor of the other shape is refused.
 */
export function afterCursor(cursor: string | undefined, by: { at?: PgColumn; id: PgColumn }, order: 'asc' | 'desc'): SQL | undefined {
  if (!cursor) return undefined
  const c = decodeCursor(cursor)
  const cmp = order === 'asc' ? gt : lt
  if (!by.at) {
    if (c.at) throw invalidCursor()
    return cmp(by.id, c.id)
  }
  if (!c.at) throw invalidCursor()
  return beyond({ at: by.at, id: by.id }, order, c)
}

/**
 * The rows after a position in a list ordered by (`at`, `id`): the position's values may be
 * placeholders of a prepared statement.
 */
export function beyond(by: { at: PgColumn; id: PgColumn }, order: 'asc' | 'desc', position: { at: unknown; id: unknown }): SQL {
  const cmp = order === 'asc' ? gt : lt
  return or(cmp(by.at, position.at), and(eq(by.at, position.at), cmp(by.id, position.id)))!
}

type Keyed = { createdAt: Date; id: string }

/** Takes `limit + 1` rows and turns them into a page with the next cursor (at the last row's `position`, by default its created_at and id). */
export function toPage<R extends Keyed, T>(rows: R[], limit: number, shape: (r: R) => T): { items: T[]; nextCursor: string | null }
export function toPage<R, T>(
  rows: R[],
  limit: number,
  shape: (r: R) => T,
  position: (r: R) => CursorPosition,
): { items: T[]; nextCursor: string | null }
export function toPage<R, T>(
  rows: R[],
  limit: number,
  shape: (r: R) => T,
  position: (r: R) => CursorPosition = (r) => ({ at: (r as Keyed).createdAt, id: (r as Keyed).id }),
) {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return {
    items: items.map(shape),
    nextCursor: rows.length > limit && last ? encodeCursor(position(last)) : null,
  }
}

/**
 * `afterCursor` for a read whose permission checks come after its one statement (decision 039): a
 * bad cursor reads nothing and its 400 waits for `check()`, so a person refused still gets the
 * 403 or 404 they got before the cursor was looked at.
 */
export function afterCursorChecked(
  cursor: string | undefined,
  by: { at?: PgColumn; id: PgColumn },
  order: 'asc' | 'desc',
): { where: SQL | undefined; check(): void } {
  try {
    return { where: afterCursor(cursor, by, order), check: () => {} }
  } catch (err) {
    return {
      where: sql`false`,
      check: () => {
        throw err
      },
    }
  }
}
