import type { ElectorateKind, OptionKind, VoteRule, VotingUnit } from './kinds.js'
import type { VotePhase, VoteStatus } from './lifecycle.js'

export const voteRuleLabels: Record<VoteRule, string> = {
  simple_majority: '简单多数',
  council: '议事会规则',
  owners_ordinary: '业主共同决定（一般事项）',
  owners_major: '业主共同决定（重大事项）',
}

/**
 * The rule in one plain sentence, shown before anyone votes. A multiple-choice vote says it in its
 * own words: each choice is counted on its own against those who took part, and every choice that
 * clears the bar is adopted (none may).
 */
export function voteRuleDescription(rule: VoteRule, quorumPercent?: number | null, optionKind: OptionKind = 'yes_no'): string {
  const choice = optionKind === 'choice'
  const votes = choice ? '某个选项的得票' : '同意票'
  const support = choice ? '某个选项的得票' : '同意'
  const none = choice ? '；没有选项达到的，不通过' : ''
  switch (rule) {
    case 'simple_majority':
      return `${quorumPercent ? `至少 ${quorumPercent}% 的投票人参与，` : ''}${votes}超过投票总数的一半${choice ? '，该选项' : ''}即通过（弃权计入投票总数）${none}`
    case 'council':
      return `至少 2/3 的投票人参与，${support}超过参与人数的一半即通过${none}`
    case 'owners_ordinary':
      return `专有部分面积占 2/3 以上且户数占 2/3 以上的业主参与；${support}的面积和户数均超过参与的一半即通过（民法典第二百七十八条）${none}`
    case 'owners_major':
      return `专有部分面积占 2/3 以上且户数占 2/3 以上的业主参与；${support}的面积和户数均达到参与的 3/4 以上即通过（民法典第二百七十八条第六至八项）${none}`
  }
}

export const electorateKindLabels: Record<ElectorateKind, string> = {
  attendees: '到会签到的居民',
  residents: '本社区认证居民',
  households: '指定楼栋/单元的住户',
}

export const votingUnitLabels: Record<VotingUnit, string> = {
  resident: '每人一票',
  household: '每户一票',
}

export const optionKindLabels: Record<OptionKind, string> = {
  yes_no: '同意 / 反对 / 弃权',
  choice: '选择题',
}

export const voteStatusLabels: Record<VoteStatus, string> = {
  draft: '草稿',
  open: '已发布',
  closed: '已结束',
  published: '结果公示',
  cancelled: '已取消',
}

export const votePhaseLabels: Record<VotePhase, string> = {
  draft: '草稿',
  scheduled: '即将开始',
  voting: '投票中',
  counting: '已截止，待计票',
  closed: '已结束',
  published: '结果公示',
  cancelled: '已取消',
}

/**
 * Why owner votes in the app are advisory (docs/product.md, "Owner votes are advisory"): a binding owners' decision under 民法典 278
 * needs the city's own procedure or e-voting system. Shown on the screen beside every owner vote.
 */
export const ADVISORY_NOTE =
  '参考性表决：本次业主表决在邻里议事小程序中进行，结果仅供参考，不等同于依法作出的业主共同决定；具有法律效力的表决须通过所在城市的业主电子投票系统或法定程序进行。'
