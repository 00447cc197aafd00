import { describe, expect, it } from 'vitest'
import * as z from 'zod'
import { BallotInput, ParticipationPage, ProposalActionInput, ProposalDetail, ProposalInput, ProposalPage, VoteResult } from './votes.js'

const han = /\p{Script=Han}/u
const ID = '3f2b8c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'

const proposal = {
  title: '3号楼2单元加装电梯',
  text: '按楼层分摊费用，由物业牵头出具方案。',
  options: { kind: 'yes_no' },
  electorate: { kind: 'households', unitIds: [ID] },
  unit: 'household',
  rule: 'owners_major',
  opensAt: '2026-03-13T19:00:00+08:00',
  closesAt: '2026-03-20T19:00:00+08:00',
}

function issues(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input)
  expect(result.success).toBe(false)
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
}

describe('ProposalInput', () => {
  it('accepts an owners’ vote of a unit’s households and fills the defaults', () => {
    const parsed = ProposalInput.parse(proposal)
    expect(parsed).toMatchObject({
      publishDays: 7,
      liveResults: false,
      photoIds: [],
      electorate: { kind: 'households', buildingIds: [], unitIds: [ID] },
    })
  })

  it('accepts a multiple-choice vote and defaults to single choice', () => {
    const parsed = ProposalInput.parse({ ...proposal, rule: 'simple_majority', options: { kind: 'choice', choices: ['甲', '乙'] } })
    expect(parsed.options).toEqual({ kind: 'choice', choices: ['甲', '乙'], maxChoices: 1 })
  })

  it('names every field that is wrong, in Chinese', () => {
    const found = issues(ProposalInput, {
      ...proposal,
      title: 'a',
      unit: 'resident',
      electorate: { kind: 'residents' },
      quorumPercent: 40,
      closesAt: '2026-03-12T19:00:00+08:00',
      onApproval: { responsibleParty: 'community', deadline: '2026-04-01T00:00:00+08:00' },
    })
    expect(Object.keys(found).sort()).toEqual(['closesAt', 'electorate.kind', 'onApproval', 'quorumPercent', 'title', 'unit'])
    for (const m of Object.values(found)) expect(m).toMatch(han)
  })

  it('limits choices to 2–10, without repeats, and the maximum to their number', () => {
    const tooFew = issues(ProposalInput, {
      ...proposal,
      rule: 'council',
      unit: 'resident',
      electorate: { kind: 'residents' },
      options: { kind: 'choice', choices: ['甲'] },
    })
    expect(tooFew['options.choices']).toBe('至少 2 个选项')
    const tooMany = issues(ProposalInput, {
      ...proposal,
      rule: 'council',
      options: { kind: 'choice', choices: Array.from({ length: 11 }, (_, i) => `方案${i}`) },
    })
    expect(tooMany['options.choices']).toBe('最多 10 个选项')
    const max = issues(ProposalInput, { ...proposal, rule: 'council', options: { kind: 'choice', choices: ['甲', '乙'], maxChoices: 3 } })
    expect(max['options.maxChoices']).toBe('最多可选项数不能超过选项数')
  })
})

describe('other inputs', () => {
  it('needs a reason to cancel and knows only open, close and cancel', () => {
    expect(ProposalActionInput.parse({ action: 'close' })).toEqual({ action: 'close' })
    expect(issues(ProposalActionInput, { action: 'cancel' }).reason).toMatch(han)
    expect(ProposalActionInput.safeParse({ action: 'publish' }).success).toBe(false)
  })

  it('takes one or more option keys in a ballot', () => {
    expect(BallotInput.parse({ choices: ['yes'] })).toEqual({ choices: ['yes'] })
    expect(issues(BallotInput, { choices: [] }).choices).toBe('请选择一项')
    expect(issues(BallotInput, { choices: ['yes'], castBy: ID })).toHaveProperty('')
  })
})

describe('the reply schemas', () => {
  it('convert to JSON Schema for the OpenAPI document', () => {
    for (const schema of [ProposalDetail, ProposalPage, VoteResult, ParticipationPage]) {
      expect(() => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })).not.toThrow()
    }
  })
})
