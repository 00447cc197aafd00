import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { actorJson, actorOf } from '../auth/index.js'
import { decodeTimedCursor, toPage } from '../http/cursor.js'

interface NoticeJson {
  id: string
  title: string
  body: string
  concernId: string | null
  sessionId: string | null
  proposalId: string | null
  readAt: string | null
  createdAt: string
}

/**
 * The person (`actorJson`: a deleted account gets 401), their unread count and a page of their
 * notices, newest first, in one prepared statement per shape (decision 037). Plain SQL (the table
 * is named in db/schema/notifications.ts).
 */
function noticesStatement(db: Db, cursor: boolean) {
  const userId = sql.placeholder('userId')
  const at = sql.placeholder('at')
  const after = cursor ? sql`and (n.created_at < ${at} or (n.created_at = ${at} and n.id < ${sql.placeholder('id')}))` : sql``
  return db
    .select({
      actor: actorJson(userId),
      unread: sql<number>`(select count(*)::int from notifications n where n.user_id = ${userId} and n.read_at is null)`,
      items: sql<NoticeJson[]>`coalesce((select json_agg(json_build_object('id', n.id, 'title', n.title, 'body', n.body,
        'concernId', n.concern_id, 'sessionId', n.session_id, 'proposalId', n.proposal_id, 'readAt', n.read_at,
        'createdAt', n.created_at) order by n.created_at desc, n.id desc)
        from (select * from notifications n where n.user_id = ${userId} ${after}
          order by n.created_at desc, n.id desc limit ${sql.placeholder('limit')}) n), '[]'::json)`,
    })
    .from(sql`(values (1)) as one`)
}

type NoticesRow = Awaited<ReturnType<ReturnType<typeof noticesStatement>['execute']>>[number]

/** 消息: my notices, newest first, with how many are unread. */
export async function listNotifications(db: Db, userId: string, query: { cursor?: string; limit: number }) {
  const after = query.cursor ? decodeTimedCursor(query.cursor) : null
  const values = { userId, at: after?.at, id: after?.id, limit: query.limit + 1 }
  const [row] = await runPrepared<NoticesRow>(db, after ? 'notices_after' : 'notices', () => noticesStatement(db, !!after), values)
  actorOf(userId, row.actor)
  const rows = row.items.map((n) => ({ ...n, createdAt: new Date(n.createdAt) }))
  const page = toPage(rows, query.limit, (n) => ({
    id: n.id,
    title: n.title,
    body: n.body,
    concernId: n.concernId,
    sessionId: n.sessionId,
    proposalId: n.proposalId,
    readAt: n.readAt ? new Date(n.readAt).toISOString() : null,
    createdAt: n.createdAt.toISOString(),
  }))
  return { ...page, unread: row.unread }
}
