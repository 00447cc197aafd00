import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { ProposalInput } from '../../domain/schemas/votes.js'
import { voteOptions } from '../../domain/votes/kinds.js'
import { buildings, councilSessions, councilTopics, proposalPhotos, proposals, units } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { ownPhotos } from '../photos/index.js'
import { logVote } from './common.js'
import { getProposal } from './read.js'

/**
 * The checked form of a draft, shared by creating and editing: the agenda item it belongs to (an
 * accepted topic of a live session), the buildings and units of its electorate (this community's),
 * the photos (the author's own uploads) and the row's values.
 */
export async function checkedDraft(
  deps: Deps,
  actor: Actor,
  communityId: string,
  input: z.output<typeof ProposalInput>,
  /** Photos already on the draft: kept even when someone else uploaded them. */
  keptPhotoIds: string[] = [],
) {
  const { db } = deps.database
  const photoIds = [...new Set(input.photoIds)]
  const kept = new Set(keptPhotoIds)
  const closesAt = new Date(input.closesAt)
  if (closesAt.getTime() <= deps.now().getTime()) throw fieldError('closesAt', '截止时间须晚于现在')
  const [sessionId, scope] = await Promise.all([
    agendaSession(deps, communityId, input.topicId),
    electorateScope(deps, communityId, input.electorate),
    ownPhotos(
      db,
      actor.userId,
      photoIds.filter((ph) => !kept.has(ph)),
    ),
  ])
  const values = {
    sessionId,
    topicId: input.topicId ?? null,
    title: input.title,
    body: input.text,
    optionKind: input.options.kind,
    options: voteOptions(input.options.kind, input.options.kind === 'choice' ? input.options.choices : []),
    maxChoices: input.options.kind === 'choice' ? input.options.maxChoices : 1,
    electorateKind: input.electorate.kind,
    scope,
    unit: input.unit,
    rule: input.rule,
    quorumPercent: input.quorumPercent ?? null,
    opensAt: new Date(input.opensAt),
    closesAt,
    publishDays: input.publishDays,
    liveResults: input.liveResults,
    onApproval: input.onApproval
      ? {
          responsibleParty: input.onApproval.responsibleParty,
          responsibleName: input.onApproval.responsibleName ?? null,
          deadline: new Date(input.onApproval.deadline).toISOString(),
        }
      : null,
  }
  // In the order given: the photos are shown in it.
  return { values, attached: photoIds }
}

async function agendaSession(deps: Deps, communityId: string, topicId: string | undefined): Promise<string | null> {
  if (!topicId) return null
  const [topic] = await deps.database.db
    .select({
      communityId: councilTopics.communityId,
      status: councilTopics.status,
      sessionId: councilTopics.sessionId,
      sessionStatus: councilSessions.status,
    })
    .from(councilTopics)
    .innerJoin(councilSessions, eq(councilSessions.id, councilTopics.sessionId))
    .where(eq(councilTopics.id, topicId))
  if (!topic || topic.communityId !== communityId || topic.status !== 'accepted' || topic.sessionStatus === 'cancelled') {
    throw fieldError('topicId', '只能关联本社区已列入议程的议题', 'PROPOSAL_TOPIC_INVALID')
  }
  return topic.sessionId
}

async function electorateScope(deps: Deps, communityId: string, electorate: z.output<typeof ProposalInput>['electorate']) {
  const { db } = deps.database
  const scope = { buildingIds: [] as string[], unitIds: [] as string[] }
  if (electorate.kind !== 'households') return scope
  scope.buildingIds = [...new Set(electorate.buildingIds)]
  scope.unitIds = [...new Set(electorate.unitIds)]
  if (scope.buildingIds.length) {
    const found = await db
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(inArray(buildings.id, scope.buildingIds), eq(buildings.communityId, communityId)))
    if (found.length !== scope.buildingIds.length) throw fieldError('electorate.buildingIds', '只能选择本社区的楼栋')
  }
  if (scope.unitIds.length) {
    const found = await db
      .select({ id: units.id })
      .from(units)
      .innerJoin(buildings, eq(buildings.id, units.buildingId))
      .where(and(inArray(units.id, scope.unitIds), eq(buildings.communityId, communityId)))
    if (found.length !== scope.unitIds.length) throw fieldError('electorate.unitIds', '只能选择本社区的单元')
  }
  return scope
}

/** A worker or admin drafts a proposal: standalone, or on an agenda item (an accepted topic) of a session. */
export async function createProposal(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof ProposalInput>) {
  const now = deps.now()
  if (!can(actor, 'vote.manage', { communityId })) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以发起表决')
  const { values, attached } = await checkedDraft(deps, actor, communityId, input)
  const id = await deps.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(proposals)
      .values({ ...values, communityId, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning({ id: proposals.id })
    if (attached.length) {
      await tx.insert(proposalPhotos).values(attached.map((photoId, position) => ({ proposalId: created.id, photoId, position })))
    }
    await logVote(tx, {
      proposalId: created.id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'create',
      toStatus: 'draft',
      createdAt: now,
    })
    return created.id
  })
  return getProposal(deps, actor.userId, id)
}
