import { responsiblePartyLabels } from '../../domain/councils/kinds.js'
import { isOwnerRule } from '../../domain/votes/kinds.js'
import {
  ADVISORY_NOTE,
  electorateKindLabels,
  votePhaseLabels,
  voteRuleDescription,
  voteRuleLabels,
  voteStatusLabels,
  votingUnitLabels,
} from '../../domain/votes/labels.js'
import { votePhase } from '../../domain/votes/lifecycle.js'
import { outcomeLabels, type TallyResult } from '../../domain/votes/tally.js'
import type { ProposalRow, VoteBallotRow } from '../../db/schema/index.js'

/** Square metres for display (exact cents / 100); null when the rule does not weigh area. */
const m2 = (cents: number, weighs: boolean) => (weighs ? cents / 100 : null)

/** A tally as the API shows it: counts, areas and the plain-Chinese explanation — never who voted what. */
export function resultView(r: TallyResult, computedAt: string, final: boolean) {
  return {
    rule: r.rule,
    ruleLabel: voteRuleLabels[r.rule],
    advisory: isOwnerRule(r.rule),
    weighsArea: r.weighsArea,
    electorate: { count: r.electorate.count, areaM2: m2(r.electorate.areaCents, r.weighsArea) },
    participants: { count: r.participants.count, areaM2: m2(r.participants.areaCents, r.weighsArea) },
    options: r.options.map((o) => ({
      key: o.key,
      label: o.label,
      count: o.count,
      areaM2: m2(o.areaCents, r.weighsArea),
      adopted: o.adopted,
    })),
    participationMet: r.participationMet,
    passed: r.passed,
    outcome: r.outcome,
    outcomeLabel: outcomeLabels[r.outcome],
    adopted: r.adopted,
    explanation: r.explanation,
    final,
    computedAt,
  }
}

export function ballotView(
  p: Pick<ProposalRow, 'id' | 'options'>,
  b: Pick<VoteBallotRow, 'choices' | 'createdAt'>,
  householdId: string | null,
) {
  return {
    proposalId: p.id,
    choices: b.choices,
    labels: b.choices.map((c) => p.options.find((o) => o.key === c)?.label ?? c),
    householdId,
    castAt: b.createdAt.toISOString(),
  }
}

export interface ProposalRefs {
  topicTitle: string | null
  sessionTitle: string | null
  sessionStartsAt: Date | null
}

export function toProposalSummary(p: ProposalRow, refs: ProposalRefs, voted: boolean, now: Date) {
  const phase = votePhase(p, now)
  const out = p.result && (p.status === 'closed' || p.status === 'published') ? p.result.outcome : null
  return {
    id: p.id,
    communityId: p.communityId,
    title: p.title,
    topic: p.topicId && refs.topicTitle !== null ? { id: p.topicId, title: refs.topicTitle } : null,
    session:
      p.sessionId && refs.sessionTitle !== null && refs.sessionStartsAt
        ? { id: p.sessionId, title: refs.sessionTitle, startsAt: refs.sessionStartsAt.toISOString() }
        : null,
    status: p.status,
    statusLabel: voteStatusLabels[p.status],
    phase,
    phaseLabel: votePhaseLabels[phase],
    optionKind: p.optionKind,
    rule: p.rule,
    ruleLabel: voteRuleLabels[p.rule],
    unit: p.unit,
    unitLabel: votingUnitLabels[p.unit],
    electorateKind: p.electorateKind,
    electorateLabel: electorateKindLabels[p.electorateKind],
    advisory: isOwnerRule(p.rule),
    opensAt: p.opensAt.toISOString(),
    closesAt: p.closesAt.toISOString(),
    closedAt: p.closedAt?.toISOString() ?? null,
    publicUntil: p.publicUntil?.toISOString() ?? null,
    outcome: out,
    outcomeLabel: out ? outcomeLabels[out] : null,
    viewer: { voted },
    createdAt: p.createdAt.toISOString(),
  }
}

export function proposalFacts(p: ProposalRow) {
  return {
    text: p.body,
    options: p.options,
    maxChoices: p.maxChoices,
    ruleDescription: voteRuleDescription(p.rule, p.quorumPercent, p.optionKind),
    quorumPercent: p.quorumPercent,
    advisoryNote: isOwnerRule(p.rule) ? ADVISORY_NOTE : null,
    publishDays: p.publishDays,
    liveResults: p.liveResults,
    cancelReason: p.cancelReason,
    onApproval: p.onApproval
      ? {
          responsibleParty: p.onApproval.responsibleParty,
          responsiblePartyLabel: responsiblePartyLabels[p.onApproval.responsibleParty],
          responsibleName: p.onApproval.responsibleName,
          deadline: p.onApproval.deadline,
        }
      : null,
  }
}
