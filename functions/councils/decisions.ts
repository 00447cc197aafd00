import { and, eq, lt, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import { checkTopicTransition, topicActionLabels, type TopicAction, type TopicRole } from '../../domain/councils/lifecycle.js'
import type { TopicDecisionInput } from '../../domain/schemas/councils.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { councilSessions, councilTopics, type CouncilSessionRow, type CouncilTopicRow } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { moveConcernByCouncil } from '../concerns/index.js'
import { AppError, refusal } from '../http/errors.js'
import { findSession, visibleTopic, logEvent, tellProposer } from './common.js'
import { getTopic } from './topics.js'

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

/** Where a topic may be deferred to: a later session of the same community not yet held (DEFER_TARGET_INVALID otherwise). */
async function deferTarget(db: Db, from: CouncilSessionRow, targetId: string, now: Date): Promise<CouncilSessionRow> {
  const target = await findSession(db, targetId)
  if (
    !target ||
    target.communityId !== from.communityId ||
    !['planned', 'open'].includes(target.status) ||
    target.startsAt.getTime() <= Math.max(from.startsAt.getTime(), now.getTime())
  ) {
    throw new AppError('DEFER_TARGET_INVALID', undefined, {
      fields: [{ path: 'targetSessionId', message: '请选择本社区之后一场尚未召开的议事会' }],
    })
  }
  return target
}

export async function decideTopic(deps: Deps, actor: Actor, topicId: string, input: z.output<typeof TopicDecisionInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { topic, session, audience } = await visibleTopic(db, actor, topicId)
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
  if (!check.ok) throw refusal(check, 'TOPIC_TRANSITION_NOT_ALLOWED')

  const target = input.action === 'defer' ? await deferTarget(db, session, input.targetSessionId, now) : null

  await db.transaction(async (tx) => {
    const answer = input.action === 'decline' ? input.reason : (input.answer ?? null)
    const base = { status: check.to, decidedBy: actor.userId, decidedAt: now, updatedAt: now, decisionReason: answer }
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
      await setTopic(tx, topic, base)
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
      note: answer,
      data:
        input.action === 'accept'
          ? { order: input.order, minutes: input.minutes }
          : input.action === 'defer'
            ? { targetSessionId: input.targetSessionId }
            : null,
      createdAt: now,
    })
    if (answer && input.action !== 'decline') body = `${body}。答复：${answer}`
    await tellProposer(tx, topic, session, `议题${topicActionLabels[input.action as TopicAction]}：${topic.title}`, body, now, actor.userId)
  })
  return getTopic(deps, actor.userId, topicId)
}

/** The proposer withdraws a topic still waiting for a decision. */
export async function withdrawTopic(deps: Deps, actor: Actor, topicId: string) {
  const { db } = deps.database
  const now = deps.now()
  const { topic, session } = await visibleTopic(db, actor, topicId)
  const check = checkTopicTransition('withdraw', topic.status, session.status, rolesOn(actor, topic))
  if (!check.ok) throw refusal(check, 'TOPIC_TRANSITION_NOT_ALLOWED')
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
  return getTopic(deps, actor.userId, topicId)
}
