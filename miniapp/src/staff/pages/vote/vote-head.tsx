import { Button, Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { ProposalDetailData } from '@/features/votes/api/get-proposal'
import { AdvisoryTag, VotePhaseTag } from '@/features/votes/components/vote-tags'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { openVote, openVoteDraft } from '@/lib/routes'

/** The proposal's phase, title and a link to see it as residents do; then a note for a draft or a cancelled vote. */
export function StaffVoteHead({ proposal: p }: { proposal: ProposalDetailData }) {
  return (
    <>
      <View className='card staff-vote__head' data-testid='staff-vote-detail' data-status={p.status} data-phase={p.phase}>
        <View className='vote-head__tags'>
          <VotePhaseTag phase={p.phase} label={p.phaseLabel} />
          {p.advisory ? <AdvisoryTag /> : null}
        </View>
        <Text className='vote-head__title'>{p.title}</Text>
        <View
          className='staff-vote__resident'
          hoverClass='cell--hover'
          onClick={() => void openVote(p.id)}
          data-testid='view-as-resident'
          {...a11y({ role: 'button' })}
        >
          <Icon name='eye' size={32} color={colors.info} />
          <Text>{t.staffVotes.viewAsResident}</Text>
          <Icon name='chevronRight' size={24} color={colors.info} />
        </View>
      </View>

      {p.status === 'draft' ? (
        <View className='notice notice--brand' data-testid='draft-hint'>
          <Icon name='edit' size={44} color={colors.brand} />
          <View className='notice__body'>
            <View className='notice__desc'>{t.staffVotes.draftHint}</View>
            <Button
              className='btn btn--plain btn--small staff-vote__edit'
              hoverClass='btn--hover'
              data-testid='edit-draft'
              onClick={() => void openVoteDraft(p.id)}
            >
              {t.staffVotes.editDraft}
            </Button>
          </View>
        </View>
      ) : null}
      {p.status === 'cancelled' && p.cancelReason ? (
        <View className='notice notice--danger' data-testid='vote-cancelled'>
          <Icon name='xCircle' size={44} color={colors.danger} />
          <View className='notice__body'>
            <View className='notice__title'>{t.votes.cancelled}</View>
            <View className='notice__desc'>{t.votes.cancelReason(p.cancelReason)}</View>
          </View>
        </View>
      ) : null}
    </>
  )
}
