import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { ProposalInput } from '../../domain/schemas/votes.js'
import { proposalPhotos, proposals } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { checkedDraft } from './create.js'
import { logVote, visibleProposal } from './common.js'
import { getProposal } from './read.js'

/**
 * Staff change a draft, the whole form at once (the same checks as creating it). Once published a
 * vote's question, options, electorate and rule are fixed: residents may already have voted on them.
 */
export async function editProposal(deps: Deps, actor: Actor, id: string, input: z.output<typeof ProposalInput>) {
  const now = deps.now()
  const { p } = await visibleProposal(deps.database.db, actor, id)
  if (!can(actor, 'vote.manage', { communityId: p.communityId })) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以修改表决')
  if (p.status !== 'draft') throw new AppError('VOTE_TRANSITION_NOT_ALLOWED', '表决发布后就不能再修改了')
  const onDraft = await deps.database.db
    .select({ photoId: proposalPhotos.photoId })
    .from(proposalPhotos)
    .where(eq(proposalPhotos.proposalId, id))
  const { values, attached } = await checkedDraft(
    deps,
    actor,
    p.communityId,
    input,
    onDraft.map((r) => r.photoId),
  )
  await deps.database.db.transaction(async (tx) => {
    // Still a draft at the moment of writing: a concurrent 发布 wins and this edit is refused.
    const [updated] = await tx
      .update(proposals)
      .set({ ...values, updatedAt: now })
      .where(and(eq(proposals.id, id), eq(proposals.status, 'draft')))
      .returning({ id: proposals.id })
    if (!updated) throw new AppError('VOTE_CHANGED')
    await tx.delete(proposalPhotos).where(eq(proposalPhotos.proposalId, id))
    if (attached.length) {
      await tx.insert(proposalPhotos).values(attached.map((photoId, position) => ({ proposalId: id, photoId, position })))
    }
    await logVote(tx, {
      proposalId: id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'edit',
      fromStatus: 'draft',
      toStatus: 'draft',
      createdAt: now,
    })
  })
  return getProposal(deps, actor.userId, id)
}
