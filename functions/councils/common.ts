import { randomBytes } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { checkInCode } from '../../domain/councils/booking.js'
import { sessionStatusLabels } from '../../domain/councils/labels.js'
import type { SessionStatus } from '../../domain/councils/lifecycle.js'
import type { Actor } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { jsonShape } from '../../db/together.js'
import {
  concerns,
  councilEvents,
  councilRegistrations,
  councilSessions,
  councilTopics,
  trackedItems,
  users,
  type CouncilSessionRow,
  type CouncilTopicRow,
} from '../../db/schema/index.js'
import { partnerOrgs } from '../concerns/index.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { audienceOf } from './access.js'
import { toTopic } from './views.js'

/** What the council use cases share: loading what the actor may see, the event log, notices, topic rows. */

export function newCheckInCode(): string {
  return checkInCode(randomBytes(4))
}

/** The session, or null when there is none with this id (a database failure still throws). */
export async function findSession(db: Db | Tx, id: string): Promise<CouncilSessionRow | null> {
  const [row] = await db.select().from(councilSessions).where(eq(councilSessions.id, id))
  return row ?? null
}

export async function loadSession(db: Db | Tx, id: string): Promise<CouncilSessionRow> {
  const row = await findSession(db, id)
  if (!row) throw new AppError('NOT_FOUND', '议事会不存在')
  return row
}

/** Who the actor is to a session they may see (404 otherwise: an invitation-only session's existence is private). */
export function seenSession(actor: Actor, session: CouncilSessionRow) {
  const audience = audienceOf(actor, session, partnerOrgs(actor, session.communityId))
  if (audience === 'none') throw new AppError('NOT_FOUND', '议事会不存在')
  return { session, audience }
}

/** Loads a session the actor may see (404 otherwise). */
export async function visibleSession(db: Db, actor: Actor, id: string) {
  return seenSession(actor, await loadSession(db, id))
}

/** Loads a session that only its community's workers and admins manage. */
export async function managedSession(db: Db, actor: Actor, id: string) {
  const { session, audience } = await visibleSession(db, actor, id)
  if (audience !== 'staff') throw new AppError('FORBIDDEN', '只有本社区的工作人员可以管理议事会')
  return session
}

export async function logEvent(tx: Tx, e: typeof councilEvents.$inferInsert) {
  await tx.insert(councilEvents).values(e)
}

/** Tells people about a session (in-app message + WeChat subscribe message through the outbox). */
export async function tellSession(
  tx: Tx,
  s: Pick<CouncilSessionRow, 'id' | 'title' | 'status'>,
  userIds: string[],
  title: string,
  body: string,
  now: Date,
) {
  await notify(tx, {
    userIds,
    title,
    body,
    message: {
      template: 'council_session',
      sessionId: s.id,
      status: s.status,
      statusLabel: sessionStatusLabels[s.status],
      at: now.toISOString(),
    },
  })
}

/** Everyone holding a seat or waiting for one. */
export async function registrantIds(tx: Db | Tx, sessionId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: councilRegistrations.userId })
    .from(councilRegistrations)
    .where(
      and(eq(councilRegistrations.sessionId, sessionId), inArray(councilRegistrations.status, ['registered', 'waitlisted', 'checked_in'])),
    )
  return rows.map((r) => r.userId)
}

const deferredSession = alias(councilSessions, 'deferred_session')

const topicFields = {
  topic: councilTopics,
  concernNo: concerns.publicNo,
  proposerName: users.nickname,
  deferredTitle: deferredSession.title,
  deferredStartsAt: deferredSession.startsAt,
  // The resolution's tracked item, if any (how far it is: shown beside the resolution).
  trackedId: trackedItems.id,
  trackedStatus: trackedItems.status,
  trackedProgress: trackedItems.progress,
  trackedDeadline: trackedItems.deadline,
}

/** Topics with the concern's public number, the proposer's nickname, where a deferred one went and its tracked item. */
export function topicRows(db: Db | Tx) {
  return db
    .select(topicFields)
    .from(councilTopics)
    .leftJoin(concerns, eq(concerns.id, councilTopics.concernId))
    .leftJoin(trackedItems, eq(trackedItems.topicId, councilTopics.id))
    .innerJoin(users, eq(users.id, councilTopics.proposerId))
    .leftJoin(deferredSession, eq(deferredSession.id, councilTopics.deferredToSessionId))
}

const topicShape = jsonShape(topicFields)

/** `topicRows` (the same joins) as one JSON column: a part of a read in one statement, read back by `topicOf`. */
export function topicJson(db: Db) {
  return db
    .select({ r: topicShape.object })
    .from(councilTopics)
    .leftJoin(concerns, eq(concerns.id, councilTopics.concernId))
    .leftJoin(trackedItems, eq(trackedItems.topicId, councilTopics.id))
    .innerJoin(users, eq(users.id, councilTopics.proposerId))
    .leftJoin(deferredSession, eq(deferredSession.id, councilTopics.deferredToSessionId))
}

export function topicOf(value: unknown): TopicRow {
  return topicShape.decode(value)
}

export type TopicRow = Awaited<ReturnType<ReturnType<typeof topicRows>['execute']>>[number]

export function topicView(r: TopicRow, viewer: { userId: string; staff: boolean }, sessionStatus: SessionStatus) {
  return toTopic(
    r.topic,
    {
      concernNo: r.concernNo,
      proposerName: r.proposerName,
      deferredTo:
        r.topic.deferredToSessionId && r.deferredTitle && r.deferredStartsAt
          ? { sessionId: r.topic.deferredToSessionId, title: r.deferredTitle, startsAt: r.deferredStartsAt }
          : null,
    },
    viewer,
    sessionStatus,
  )
}

export async function topicById(db: Db | Tx, id: string) {
  const [row] = await topicRows(db).where(eq(councilTopics.id, id))
  if (!row) throw new AppError('NOT_FOUND', '议题不存在')
  return row
}

/**
 * A topic the actor may see, or 404 for every verb on it (docs/decisions/016): staff see every topic
 * of their sessions; others who see the session, its accepted topics and their own.
 */
export async function visibleTopic(db: Db, actor: Actor, id: string) {
  const row = await topicById(db, id)
  const { session, audience } = await visibleSession(db, actor, row.topic.sessionId)
  if (audience !== 'staff' && row.topic.proposerId !== actor.userId && row.topic.status !== 'accepted')
    throw new AppError('NOT_FOUND', '议题不存在')
  return { row, topic: row.topic, session, audience }
}

export async function tellProposer(
  tx: Tx,
  topic: Pick<CouncilTopicRow, 'proposerId' | 'title'>,
  session: Pick<CouncilSessionRow, 'id' | 'status'>,
  title: string,
  body: string,
  now: Date,
  actorId: string,
) {
  if (topic.proposerId === actorId) return
  await notify(tx, {
    userIds: [topic.proposerId],
    title,
    body,
    message: {
      template: 'council_session',
      sessionId: session.id,
      status: session.status,
      statusLabel: title.slice(0, 5),
      at: now.toISOString(),
    },
  })
}
