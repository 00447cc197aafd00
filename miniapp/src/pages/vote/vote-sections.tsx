import { Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { PhotoGrid } from '@/components/photos/photo-grid'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import type { ProposalDetailData } from '@/features/votes/api/get-proposal'
import { AdvisoryTag, VotePhaseTag } from '@/features/votes/components/vote-tags'
import { percent, voteMoment } from '@/features/votes/format'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { openSession } from '@/lib/routes'

/** The proposal: phase, title, the session and topic it belongs to, its text and photos, what follows an approval. */
export function VoteHead({ proposal: p }: { proposal: ProposalDetailData }) {
  return (
    <View className='card vote-head' data-testid='vote-detail' data-phase={p.phase} data-status={p.status}>
      <View className='vote-head__tags'>
        <VotePhaseTag phase={p.phase} label={p.phaseLabel} />
        {p.advisory ? <AdvisoryTag /> : null}
      </View>
      <Text className='vote-head__title' data-testid='vote-title'>
        {p.title}
      </Text>
      {p.session ? (
        <View
          className='vote-head__session'
          hoverClass='cell--hover'
          onClick={() => void openSession(p.session!.id)}
          data-testid='vote-session'
          {...a11y({ role: 'button' })}
        >
          <Icon name='council' size={32} color={colors.info} />
          <Text>
            {p.session.title}
            {p.topic ? ` · ${p.topic.title}` : ''}
          </Text>
          <Icon name='chevronRight' size={24} color={colors.info} />
        </View>
      ) : null}
      <Text className='vote-head__text' userSelect data-testid='vote-text'>
        {p.text}
      </Text>
      <PhotoGrid photos={p.photos} />
      {p.onApproval ? (
        <Text className='vote-fact__desc' data-testid='vote-on-approval'>
          {t.votes.onApproval(p.onApproval.responsibleName ?? p.onApproval.responsiblePartyLabel, voteMoment(p.onApproval.deadline))}
        </Text>
      ) : null}
    </View>
  )
}

/** For a household vote: whether the viewer's household has voted yet, and which households are theirs. */
export function HouseholdStatus({ viewer }: { viewer: ProposalDetailData['viewer'] }) {
  return (
    <View className='notice notice--info' data-testid='household-status' data-voted={viewer.householdVoted ? 'true' : 'false'}>
      <Icon name='home' size={44} color={colors.info} />
      <View className='notice__body'>
        <View className='notice__title'>{viewer.householdVoted ? t.votes.householdVoted : t.votes.householdNotVoted}</View>
        {viewer.households.length ? <View className='notice__desc'>{viewer.households.map((h) => h.label).join('、')}</View> : null}
      </View>
    </View>
  )
}

/** How many have voted so far, while counts are shown during the vote. */
export function TurnoutLive({ participants, electorate, household }: { participants: number; electorate: number; household: boolean }) {
  const pct = percent(participants, electorate)
  return (
    <View className='card' data-testid='vote-turnout-live'>
      <View className='vote-section__head'>
        <Text className='vote-section__title'>{t.votes.turnoutLive}</Text>
      </View>
      <View className='vote-turnout'>
        <View className='vote-bar__track'>
          <View className='vote-bar__fill vote-bar__fill--adopted' style={{ width: `${pct}%` }} />
        </View>
        <Text className='vote-turnout__text'>{t.votes.turnout(participants, electorate, pct, household)}</Text>
      </View>
    </View>
  )
}

/** The vote page while the proposal loads. */
export function VoteSkeleton() {
  return (
    <Screen testId='page-vote' className='vote-page'>
      <View className='card' data-testid='skeleton'>
        <SkeletonBox width={160} height={44} />
        <SkeletonBox width='85%' height={52} className='skeleton--line' />
        <SkeletonBox className='skeleton--line' />
        <SkeletonBox width='70%' className='skeleton--line' />
      </View>
      <SkeletonList count={2} lines={2} avatar />
    </Screen>
  )
}
