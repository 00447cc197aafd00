import { and, asc, count, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { canBookTopic } from '../../domain/councils/booking.js'
import { responsiblePartyLabels, type ResponsibleParty } from '../../domain/councils/kinds.js'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import { checkTopicTransition, topicActionLabels, type TopicAction, type TopicRole } from '../../domain/councils/lifecycle.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { ResolutionInput, TopicDecisionInput, TopicInput, TopicsQuery } from '../../domain/schemas/councils.js'
import type { Db } from '../../db/client.js'
import { concerns, cosigns, councilSessions, councilTopics, users, type CouncilSessionRow, type CouncilTopicRow } from '../../db/schema.js'
import type { Deps } from '../context.js'
import { moveConcernByCouncil } from '../concerns/service.js'
import { decodeCursor, toPage } from '../http/cursor.js'
import { AppError, pgErrorCode } from '../http/errors.js'
import { notify } from '../notifications/service.js'
import { fieldError, loadSession, logEvent, staffIds, topicRows, topicView, visibleSession, type Tx } from './service.js'

/** Residents' words go through the content check before anyone else reads them. */
async function assertTextPasses(deps: Deps, userId: string, text: string) {
  const [u] = await deps.database.db.select({ openid: users.openid }).from(users).where(eq(users.id, userId))
  if (!(await deps.contentCheck.textPasses(text, u?.openid ?? null))) throw new AppError('CONTENT_REFUSED')
}

async function tellProposer(
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

async function topicById(db: Db | Tx, id: string) {
  const [row] = await topicRows(db).where(eq(councilTopics.id, id))
  if (!row) throw new AppError('NOT_FOUND', '议题不存在')
  return row
}

/** The topic as this viewer sees it (staff: everything; others: accepted ones and their own). */
export async function getTopic(deps: Deps, actor: Actor, id: string) {
  const { db } = deps.database
  const row = await topicById(db, id)
  const { session, audience } = await visibleSession(db, actor, row.topic.sessionId)
  const staff = audience === 'staff'
  if (!staff && row.topic.proposerId !== actor.userId && row.topic.status !== 'accepted') throw new AppError('NOT_FOUND', '议题不存在')
  return topicView(row, { userId: actor.userId, staff }, session.status)
}

// ── Booking (议题申报) ──────────────────────────────────────────────────────────────────────────

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
      if (!check.ok) throw new AppError(check.code, check.message)
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
  return getTopic(deps, actor, id)
}

/** A session's topics: staff see every one; residents the agenda and their own. Oldest first. */
export async function listTopics(deps: Deps, actor: Actor, sessionId: string, q: z.output<typeof TopicsQuery>) {
  const { db } = deps.database
  const { session, audience } = await visibleSession(db, actor, sessionId)
  const staff = audience === 'staff'
  const conditions = [
    eq(councilTopics.sessionId, sessionId),
    staff ? undefined : or(eq(councilTopics.status, 'accepted'), eq(councilTopics.proposerId, actor.userId)),
    q.status ? eq(councilTopics.status, q.status) : undefined,
    q.cursor
      ? (() => {
          const c = decodeCursor(q.cursor)
          return or(gt(councilTopics.createdAt, c.createdAt), and(eq(councilTopics.createdAt, c.createdAt), gt(councilTopics.id, c.id)))
        })()
      : undefined,
  ].filter(Boolean) as SQL[]
  const rows = await topicRows(db)
    .where(and(...conditions))
    .orderBy(asc(councilTopics.createdAt), asc(councilTopics.id))
    .limit(q.limit + 1)
  return toPage(
    rows.map((r) => Object.assign(r, { createdAt: r.topic.createdAt, id: r.topic.id })),
    q.limit,
    (r) => topicView(r, { userId: actor.userId, staff }, session.status),
  )
}

// ── Decisions: accept, defer, decline; withdraw ──────────────────────────────────────────────────

function failTopic(check: Extract<ReturnType<typeof checkTopicTransition>, { ok: false }>): never {
  if (check.code === 'ROLE_NOT_ALLOWED') throw new AppError('FORBIDDEN', check.message)
  if (check.code === 'INPUT_MISSING') throw fieldError(check.field ?? 'action', check.message)
  if (check.code === 'AGENDA_FULL') throw new AppError('AGENDA_FULL', check.message)
  throw new AppError('TOPIC_TRANSITION_NOT_ALLOWED', check.message)
}

function rolesOn(actor: Actor, topic: CouncilTopicRow): TopicRole[] {
  const roles: TopicRole[] = []
  if (topic.proposerId === actor.userId) roles.push('proposer')
  if (can(actor, 'council.manage', topic)) roles.push('staff')
  return roles
}

/** Moves the topic from the status it was read in; a decision taken meanwhile by someone else is a 409. */
async function setTopic(tx: Tx, topic: CouncilTopicRow, patch: Partial<typeof councilTopics.$inferInsert>) {
  const [updated] = await tx
    .update(councilTopics)
    .set(patch)
    .where(and(eq(councilTopics.id, topic.id), eq(councilTopics.status, topic.status)))
    .returning()
  if (!updated) throw new AppError('TOPIC_TRANSITION_NOT_ALLOWED', '议题刚刚已被处理，请刷新后再试')
  return updated
}

export async function decideTopic(deps: Deps, actor: Actor, topicId: string, input: z.output<typeof TopicDecisionInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { topic } = await topicById(db, topicId)
  const { session, audience } = await visibleSession(db, actor, topic.sessionId)
  if (audience !== 'staff') throw new AppError('FORBIDDEN', '只有本社区的工作人员可以审核议题')
  const check = checkTopicTransition(input.action, topic.status, session.status, rolesOn(actor, topic), {
    order: input.action === 'accept' ? input.order : undefined,
    minutes: input.action === 'accept' ? input.minutes : undefined,
    targetSessionId: input.action === 'defer' ? input.targetSessionId : undefined,
    sessionId: session.id,
    reason: input.action === 'decline' ? input.reason : undefined,
    acceptedCount: session.acceptedTopicCount,
    slots: session.agendaSlots,
  })
  if (!check.ok) failTopic(check)

  let target: CouncilSessionRow | null = null
  if (input.action === 'defer') {
    target = await loadSession(db, input.targetSessionId).catch(() => null)
    if (
      !target ||
      target.communityId !== session.communityId ||
      !['planned', 'open'].includes(target.status) ||
      target.startsAt.getTime() <= Math.max(session.startsAt.getTime(), now.getTime())
    ) {
      throw new AppError('DEFER_TARGET_INVALID', undefined, {
        fields: [{ path: 'targetSessionId', message: '请选择本社区之后一场尚未召开的议事会' }],
      })
    }
  }

  await db.transaction(async (tx) => {
    const base = { status: check.to, decidedBy: actor.userId, decidedAt: now, updatedAt: now }
    let body = ''
    if (input.action === 'accept') {
      // The agenda place is taken like a seat: one conditional update on the session's count.
      const [place] = await tx
        .update(councilSessions)
        .set({ acceptedTopicCount: sql`${councilSessions.acceptedTopicCount} + 1`, updatedAt: now })
        .where(
          and(
            eq(councilSessions.id, session.id),
            eq(councilSessions.status, 'open'),
            lt(councilSessions.acceptedTopicCount, councilSessions.agendaSlots),
          ),
        )
        .returning({ id: councilSessions.id })
      if (!place) throw new AppError('AGENDA_FULL', `议程已排满（共 ${session.agendaSlots} 项），请顺延到下一次议事会`)
      await setTopic(tx, topic, { ...base, agendaOrder: input.order, minutesAllotted: input.minutes })
      if (topic.concernId) {
        const note = `列入议事会「${session.title}」（${chinaTimeLabel(session.startsAt)}）议程`
        await moveConcernByCouncil(
          tx,
          actor,
          topic.concernId,
          [
            { action: 'accept', note: '社区已受理，列入议事会议程' },
            { action: 'send_to_council', note, data: { sessionId: session.id, topicId: topic.id } },
          ],
          now,
        )
      }
      body = `您申报的议题已列入「${session.title}」议程，第 ${input.order} 项，${input.minutes} 分钟`
    } else if (input.action === 'defer' && target) {
      await setTopic(tx, topic, { ...base, deferredToSessionId: target.id })
      if (topic.status === 'accepted') {
        await tx
          .update(councilSessions)
          .set({ acceptedTopicCount: sql`${councilSessions.acceptedTopicCount} - 1`, updatedAt: now })
          .where(eq(councilSessions.id, session.id))
      }
      // It continues as a pending topic of the later session, decided again there.
      const [moved] = await tx
        .insert(councilTopics)
        .values({
          sessionId: target.id,
          communityId: topic.communityId,
          proposerId: topic.proposerId,
          title: topic.title,
          reason: topic.reason,
          concernId: topic.concernId,
          deferredFromTopicId: topic.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: councilTopics.id })
      await logEvent(tx, {
        sessionId: target.id,
        topicId: moved.id,
        actorId: actor.userId,
        actorRole: 'staff',
        action: 'deferred_in',
        toStatus: 'pending',
        data: { fromSessionId: session.id },
        createdAt: now,
      })
      body = `您申报的议题顺延到「${target.title}」（${chinaTimeLabel(target.startsAt)}）`
    } else if (input.action === 'decline') {
      await setTopic(tx, topic, { ...base, decisionReason: input.reason })
      body = `您申报的议题未被采纳：${input.reason}`
    }
    await logEvent(tx, {
      sessionId: session.id,
      topicId: topic.id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: input.action,
      fromStatus: topic.status,
      toStatus: check.to,
      note: input.action === 'decline' ? input.reason : null,
      data:
        input.action === 'accept'
          ? { order: input.order, minutes: input.minutes }
          : input.action === 'defer'
            ? { targetSessionId: input.targetSessionId }
            : null,
      createdAt: now,
    })
    await tellProposer(tx, topic, session, `议题${topicActionLabels[input.action as TopicAction]}：${topic.title}`, body, now, actor.userId)
  })
  return getTopic(deps, actor, topicId)
}

/** The proposer withdraws a topic still waiting for a decision. */
export async function withdrawTopic(deps: Deps, actor: Actor, topicId: string) {
  const { db } = deps.database
  const now = deps.now()
  const { topic } = await topicById(db, topicId)
  const { session } = await visibleSession(db, actor, topic.sessionId)
  const check = checkTopicTransition('withdraw', topic.status, session.status, rolesOn(actor, topic))
  if (!check.ok) failTopic(check)
  await db.transaction(async (tx) => {
    await setTopic(tx, topic, { status: 'withdrawn', updatedAt: now })
    await logEvent(tx, {
      sessionId: session.id,
      topicId,
      actorId: actor.userId,
      actorRole: 'resident',
      action: 'withdraw',
      fromStatus: topic.status,
      toStatus: 'withdrawn',
      createdAt: now,
    })
  })
  return getTopic(deps, actor, topicId)
}

// ── Running the session: resolutions (决议) ─────────────────────────────────────────────────────

/**
 * Records an agenda item's resolution while the session is in progress: text, responsible party
 * and deadline. The linked concern moves on: deliberated (with the resolution), then in progress
 * under that party (a partner organisation by name, or the community itself).
 */
/** A resolution (决议) as recorded on a topic: what, who is responsible, by when. */
export interface ResolutionFacts {
  text: string
  party: ResponsibleParty
  /** The named organisation (e.g. 安居物业), if any. */
  partyName: string | null
  deadline: Date
  /** Extra facts kept with it on the concern's timeline (e.g. the vote that carried it). */
  extra?: Record<string, unknown>
}

/**
 * Writes a topic's resolution, once, and moves its linked concern on: deliberated, then in
 * progress under the responsible party with the resolution's deadline. Shared by staff recording
 * a resolution in session and by an approved vote on the agenda item. `actor` null (a scheduled
 * close with no staff left) writes the resolution but leaves the concern where it is. Returns
 * null when the topic is not on the agenda or already has a resolution.
 */
export async function applyResolution(
  tx: Tx,
  actor: Actor | null,
  topic: Pick<CouncilTopicRow, 'id' | 'sessionId' | 'concernId'>,
  r: ResolutionFacts,
  now: Date,
) {
  const [updated] = await tx
    .update(councilTopics)
    .set({
      resolutionText: r.text,
      resolutionParty: r.party,
      resolutionName: r.partyName,
      resolutionDeadline: r.deadline,
      resolvedAt: now,
      updatedAt: now,
    })
    .where(and(eq(councilTopics.id, topic.id), eq(councilTopics.status, 'accepted'), isNull(councilTopics.resolvedAt)))
    .returning({ id: councilTopics.id })
  if (!updated) return null
  const partyLabel = `${responsiblePartyLabels[r.party]}${r.partyName ? `（${r.partyName}）` : ''}`
  const resolution = {
    text: r.text,
    responsibleParty: r.party,
    responsibleName: r.partyName,
    deadline: r.deadline.toISOString(),
    sessionId: topic.sessionId,
    topicId: topic.id,
    ...r.extra,
  }
  if (topic.concernId && actor) {
    const partner = r.party !== 'community'
    await moveConcernByCouncil(
      tx,
      actor,
      topic.concernId,
      [
        { action: 'deliberate', note: `决议：${r.text}`, data: { resolution } },
        {
          action: 'start',
          note: `由${partyLabel}负责办理，期限 ${chinaTimeLabel(r.deadline)}`,
          patch: {
            assigneeOrg: partner ? (r.partyName ?? responsiblePartyLabels[r.party]) : null,
            assigneeUserId: partner ? null : actor.userId,
            dueAt: r.deadline,
            overdueNotifiedAt: null,
          },
          data: { resolution },
        },
      ],
      now,
    )
  }
  return { resolution, partyLabel }
}

export async function recordResolution(deps: Deps, actor: Actor, topicId: string, input: z.output<typeof ResolutionInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { topic } = await topicById(db, topicId)
  const { session, audience } = await visibleSession(db, actor, topic.sessionId)
  if (audience !== 'staff') throw new AppError('FORBIDDEN', '只有本社区的工作人员可以记录决议')
  if (session.status !== 'in_session') throw new AppError('SESSION_TRANSITION_NOT_ALLOWED', '议事会开始后才能记录决议')
  if (topic.status !== 'accepted') throw new AppError('TOPIC_TRANSITION_NOT_ALLOWED', '只有列入议程的议题可以记录决议')
  if (topic.resolvedAt) throw new AppError('TOPIC_TRANSITION_NOT_ALLOWED', '这个议题的决议已经记录')
  const deadline = new Date(input.deadline)
  if (deadline.getTime() <= now.getTime()) throw fieldError('deadline', '完成期限须晚于现在')
  // Unnamed, the party is the one of that kind the session invited by name (e.g. 物业 → 安居物业).
  const partyName = input.responsibleName ?? session.invitedParties.find((p) => p.kind === input.responsibleParty && p.name)?.name ?? null

  await db.transaction(async (tx) => {
    const applied = await applyResolution(tx, actor, topic, { text: input.text, party: input.responsibleParty, partyName, deadline }, now)
    if (!applied) throw new AppError('TOPIC_TRANSITION_NOT_ALLOWED', '这个议题的决议已经记录')
    await logEvent(tx, {
      sessionId: session.id,
      topicId,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'resolve_topic',
      note: input.text,
      data: applied.resolution,
      createdAt: now,
    })
    await tellProposer(
      tx,
      topic,
      session,
      `议题已形成决议：${topic.title}`,
      `决议：${input.text}；责任方：${applied.partyLabel}`,
      now,
      actor.userId,
    )
  })
  return getTopic(deps, actor, topicId)
}
