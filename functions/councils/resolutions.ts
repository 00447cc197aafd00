import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import { responsiblePartyLabels, type ResponsibleParty } from '../../domain/councils/kinds.js'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import type { ResolutionInput } from '../../domain/schemas/councils.js'
import type { Actor } from '../../domain/permissions.js'
import type { Tx } from '../../db/client.js'
import { councilTopics, memberships, type CouncilTopicRow } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { moveConcernByCouncil } from '../concerns/index.js'
import { trackResolution } from '../tracking/index.js'
import { AppError, fieldError } from '../http/errors.js'
import { visibleTopic, logEvent, tellProposer } from './common.js'
import { getTopic } from './topics.js'

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
  /** A worker of the community named responsible (the party is then 社区). */
  workerId?: string | null
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
  topic: Pick<CouncilTopicRow, 'id' | 'sessionId' | 'concernId' | 'communityId' | 'title'>,
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
  // Every resolution is tracked to done (docs/decisions/025).
  await trackResolution(
    tx,
    {
      communityId: topic.communityId,
      topicId: topic.id,
      sessionId: topic.sessionId,
      proposalId: typeof r.extra?.proposalId === 'string' ? r.extra.proposalId : null,
      concernId: topic.concernId,
      title: topic.title,
      text: r.text,
      party: r.party,
      partyName: r.partyName,
      workerId: r.workerId ?? null,
      deadline: r.deadline,
    },
    now,
  )
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
            assigneeUserId: partner ? null : (r.workerId ?? actor.userId),
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
  const { topic, session, audience } = await visibleTopic(db, actor, topicId)
  if (audience !== 'staff') throw new AppError('FORBIDDEN', '只有本社区的工作人员可以记录决议')
  if (session.status !== 'in_session') throw new AppError('SESSION_TRANSITION_NOT_ALLOWED', '议事会开始后才能记录决议')
  if (topic.status !== 'accepted') throw new AppError('TOPIC_TRANSITION_NOT_ALLOWED', '只有列入议程的议题可以记录决议')
  if (topic.resolvedAt) throw new AppError('TOPIC_TRANSITION_NOT_ALLOWED', '这个议题的决议已经记录')
  const deadline = new Date(input.deadline)
  if (deadline.getTime() <= now.getTime()) throw fieldError('deadline', '完成期限须晚于现在')
  const workerId = input.responsibleUserId ?? null
  if (workerId) {
    if (input.responsibleParty !== 'community')
      throw fieldError('responsibleUserId', '只有社区负责的决议可以指定工作人员', 'RESPONSIBLE_WORKER_INVALID')
    const [staff] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, workerId),
          eq(memberships.communityId, session.communityId),
          inArray(memberships.role, ['worker', 'admin']),
        ),
      )
    if (!staff) throw fieldError('responsibleUserId', '负责人须是本社区的工作人员', 'RESPONSIBLE_WORKER_INVALID')
  }
  // Unnamed, the party is the one of that kind the session invited by name (e.g. 物业 → 安居物业).
  const partyName = input.responsibleName ?? session.invitedParties.find((p) => p.kind === input.responsibleParty && p.name)?.name ?? null

  await db.transaction(async (tx) => {
    const applied = await applyResolution(
      tx,
      actor,
      topic,
      { text: input.text, party: input.responsibleParty, partyName, workerId, deadline },
      now,
    )
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
  return getTopic(deps, actor.userId, topicId)
}
