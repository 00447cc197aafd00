import * as z from 'zod'

/**
 * A vote's lifecycle: draft → open → closed | published, or cancelled. Closing stops the ballots
 * and computes the result; with a notice period (publishDays > 0) the result is published (公示)
 * at once, otherwise the vote is simply closed. Pure: time is passed in.
 */
export const voteStatuses = ['draft', 'open', 'closed', 'published', 'cancelled'] as const
export const VoteStatus = /*#__PURE__*/ z.enum(voteStatuses)
export type VoteStatus = z.infer<typeof VoteStatus>

export const voteActions = ['open', 'close', 'cancel'] as const
export const VoteAction = /*#__PURE__*/ z.enum(voteActions)
export type VoteAction = z.infer<typeof VoteAction>

/** `staff`: a worker or admin of the vote's community; `system`: the scheduled job. */
export type VoteRole = 'staff' | 'system'

/** What a person sees: the status refined by the clock. */
export const votePhases = ['draft', 'scheduled', 'voting', 'counting', 'closed', 'published', 'cancelled'] as const
export type VotePhase = (typeof votePhases)[number]

export interface VoteTimes {
  status: VoteStatus
  opensAt: Date
  closesAt: Date
}

export const voteActionLabels: Record<VoteAction, string> = {
  open: '发布表决',
  close: '结束投票并计票',
  cancel: '取消表决',
}

export type VoteTransitionCheck =
  | { ok: true; to: VoteStatus }
  | { ok: false; code: 'ROLE_NOT_ALLOWED' | 'TRANSITION_NOT_ALLOWED' | 'INPUT_MISSING'; message: string; field?: string }

/**
 * May `role` do `action` to a vote now? Opening needs a closing time still ahead; staff may close
 * a vote early once it has started, the scheduled job only once its closing time has passed;
 * cancelling needs a reason and is possible until the vote closes.
 */
export function checkVoteTransition(
  action: VoteAction,
  vote: VoteTimes & { publishDays: number },
  role: VoteRole,
  now: Date,
  input: { reason?: string } = {},
): VoteTransitionCheck {
  const label = voteActionLabels[action]
  if (action === 'open') {
    if (role !== 'staff') return { ok: false, code: 'ROLE_NOT_ALLOWED', message: `只有社区工作人员可以「${label}」` }
    if (vote.status !== 'draft') return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: `表决当前状态不能「${label}」` }
    if (vote.closesAt.getTime() <= now.getTime()) {
      return { ok: false, code: 'INPUT_MISSING', field: 'closesAt', message: '截止时间已过，请先修改截止时间' }
    }
    return { ok: true, to: 'open' }
  }
  if (action === 'close') {
    if (vote.status !== 'open') return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: `表决当前状态不能「${label}」` }
    if (role === 'system' && vote.closesAt.getTime() > now.getTime()) {
      return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: '还没到截止时间' }
    }
    if (role === 'staff' && vote.opensAt.getTime() > now.getTime()) {
      return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: '投票还没开始，不能计票；如不再表决请取消' }
    }
    return { ok: true, to: vote.publishDays > 0 ? 'published' : 'closed' }
  }
  if (role !== 'staff') return { ok: false, code: 'ROLE_NOT_ALLOWED', message: `只有社区工作人员可以「${label}」` }
  if (vote.status !== 'draft' && vote.status !== 'open') {
    return { ok: false, code: 'TRANSITION_NOT_ALLOWED', message: `表决当前状态不能「${label}」` }
  }
  if (!input.reason || input.reason.trim().length < 2) {
    return { ok: false, code: 'INPUT_MISSING', field: 'reason', message: '请填写取消的原因，会告知投票范围内的居民' }
  }
  return { ok: true, to: 'cancelled' }
}

/** The actions staff could take now: what buttons to show. */
export function availableVoteActions(vote: VoteTimes & { publishDays: number }, now: Date): VoteAction[] {
  return voteActions.filter((a) => {
    const c = checkVoteTransition(a, vote, 'staff', now, { reason: 'xx' })
    return c.ok
  })
}

export function votePhase(vote: VoteTimes, now: Date): VotePhase {
  if (vote.status !== 'open') return vote.status
  if (now.getTime() < vote.opensAt.getTime()) return 'scheduled'
  if (now.getTime() < vote.closesAt.getTime()) return 'voting'
  return 'counting'
}

export type BallotWindowCheck = { ok: true } | { ok: false; code: 'VOTE_NOT_OPEN' | 'VOTE_CLOSED'; message: string }

/** Ballots are taken while the vote is open, from its opening time until its closing time. */
export function checkBallotWindow(vote: VoteTimes, now: Date): BallotWindowCheck {
  const phase = votePhase(vote, now)
  if (phase === 'voting') return { ok: true }
  if (phase === 'draft') return { ok: false, code: 'VOTE_NOT_OPEN', message: '表决还没有发布' }
  if (phase === 'scheduled') return { ok: false, code: 'VOTE_NOT_OPEN', message: '投票还没开始，请到开始时间后再投' }
  if (phase === 'cancelled') return { ok: false, code: 'VOTE_CLOSED', message: '这次表决已取消' }
  return { ok: false, code: 'VOTE_CLOSED', message: '投票已截止，不能再投票' }
}

/** The day-before reminder is due once the closing time is less than a day away. */
export const REMINDER_HOURS_BEFORE_CLOSE = 24
