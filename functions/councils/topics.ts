import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { canBookTopic } from '../../domain/councils/booking.js'
import type { TopicInput, TopicsQuery } from '../../domain/schemas/councils.js'
import { can, type Actor } from '../../domain/permissions.js'
import { concerns, cosigns, councilSessions, councilTopics } from '../../db/schema/index.js'
import { allOf, firstOf } from '../../db/together.js'
import { isStaffSql, readSignedIn, staffIds } from '../communities/index.js'
import type { Deps } from '../context.js'
import { afterCursorChecked, toPage } from '../http/cursor.js'
import { AppError, pgErrorCode, refusal } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { assertTextPasses } from '../wechat/text-check.js'
import { logEvent, topicJson, topicOf, topicView, visibleSession } from './common.js'
import { readSession, sessionFrom, sessionJson } from './reads.js'

/**
 * The topic as this viewer sees it (staff: everything; others: accepted ones and their own), read
 * with the actor and its session in one statement; 404 for every topic they may not see.
 */
export async function getTopic(deps: Deps, userId: string, id: string) {
  const { db } = deps.database
  const sessionId = db.select({ id: councilTopics.sessionId }).from(councilTopics).where(eq(councilTopics.id, id))
  const read = await readSignedIn(db, userId, {
    topic: firstOf(topicJson(db).where(eq(councilTopics.id, id))),
    session: sessionJson(db, sql`(${sessionId})`),
  })
  if (!read.topic) throw new AppError('NOT_FOUND', '议题不存在')
  const row = topicOf(read.topic)
  const { session, audience } = sessionFrom(read.actor, read.session)
  if (audience !== 'staff' && row.topic.proposerId !== userId && row.topic.status !== 'accepted')
    throw new AppError('NOT_FOUND', '议题不存在')
  return topicView(row, { userId, staff: audience === 'staff' }, session.status)
}

/**
 * A verified resident books a topic before the deadline, optionally linked to one of their own or
 * co-signed open concerns. The session row is locked while the limits are counted, and a partial
 * unique index keeps one concern on at most one live topic.
 */
export async function bookTopic(deps: Deps, actor: Actor, sessionId: string, input: z.output<typeof TopicInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { session } = await visibleSession(db, actor, sessionId)
  if (!can(actor, 'council.bookTopic', session)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能申报议题')
  if (input.concernId) {
    const [c] = await db
      .select({ communityId: concerns.communityId, authorId: concerns.authorId, status: concerns.status, cosigned: cosigns.userId })
      .from(concerns)
      .leftJoin(cosigns, and(eq(cosigns.concernId, concerns.id), eq(cosigns.userId, actor.userId)))
      .where(eq(concerns.id, input.concernId))
    if (!c || c.communityId !== session.communityId || (c.authorId !== actor.userId && !c.cosigned)) {
      throw new AppError('CONCERN_NOT_ELIGIBLE', undefined, {
        fields: [{ path: 'concernId', message: '只能关联自己反映或附议过的本社区诉求' }],
      })
    }
    if (!openStatuses.includes(c.status)) {
      throw new AppError('CONCERN_NOT_ELIGIBLE', '这条诉求已办结或已合并，不能再申报', {
        fields: [{ path: 'concernId', message: '诉求已办结' }],
      })
    }
  }
  await assertTextPasses(deps, actor.userId, `${input.title}\n${input.reason}`)

  const id = await db
    .transaction(async (tx) => {
      const [locked] = await tx.select().from(councilSessions).where(eq(councilSessions.id, sessionId)).for('update')
      const [[pending], onAgenda] = await Promise.all([
        tx
          .select({ n: count() })
          .from(councilTopics)
          .where(
            and(eq(councilTopics.sessionId, sessionId), eq(councilTopics.proposerId, actor.userId), eq(councilTopics.status, 'pending')),
          ),
        input.concernId
          ? tx
              .select({ id: councilTopics.id })
              .from(councilTopics)
              .where(and(eq(councilTopics.concernId, input.concernId), inArray(councilTopics.status, ['pending', 'accepted'])))
          : Promise.resolve([]),
      ])
      const check = canBookTopic({
        sessionStatus: locked.status,
        bookingDeadline: locked.bookingDeadline,
        now,
        acceptedCount: locked.acceptedTopicCount,
        slots: locked.agendaSlots,
        residentPendingCount: pending?.n ?? 0,
        concernAlreadyOnAgenda: onAgenda.length > 0,
      })
      if (!check.ok) throw refusal(check)
      const [created] = await tx
        .insert(councilTopics)
        .values({
          sessionId,
          communityId: locked.communityId,
          proposerId: actor.userId,
          title: input.title,
          reason: input.reason,
          concernId: input.concernId ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: councilTopics.id })
      await logEvent(tx, {
        sessionId,
        topicId: created.id,
        actorId: actor.userId,
        actorRole: 'resident',
        action: 'book_topic',
        toStatus: 'pending',
        createdAt: now,
      })
      await notify(tx, {
        userIds: (await staffIds(tx, locked.communityId)).filter((u) => u !== actor.userId),
        title: `新议题申报：${input.title}`,
        body: `「${locked.title}」收到一个议题，请审核`,
        message: { template: 'council_session', sessionId, status: locked.status, statusLabel: '新议题', at: now.toISOString() },
      })
      return created.id
    })
    .catch((err: unknown) => {
      if (pgErrorCode(err) === '23505') throw new AppError('CONCERN_ALREADY_ON_AGENDA')
      throw err
    })
  return getTopic(deps, actor.userId, id)
}

/** A session's topics: staff see every one; residents the agenda and their own. Oldest first. One statement with the actor. */
export async function listTopics(deps: Deps, userId: string, sessionId: string, q: z.output<typeof TopicsQuery>) {
  const { db } = deps.database
  const cursor = afterCursorChecked(q.cursor, { at: councilTopics.createdAt, id: councilTopics.id }, 'asc')
  // Who sees which topics is decided in SQL too, so the page is the one the viewer may see.
  const community = db.select({ id: councilSessions.communityId }).from(councilSessions).where(eq(councilSessions.id, sessionId))
  const conditions = [
    eq(councilTopics.sessionId, sessionId),
    or(eq(councilTopics.status, 'accepted'), eq(councilTopics.proposerId, userId), isStaffSql(userId, sql`(${community})`)),
    q.status ? eq(councilTopics.status, q.status) : undefined,
    cursor.where,
  ].filter(Boolean) as SQL[]
  const list = topicJson(db)
    .where(and(...conditions))
    .orderBy(asc(councilTopics.createdAt), asc(councilTopics.id))
    .limit(q.limit + 1)
  const { session, audience, rows } = await readSession(db, userId, sessionId, { rows: allOf(list) })
  cursor.check()
  const staff = audience === 'staff'
  return toPage(
    rows.map(topicOf),
    q.limit,
    (r) => topicView(r, { userId, staff }, session.status),
    (r) => ({ at: r.topic.createdAt, id: r.topic.id }),
  )
}
