import { and, count, eq, inArray, isNull, type SQL, sql, type WithSubquery } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { notifications, outbox } from '../../db/schema/index.js'

export interface Notice {
  userIds: string[]
  concernId?: string
  /** Set from the message for council notices; shown as a link to the session. */
  sessionId?: string
  /** Set from the message for vote notices; shown as a link to the vote. */
  proposalId?: string
  title: string
  body: string
  /**
   * What the WeChat subscribe message carries (template fields are filled by the dispatcher).
   * Without one the notice is in the app only (a residency decision has no subscribe template).
   */
  message?:
    | { template: 'concern_status'; publicNo: string; status: string; statusLabel: string; at: string }
    | { template: 'council_session'; sessionId: string; status: string; statusLabel: string; at: string }
    | { template: 'vote'; proposalId: string; sessionId?: string | null; statusLabel: string; at: string }
}

/**
 * The in-app message and the outbox row for each recipient, inside the caller's transaction: one
 * statement however many recipients (a whole roll of 100 000 households), the ids travelling as
 * one text parameter so PostgreSQL's 65 535-parameter limit never applies.
 * Notifying is always part of the caller's write: pass its transaction (or the database itself).
 */
export async function notify(tx: Db | Tx, notice: Notice): Promise<void> {
  const recipients = [...new Set(notice.userIds)]
  if (!recipients.length) return
  const m = notice.message
  const sessionId = notice.sessionId ?? (m && m.template !== 'concern_status' ? (m.sessionId ?? null) : null)
  const proposalId = notice.proposalId ?? (m?.template === 'vote' ? m.proposalId : null)
  const concernId = notice.concernId ?? null
  const messages = messagesOf({
    userIds: sql`${recipients.join(',')}`,
    concernId: sql`${concernId}`,
    sessionId: sql`${sessionId}`,
    proposalId: sql`${proposalId}`,
    title: sql`${notice.title}`,
    body: sql`${notice.body}`,
  })
  if (!m) {
    await tx.execute(messages)
    return
  }
  // Both inserts in one statement: a writer holding a lock waits one round trip less.
  const payload = JSON.stringify({ ...m, concernId, title: notice.title })
  await tx.execute(sql`with sent as (${messages} returning user_id) ${outboxOf(sql`sent`, sql`${payload}::jsonb`)}`)
}

/** What a notice's rows are made of, as SQL of the statement that writes them: `userIds` is the recipients' ids as one comma-separated text. */
interface NoticeValues {
  userIds: SQL
  concernId: SQL
  sessionId: SQL
  proposalId: SQL
  title: SQL
  body: SQL
}

const messagesOf = (v: NoticeValues) => sql`insert into ${notifications} (user_id, concern_id, session_id, proposal_id, title, body)
    select u, ${v.concernId}::uuid, ${v.sessionId}::uuid, ${v.proposalId}::uuid, ${v.title}, ${v.body}
    from unnest(string_to_array(${v.userIds}, ',')::uuid[]) u`

const outboxOf = (sent: SQL, payload: SQL) =>
  sql`insert into ${outbox} (kind, user_id, payload) select 'wechat.subscribe', user_id, ${payload} from ${sent}`

/**
 * `notify` for a concern's notice as two `with` parts of the caller's prepared statement, for a
 * notice written by the statement that makes its subject: every value is SQL of that statement —
 * placeholders, or what it computes (the title from the public number it takes). `payload` is the
 * WeChat message's JSON as text without `title` and `publicNo`, which the statement adds.
 */
export function concernNoticeParts(
  db: Db,
  v: Omit<NoticeValues, 'sessionId' | 'proposalId'> & { publicNo: SQL; payload: SQL },
): WithSubquery[] {
  const messages = messagesOf({ ...v, sessionId: sql`null`, proposalId: sql`null` })
  const payload = sql`${v.payload}::jsonb || jsonb_build_object('title', (${v.title})::text, 'publicNo', (${v.publicNo})::text)`
  return [db.$with('notices', {}).as(sql`${messages} returning user_id`), db.$with('notices_sent', {}).as(outboxOf(sql`notices`, payload))]
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
  return row?.n ?? 0
}

export async function markRead(db: Db, userId: string, ids: string[] | undefined, now: Date) {
  const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt))
  await db
    .update(notifications)
    .set({ readAt: now })
    .where(ids ? and(mine, inArray(notifications.id, ids)) : mine)
  return { unread: await unreadCount(db, userId) }
}
