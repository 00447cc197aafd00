import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.js'
import { communities } from './communities.js'
import { users } from './users.js'

/**
 * What staff did, append-only: who, in which role, what, to which record, when (claim reviews,
 * concern transitions, topic decisions, session and vote steps). Admins of the community read it.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    /** The actor's staff role in the community at the time (admin, worker, partner) or resident. */
    actorRole: text('actor_role').notNull(),
    /** `concern.accept`, `claim.approve`, `topic.decide`, `vote.open` … */
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id'),
    /** The request's fields that say what was decided (a status, a reason, an assignee). */
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_community_idx').on(t.communityId, t.createdAt, t.id)],
)

export type AuditRow = typeof auditLog.$inferSelect
