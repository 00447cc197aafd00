import { describe, expect, it } from 'vitest'
import { availableVoteActions, checkBallotWindow, checkVoteTransition, votePhase, type VoteStatus } from './lifecycle.js'

const opensAt = new Date('2026-12-01T00:00:00Z')
const closesAt = new Date('2026-12-08T00:00:00Z')
const before = new Date('2026-11-30T00:00:00Z')
const during = new Date('2026-12-04T00:00:00Z')
const after = new Date('2026-12-09T00:00:00Z')
const vote = (status: VoteStatus, publishDays = 7) => ({ status, opensAt, closesAt, publishDays })

describe('vote transitions', () => {
  it('lets staff open a draft whose closing time is ahead, not one already past', () => {
    expect(checkVoteTransition('open', vote('draft'), 'staff', before)).toEqual({ ok: true, to: 'open' })
    expect(checkVoteTransition('open', vote('draft'), 'staff', after)).toMatchObject({
      ok: false,
      code: 'INPUT_MISSING',
      field: 'closesAt',
    })
    expect(checkVoteTransition('open', vote('open'), 'staff', before)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' })
    expect(checkVoteTransition('open', vote('draft'), 'system', before)).toMatchObject({ ok: false, code: 'ROLE_NOT_ALLOWED' })
  })

  it('publishes the result at close when there is a notice period, and simply closes without one', () => {
    expect(checkVoteTransition('close', vote('open'), 'staff', during)).toEqual({ ok: true, to: 'published' })
    expect(checkVoteTransition('close', vote('open', 0), 'staff', during)).toEqual({ ok: true, to: 'closed' })
  })

  it('lets staff close early once voting started, the scheduled job only after the closing time', () => {
    expect(checkVoteTransition('close', vote('open'), 'staff', before)).toMatchObject({ ok: false })
    expect(checkVoteTransition('close', vote('open'), 'system', during)).toMatchObject({ ok: false })
    expect(checkVoteTransition('close', vote('open'), 'system', closesAt)).toEqual({ ok: true, to: 'published' })
    expect(checkVoteTransition('close', vote('published'), 'staff', after)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' })
  })

  it('cancels a draft or an open vote with a reason, nothing after it closed', () => {
    expect(checkVoteTransition('cancel', vote('open'), 'staff', during, { reason: '方案需要修改' })).toEqual({ ok: true, to: 'cancelled' })
    expect(checkVoteTransition('cancel', vote('open'), 'staff', during)).toMatchObject({ ok: false, field: 'reason' })
    expect(checkVoteTransition('cancel', vote('closed'), 'staff', after, { reason: '方案需要修改' })).toMatchObject({ ok: false })
  })

  it('offers staff the buttons that apply now', () => {
    expect(availableVoteActions(vote('draft'), before)).toEqual(['open', 'cancel'])
    expect(availableVoteActions(vote('open'), before)).toEqual(['cancel'])
    expect(availableVoteActions(vote('open'), during)).toEqual(['close', 'cancel'])
    expect(availableVoteActions(vote('published'), after)).toEqual([])
  })
})

describe('the ballot window', () => {
  it('takes ballots from the opening time until (not at) the closing time', () => {
    expect(checkBallotWindow(vote('open'), opensAt)).toEqual({ ok: true })
    expect(checkBallotWindow(vote('open'), before)).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' })
    expect(checkBallotWindow(vote('open'), closesAt)).toMatchObject({ ok: false, code: 'VOTE_CLOSED' })
    expect(checkBallotWindow(vote('draft'), during)).toMatchObject({ ok: false, code: 'VOTE_NOT_OPEN' })
    expect(checkBallotWindow(vote('published'), after)).toMatchObject({ ok: false, code: 'VOTE_CLOSED' })
    expect(checkBallotWindow(vote('cancelled'), during)).toMatchObject({ ok: false, code: 'VOTE_CLOSED' })
  })

  it('names the phase a person sees', () => {
    expect(votePhase(vote('open'), before)).toBe('scheduled')
    expect(votePhase(vote('open'), during)).toBe('voting')
    expect(votePhase(vote('open'), after)).toBe('counting')
    expect(votePhase(vote('published'), after)).toBe('published')
  })
})
