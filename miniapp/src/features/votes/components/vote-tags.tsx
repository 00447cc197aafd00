import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import type { VotePhaseKey } from '../api/get-proposal'

const phaseTone: Record<VotePhaseKey, TagTone> = {
  draft: 'neutral',
  scheduled: 'info',
  voting: 'brand',
  counting: 'warning',
  closed: 'neutral',
  published: 'success',
  cancelled: 'neutral',
}

/** Where the vote stands as a person sees it (即将开始, 投票中, 结果公示 …); the label comes from the API. */
export function VotePhaseTag({ phase, label }: { phase: VotePhaseKey; label: string }) {
  return (
    <Tag tone={phaseTone[phase]} testId='vote-phase' data={{ phase }}>
      {label}
    </Tag>
  )
}

type Outcome = 'passed' | 'rejected' | 'no_quorum'
const outcomeTone: Record<Outcome, TagTone> = { passed: 'success', rejected: 'danger', no_quorum: 'warning' }

export function VoteOutcomeTag({ outcome, label }: { outcome: Outcome; label: string }) {
  return (
    <Tag tone={outcomeTone[outcome]} testId='vote-outcome' data={{ outcome }}>
      {label}
    </Tag>
  )
}

/** 参考性表决: owner votes in the app are advisory (docs/product.md, "Owner votes are advisory"). */
export function AdvisoryTag() {
  return (
    <Tag tone='warning' testId='advisory-badge'>
      {t.votes.advisory}
    </Tag>
  )
}
