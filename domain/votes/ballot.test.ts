import { describe, expect, it } from 'vitest'
import { canonicalChoices, checkChoices } from './ballot.js'
import { voteOptions } from './kinds.js'

const yesNo = { optionKind: 'yes_no' as const, options: voteOptions('yes_no'), maxChoices: 1 }
const pickTwo = { optionKind: 'choice' as const, options: voteOptions('choice', ['甲', '乙', '丙']), maxChoices: 2 }
const single = { ...pickTwo, maxChoices: 1 }

describe('checkChoices', () => {
  it.each([
    [yesNo, ['yes']],
    [yesNo, ['abstain']],
    [pickTwo, ['c1', 'c3']],
    [pickTwo, ['abstain']],
    [single, ['c2']],
  ])('accepts a valid ballot %#', (vote, choices) => {
    expect(checkChoices(vote, choices)).toBeNull()
  })

  it.each([
    [yesNo, [], '请选择一项'],
    [yesNo, ['maybe'], '没有这个选项：「maybe」'],
    [yesNo, ['yes', 'no'], '同意、反对、弃权只能选一项'],
    [pickTwo, ['c1', 'c2', 'c3'], '最多选 2 项'],
    [single, ['c1', 'c2'], '这是单选，只能选一项'],
    [pickTwo, ['c1', 'c1'], '同一个选项只能选一次'],
    [pickTwo, ['c1', 'abstain'], '选择弃权时不能再选其他选项'],
    [pickTwo, ['c4'], '没有这个选项：「c4」'],
  ])('refuses %#, naming the field', (vote, choices, message) => {
    expect(checkChoices(vote, choices)).toEqual({ field: 'choices', message })
  })

  it('stores choices in the vote’s option order', () => {
    expect(canonicalChoices(pickTwo.options, ['c3', 'c1'])).toEqual(['c1', 'c3'])
  })
})
