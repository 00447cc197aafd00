import { sql } from 'drizzle-orm'
import { type AnyPgColumn, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts } from './columns.js'
import { concerns } from './concerns.js'
import { councilSessions } from './councils.js'
import { users } from './users.js'
import { proposals } from './votes.js'

/** In-app messages and the outbox of WeChat subscribe messages. */

/** What a person sees under 我的 → 消息. Written in the same transaction as the event. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    concernId: uuid('concern_id').references(() => concerns.id, { onDelete: 'cascade' }),
    /** The council session the message is about (registration, agenda, minutes, cancellation). */
    sessionId: uuid('session_id').references((): AnyPgColumn => councilSessions.id, { onDelete: 'cascade' }),
    /** The vote (proposal) the message is about: opened, closing tomorrow, result. */
    proposalId: uuid('proposal_id').references((): AnyPgColumn => proposals.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    body: text('body').notNull(),
    readAt: ts('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
  ],
)

/**
 * Transactional outbox: a row per message to send (a WeChat subscribe message), written with the
 * change that causes it; a dispatcher sends, retries with backoff and marks it sent.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: id(),
    kind: text('kind').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    /** Set when WeChat says the message can never be delivered (no subscription, no openid). */
    abandonedAt: ts('abandoned_at'),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null and ${t.abandonedAt} is null`)],
)
