import { View, Text } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { SkeletonBox } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { ProposalSummaryData } from '../api/get-proposals'
import { voteMoment } from '../format'
import { AdvisoryTag, VoteOutcomeTag, VotePhaseTag } from './vote-tags'
import './votes.scss'

/** When it matters for this phase: opens, closes, or ended. */
function whenLine(p: ProposalSummaryData): string {
  if (p.phase === 'scheduled' || p.phase === 'draft') return t.votes.opensAt(voteMoment(p.opensAt))
  if (p.phase === 'voting') return t.votes.closesAt(voteMoment(p.closesAt))
  return t.votes.endedAt(voteMoment(p.closedAt ?? p.closesAt))
}

/** One vote in a list: phase, title, rule and unit, when it closes, my ballot, the outcome. */
export function ProposalCard({ proposal: p, onClick }: { proposal: ProposalSummaryData; onClick: () => void }) {
  return (
    <View
      className='vote-card'
      hoverClass='vote-card--hover'
      onClick={onClick}
      data-testid='vote-card'
      data-proposal-id={p.id}
      data-phase={p.phase}
      {...a11y({ role: 'button' })}
    >
      <View className='vote-card__head'>
        <View className='vote-card__tags'>
          <VotePhaseTag phase={p.phase} label={p.phaseLabel} />
          {p.advisory ? <AdvisoryTag /> : null}
        </View>
        {p.viewer.voted ? (
          <View className='vote-card__voted' data-testid='vote-card-voted'>
            <Icon name='checkCircle' size={32} color={colors.success} />
            <Text>{t.votes.votedTag}</Text>
          </View>
        ) : null}
      </View>
      <Text className='vote-card__title'>{p.title}</Text>
      {p.topic ? (
        <Text className='vote-card__topic'>
          {t.votes.fromSession}：{p.topic.title}
        </Text>
      ) : null}
      <View className='vote-card__meta'>
        <Text>
          {p.ruleLabel} · {p.unitLabel}
        </Text>
      </View>
      <View className='vote-card__foot'>
        <View className='vote-card__when'>
          <Icon name='clock' size={28} color={colors.text3} />
          <Text>{whenLine(p)}</Text>
        </View>
        {p.outcome && p.outcomeLabel ? (
          <VoteOutcomeTag outcome={p.outcome} label={p.outcomeLabel} />
        ) : p.status === 'draft' ? (
          <Tag tone='neutral'>{p.statusLabel}</Tag>
        ) : null}
      </View>
    </View>
  )
}

export function ProposalListSkeleton({ count = 3 }: { count?: number }) {
  return (
    <View data-testid='skeleton'>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cards, all alike, never reordered
        <View key={i} className='vote-card' aria-hidden>
          <SkeletonBox width={160} height={44} />
          <SkeletonBox width='80%' height={40} className='skeleton--line' />
          <SkeletonBox width='50%' className='skeleton--line' />
          <SkeletonBox width='60%' className='skeleton--line' />
        </View>
      ))}
    </View>
  )
}
