import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import type { Actor } from '../../domain/permissions.js'
import type { ProposalActionInput } from '../../domain/schemas/votes.js'
import { checkVoteTransition } from '../../domain/votes/lifecycle.js'
import { proposals, type ProposalRow } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, refusal } from '../http/errors.js'
import { electorateUserIds, writeRoll } from './roll.js'
import { closeVote } from './close.js'
import { visibleProposal, logVote, tellAboutVote } from './common.js'
import { getProposal } from './read.js'

export async function actOnProposal(deps: Deps, actor: Actor, id: string, input: z.output<typeof ProposalActionInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { p, audience } = await visibleProposal(db, actor, id)
  if (audience !== 'staff') throw new AppError('FORBIDDEN', '只有本社区的工作人员可以管理表决')
  const reason = input.action === 'cancel' ? input.reason : undefined
  const check = checkVoteTransition(input.action, p, 'staff', now, { reason })
  if (!check.ok) throw refusal(check, 'VOTE_TRANSITION_NOT_ALLOWED')

  if (input.action === 'open') await openVote(deps, actor, p, now)
  else if (input.action === 'close') await closeVote(deps, p.id, { actor, role: 'staff' })
  else await cancelVote(deps, actor, p, reason!, now)
  return getProposal(deps, actor.userId, id)
}

/** Opens a draft: fixes the roll, then tells everyone on it. An empty roll keeps it a draft. */
async function openVote(deps: Deps, actor: Actor, p: ProposalRow, now: Date) {
  await deps.database.db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, p.id), eq(proposals.status, 'draft')))
      .for('update')
    if (!draft) throw new AppError('VOTE_CHANGED')
    const roll = await writeRoll(tx, draft)
    if (roll.count === 0) throw new AppError('ELECTORATE_EMPTY')
    const [withRoll] = await tx
      .update(proposals)
      .set({ status: 'open', openedAt: now, updatedAt: now, electorateCount: roll.count, electorateAreaCents: roll.areaCents })
      .where(eq(proposals.id, p.id))
      .returning()
    await logVote(tx, {
      proposalId: p.id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'open',
      fromStatus: 'draft',
      toStatus: 'open',
      data: { electorate: roll.count },
      createdAt: now,
    })
    const started = p.opensAt.getTime() <= now.getTime()
    const when = started ? `即日起至 ${chinaTimeLabel(p.closesAt)}` : `${chinaTimeLabel(p.opensAt)} 至 ${chinaTimeLabel(p.closesAt)}`
    await tellAboutVote(tx, withRoll, await electorateUserIds(tx, p), `请参加表决：${p.title}`, `投票时间：${when}`, '投票中', now)
  })
}

async function cancelVote(deps: Deps, actor: Actor, p: ProposalRow, reason: string, now: Date) {
  await deps.database.db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(proposals)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: now })
      .where(and(eq(proposals.id, p.id), eq(proposals.status, p.status)))
      .returning()
    if (!cancelled) throw new AppError('VOTE_CHANGED')
    await logVote(tx, {
      proposalId: p.id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'cancel',
      fromStatus: p.status,
      toStatus: 'cancelled',
      note: reason,
      createdAt: now,
    })
    if (p.status === 'open') {
      await tellAboutVote(tx, cancelled, await electorateUserIds(tx, p), `表决已取消：${p.title}`, `取消原因：${reason}`, '已取消', now)
    }
  })
}
