import { ABSTAIN, type OptionKind, type VoteOption } from './kinds.js'

/**
 * Is a ballot's set of choices valid for the vote? Returns the problem in Chinese (naming the
 * field, `choices`) or null. Yes/no votes take exactly one of yes, no, abstain; choice votes take
 * one to `maxChoices` different choices, or abstain alone.
 */
export function checkChoices(
  vote: { optionKind: OptionKind; options: readonly VoteOption[]; maxChoices: number },
  choices: readonly string[],
): { field: 'choices'; message: string } | null {
  const problem = (message: string) => ({ field: 'choices' as const, message })
  if (!choices.length) return problem('请选择一项')
  const keys = new Set(vote.options.map((o) => o.key))
  const unknown = choices.filter((c) => !keys.has(c))
  if (unknown.length) return problem(`没有这个选项：${unknown.map((u) => `「${u}」`).join('、')}`)
  if (new Set(choices).size !== choices.length) return problem('同一个选项只能选一次')
  if (choices.includes(ABSTAIN) && choices.length > 1) return problem('选择弃权时不能再选其他选项')
  if (vote.optionKind === 'yes_no' && choices.length > 1) return problem('同意、反对、弃权只能选一项')
  if (vote.optionKind === 'choice' && choices.length > vote.maxChoices) {
    return problem(vote.maxChoices === 1 ? '这是单选，只能选一项' : `最多选 ${vote.maxChoices} 项`)
  }
  return null
}

/** Choices in the vote's option order (a ballot is stored and shown the same way however it was sent). */
export function canonicalChoices(options: readonly VoteOption[], choices: readonly string[]): string[] {
  const order = new Map(options.map((o, i) => [o.key, i]))
  return [...new Set(choices)].sort((a, b) => (order.get(a) ?? 99) - (order.get(b) ?? 99))
}
