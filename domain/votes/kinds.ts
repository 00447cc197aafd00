import * as z from 'zod'

/**
 * What a vote (表决) is made of: its rule, who may vote (the electorate), what one ballot stands
 * for (a resident or a household) and what can be chosen. Pure vocabulary shared by the API
 * schemas, the tally and the mini-program.
 */

/** The four rules of docs/product.md's "Vote rules" table. */
export const voteRules = ['simple_majority', 'council', 'owners_ordinary', 'owners_major'] as const
export const VoteRule = /*#__PURE__*/ z.enum(voteRules, {
  error: '请选择表决规则：简单多数、议事会规则、业主共同决定（一般事项或重大事项）',
})
export type VoteRule = z.infer<typeof VoteRule>

/** Owner votes (民法典 278) weigh households by area and number; in the app they are advisory. */
export const ownerRules: readonly VoteRule[] = ['owners_ordinary', 'owners_major']
export function isOwnerRule(rule: VoteRule): boolean {
  return ownerRules.includes(rule)
}

/** Who may vote: the session's checked-in attendees, the community's verified residents, or the households of chosen buildings/units. */
export const electorateKinds = ['attendees', 'residents', 'households'] as const
export const ElectorateKind = /*#__PURE__*/ z.enum(electorateKinds, {
  error: '请选择投票范围：到会居民、本社区认证居民或指定楼栋/单元的住户',
})
export type ElectorateKind = z.infer<typeof ElectorateKind>

/** One ballot per resident, or one per household (cast by any verified member). */
export const votingUnits = ['resident', 'household'] as const
export const VotingUnit = /*#__PURE__*/ z.enum(votingUnits, { error: '请选择计票单位：每人一票或每户一票' })
export type VotingUnit = z.infer<typeof VotingUnit>

/** Yes/no/abstain, or 2–10 choices (single or multiple with a maximum). */
export const optionKinds = ['yes_no', 'choice'] as const
export const OptionKind = /*#__PURE__*/ z.enum(optionKinds)
export type OptionKind = z.infer<typeof OptionKind>

export const MIN_CHOICES = 2
export const MAX_CHOICES = 10
/** Days a result stays published (公示); 0 means the result is closed without a public notice period. */
export const MAX_PUBLISH_DAYS = 30
export const DEFAULT_PUBLISH_DAYS = 7
/** The longest a vote may stay open. */
export const MAX_VOTE_DAYS = 60

/** Every vote has an abstain option; it counts as taking part, never as approval. */
export const ABSTAIN = 'abstain'
export const YES = 'yes'
export const NO = 'no'

export interface VoteOption {
  key: string
  label: string
}

/** The options of a vote, abstain last. Choice keys are c1…c10 in the order given. */
export function voteOptions(kind: OptionKind, choiceLabels: readonly string[] = []): VoteOption[] {
  if (kind === 'yes_no') {
    return [
      { key: YES, label: '同意' },
      { key: NO, label: '反对' },
      { key: ABSTAIN, label: '弃权' },
    ]
  }
  return [...choiceLabels.map((label, i) => ({ key: `c${i + 1}`, label })), { key: ABSTAIN, label: '弃权' }]
}

/** The options that count as support: `yes` for yes/no votes, every choice for choice votes. */
export function supportKeys(kind: OptionKind, options: readonly VoteOption[]): string[] {
  return kind === 'yes_no' ? [YES] : options.filter((o) => o.key !== ABSTAIN).map((o) => o.key)
}
