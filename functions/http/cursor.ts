import { AppError } from './errors.js'

/**
 * Keyset cursors over (created_at, id): opaque to clients, stable under inserts, and served by
 * an index on the same columns. Timestamps are stored with millisecond precision (decision 006).
 */
export function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url')
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [time, id] = Buffer.from(cursor, 'base64url').toString().split('|')
  const createdAt = new Date(time ?? '')
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('VALIDATION_FAILED', '分页参数「cursor」无效，请从第一页重新加载', {
      fields: [{ path: 'cursor', message: '无效' }],
    })
  }
  return { createdAt, id }
}

/** Takes `limit + 1` rows and turns them into a page with the next cursor. */
export function toPage<R extends { createdAt: Date; id: string }, T>(rows: R[], limit: number, shape: (r: R) => T) {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return {
    items: items.map(shape),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  }
}
