import { describe, expect, it } from 'vitest'
import { voteRules } from './kinds.js'
import { voteRuleDescription } from './labels.js'

describe('voteRuleDescription', () => {
  it('says 同意 for a yes/no vote', () => {
    expect(voteRuleDescription('simple_majority')).toBe('同意票超过投票总数的一半即通过（弃权计入投票总数）')
    expect(voteRuleDescription('simple_majority', 30)).toMatch(/^至少 30% 的投票人参与，同意票/)
  })

  it.each(voteRules.map((rule) => ({ rule })))('explains a multiple-choice vote in its own words ($rule)', ({ rule }) => {
    const text = voteRuleDescription(rule, null, 'choice')
    expect(text).toContain('某个选项的得票')
    expect(text).toContain('没有选项达到的，不通过')
    expect(text).not.toContain('同意')
  })
})
