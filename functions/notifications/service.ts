import { and, count, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { notifications, outbox } from '../../db/schema.js'
import { decodeCursor, toPage } from '../http/cursor.js'

/** A transaction or the database itself: notifying is always part of the caller's write. */
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db

export interface Notice {
  userIds: string[]
  concernId?: string
  /** Set from the message for council notices; shown as a link to the session. */
  sessionId?: string
  title: string
  body: string
  /** What the WeChat subscribe message carries (template fields are filled by the dispatcher). */
  message:
    | { template: 'concern_status'; publicNo: string; status: string; statusLabel: string; at: string }
    | { template: 'council_session'; sessionId: string; status: string; statusLabel: string; at: string }
}

/** The in-app message and the outbox row for each recipient, inside the caller's transaction. */
export async function notify(tx: Tx, notice: Notice): Promise<void> {
  const recipients = [...new Set(notice.userIds)]
  if (!recipients.length) return
  const sessionId = notice.sessionId ?? (notice.message.template === 'council_session' ? notice.message.sessionId : null)
  await tx.insert(notifications).values(
    recipients.map((userId) => ({ userId, concernId: notice.concernId ?? null, sessionId, title: notice.title, body: notice.body })),
  )
  await tx.insert(outbox).values(
    recipients.map((userId) => ({
      kind: 'wechat.subscribe',
      userId,
      payload: { ...notice.message, concernId: notice.concernId ?? null, title: notice.title },
    })),
  )
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return row?.n ?? 0
}

export async function listNotifications(db: Db, userId: string, query: { cursor?: string; limit: number }) {
  const conditions = [eq(notifications.userId, userId)]
  if (query.cursor) {
    const c = decodeCursor(query.cursor)
    conditions.push(
      or(lt(notifications.createdAt, c.createdAt), and(eq(notifications.createdAt, c.createdAt), lt(notifications.id, c.id)))!,
    )
  }
  const [rows, unread] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(and(...conditions))
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit + 1),
    unreadCount(db, userId),
  ])
  const page = toPage(rows, query.limit, (n) => ({
    id: n.id,
    title: n.title,
    body: n.body,
    concernId: n.concernId,
    sessionId: n.sessionId,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  }))
  return { ...page, unread }
}

export async function markRead(db: Db, userId: string, ids: string[] | undefined, now: Date) {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt))
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
  return { unread: await unreadCount(db, userId) }
}
