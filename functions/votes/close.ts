import { and, asc, eq, inArray } from 'drizzle-orm'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import type { Actor } from '../../domain/permissions.js'
import { checkVoteTransition, type VoteRole } from '../../domain/votes/lifecycle.js'
import { outcomeLabels, type TallyResult } from '../../domain/votes/tally.js'
import type { Tx } from '../../db/client.js'
import { councilSessions, councilTopics, memberships, proposals, type ProposalRow, type VoteResultRow } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { applyResolution, logEvent } from '../councils/index.js'
import { trackResolution } from '../tracking/index.js'
import { AppError, refusal } from '../http/errors.js'
import { logVote, tallyOf } from './common.js'
import { tellElectorate } from './fanout.js'

/**
 * Closes a vote (staff, or the scheduled job once its closing time passed): the vote's lock is
 * taken exclusive, which waits for every ballot transaction in flight (they hold it shared) and
 * turns away every later one; the result is computed from the stored ballots, stored, and
 * published (公示) for the vote's notice period. An approved proposal on an agenda item becomes
 * the topic's resolution and moves its linked concern on. Returns false when someone else closed it first.
 */
export async function closeVote(deps: Deps, id: string, by: { actor: Actor | null; role: VoteRole }): Promise<boolean> {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    // The row lock waits for the ballots in flight (each reads the vote FOR SHARE, decision 038);
    // a ballot after it re-reads the row and finds the vote closed.
    const [p] = await tx.select().from(proposals).where(eq(proposals.id, id)).for('update')
    if (!p) throw new AppError('NOT_FOUND', '表决不存在')
    const check = checkVoteTransition('close', p, by.role, now)
    if (!check.ok) {
      if (by.role === 'system') return false
      if (p.status !== 'open') throw new AppError('VOTE_CHANGED')
      throw refusal(check, 'VOTE_TRANSITION_NOT_ALLOWED')
    }
    const result = await tallyOf(tx, p)
    const stored: VoteResultRow = { ...result, computedAt: now.toISOString() }
    const publish = check.to === 'published'
    const [closed] = await tx
      .update(proposals)
      .set({
        status: check.to,
        result: stored,
        closedAt: now,
        publishedAt: publish ? now : null,
        publicUntil: publish ? new Date(now.getTime() + p.publishDays * 86400_000) : null,
        updatedAt: now,
      })
      .where(and(eq(proposals.id, id), eq(proposals.status, 'open')))
      .returning()
    const actorId = by.actor?.userId ?? null
    const actorRole = by.role === 'staff' ? 'staff' : 'system'
    const data = { outcome: result.outcome, participants: result.participants.count, electorate: result.electorate.count }
    await logVote(tx, { proposalId: id, actorId, actorRole, action: 'close', fromStatus: 'open', toStatus: 'closed', data, createdAt: now })
    if (publish) {
      await logVote(tx, {
        proposalId: id,
        actorId,
        actorRole,
        action: 'publish',
        fromStatus: 'closed',
        toStatus: 'published',
        data: { publicUntil: closed.publicUntil?.toISOString() },
        createdAt: new Date(now.getTime() + 1),
      })
    }
    if (closed.topicId && closed.sessionId) await feedTopic(tx, closed, result, by.actor, now)
    else if (result.passed) await trackProposal(tx, closed, result, now)
    const verdict =
      closed.optionKind === 'choice' && result.passed ? `通过：${adoptedLabels(closed, result)}` : outcomeLabels[result.outcome]
    const body = `${verdict}（参与 ${result.participants.count}/${result.electorate.count}）${publish ? `，公示至 ${chinaTimeLabel(closed.publicUntil!)}` : ''}`
    const statusLabel = result.passed ? '已通过' : '未通过'
    await tellElectorate(tx, closed, { notVotedOnly: false, title: `表决结果：${closed.title}`, body, statusLabel }, now)
    return true
  })
}

function adoptedLabels(p: Pick<ProposalRow, 'options'>, result: Pick<TallyResult, 'adopted'>): string {
  return result.adopted.map((k) => `「${p.options.find((o) => o.key === k)?.label ?? k}」`).join('、')
}

/**
 * An agenda item's vote feeds the council: the outcome is logged on the session; an approved
 * proposal becomes the topic's resolution (unless one was already recorded) with the responsible
 * party and deadline set on the proposal, and the linked concern moves on (deliberated → in
 * progress) through the councils' own concern steps.
 */
async function feedTopic(tx: Tx, p: ProposalRow, result: TallyResult, closer: Actor | null, now: Date) {
  const [topic] = await tx.select().from(councilTopics).where(eq(councilTopics.id, p.topicId!)).for('update')
  if (!topic) return
  const actor = closer ?? (await systemActor(tx, p))
  await logEvent(tx, {
    sessionId: p.sessionId!,
    topicId: topic.id,
    actorId: actor?.userId ?? null,
    actorRole: closer ? 'staff' : 'system',
    action: 'vote_result',
    note: `表决「${p.title}」：${outcomeLabels[result.outcome]}`,
    data: { proposalId: p.id, outcome: result.outcome, adopted: result.adopted },
    createdAt: now,
  })
  if (!result.passed || topic.status !== 'accepted' || topic.resolvedAt) return
  const [session] = await tx
    .select({ invitedParties: councilSessions.invitedParties })
    .from(councilSessions)
    .where(eq(councilSessions.id, p.sessionId!))
  const party = p.onApproval?.responsibleParty ?? 'community'
  const partyName = p.onApproval?.responsibleName ?? session?.invitedParties.find((x) => x.kind === party && x.name)?.name ?? null
  const deadline = p.onApproval ? new Date(p.onApproval.deadline) : new Date(now.getTime() + 30 * 86400_000)
  const text = approvedText(p, result)
  await applyResolution(tx, actor, topic, { text, party, partyName, deadline, extra: { proposalId: p.id } }, now)
}

/** The text an approved proposal is tracked (and resolved) with. */
function approvedText(p: ProposalRow, result: TallyResult): string {
  return (p.optionKind === 'choice' ? `表决通过「${p.title}」：${adoptedLabels(p, result)}` : `表决通过「${p.title}」：${p.body}`).slice(
    0,
    1000,
  )
}

/** An approved proposal standing alone is tracked to done, with the party and deadline it named (else 社区, 30 days). */
async function trackProposal(tx: Tx, p: ProposalRow, result: TallyResult, now: Date) {
  await trackResolution(
    tx,
    {
      communityId: p.communityId,
      proposalId: p.id,
      title: p.title,
      text: approvedText(p, result),
      party: p.onApproval?.responsibleParty ?? 'community',
      partyName: p.onApproval?.responsibleName ?? null,
      deadline: p.onApproval ? new Date(p.onApproval.deadline) : new Date(now.getTime() + 30 * 86400_000),
    },
    now,
  )
}

/** Whom the scheduled job acts as on a concern's timeline: the staff member who drafted the vote (or any staff member). */
async function systemActor(tx: Tx, p: ProposalRow): Promise<Actor | null> {
  const staff = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, p.communityId), inArray(memberships.role, ['worker', 'admin'])))
    .orderBy(asc(memberships.createdAt))
  const chosen = staff.find((s) => s.userId === p.createdBy) ?? staff[0]
  if (!chosen) return null
  return {
    userId: chosen.userId,
    memberships: staff.filter((s) => s.userId === chosen.userId).map((s) => ({ communityId: p.communityId, role: s.role })),
    verifiedIn: [],
  }
}
