import { Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { NoticeLink } from '@/components/notice-link'
import { Screen } from '@/components/screen'
import { ConfirmSheet } from '@/features/votes/components/confirm-sheet'
import { ResultCard } from '@/features/votes/components/result-card'
import { VoteFacts } from '@/features/votes/components/vote-facts'
import { t } from '@/i18n/zh-cn'
import { openStaffVote } from '@/lib/routes'
import { askToSubscribe } from '@/lib/subscribe'
import { StateNotice } from './state-notice'
import { useVotePage } from './use-vote-page'
import { VoteAction } from './vote-action'
import { HouseholdStatus, TurnoutLive, VoteHead, VoteSkeleton } from './vote-sections'
import '@/features/votes/components/votes.scss'
import './index.scss'

/**
 * One vote for a resident: what is proposed, the rule in plain words, who may vote and until when;
 * big choices and a confirmation; afterwards 您已投票 with the choice; the result explained line by
 * line once it is out. Every other state (not yet open, closed, not on the roll, cancelled) says why.
 */
export default function VotePage() {
  const { id, proposal, me, pending, setPending, cast } = useVotePage()
  const p = proposal.data

  if (!id) {
    return (
      <Screen testId='page-vote'>
        <EmptyState icon='alert' text={t.votes.notFound} />
      </Screen>
    )
  }
  if (proposal.loading) return <VoteSkeleton />
  if (!p) {
    const error = proposal.error
    return (
      <Screen testId='page-vote'>
        {error && (error.status === 404 || error.status === 403) ? (
          <EmptyState icon='vote' text={t.votes.notFound} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void proposal.refetch()} />
        ) : null}
      </Screen>
    )
  }

  const household = p.unit === 'household'
  const staff = p.viewer.actions.length > 0 || !!me.data?.staffOf.includes(p.communityId)
  const verified = !!me.data?.households.some((h) => h.communityId === p.communityId)
  const action = <VoteAction proposal={p} verified={verified} staff={staff} onSubmit={setPending} />
  const ballotHere = p.viewer.canVote || !!p.viewer.myBallot
  const result = p.result ? (
    <ResultCard
      result={p.result}
      household={household}
      advisoryNote={p.advisoryNote}
      publicUntil={p.publicUntil}
      publishDays={p.publishDays}
    />
  ) : null

  return (
    <Screen testId='page-vote' className='vote-page'>
      <VoteHead proposal={p} />

      {p.phase === 'cancelled' ? (
        <StateNotice
          tone='danger'
          icon='xCircle'
          title={t.votes.cancelled}
          desc={p.cancelReason ? t.votes.cancelReason(p.cancelReason) : undefined}
          testId='vote-cancelled'
        />
      ) : null}

      {/* Why this person cannot vote is said at once; the ballot comes after the rule and the window. */}
      {ballotHere ? null : action}

      {/* Once counted, the result is the news: it goes first. */}
      {p.result?.final ? result : null}

      {p.advisory && p.advisoryNote && !p.result ? (
        <View className='vote-advisory' data-testid='advisory-note'>
          <Icon name='info' size={40} color={colors.warning} />
          <Text>{p.advisoryNote}</Text>
        </View>
      ) : null}

      <VoteFacts proposal={p} />

      {household && p.viewer.inElectorate && (p.phase === 'voting' || p.phase === 'scheduled') ? (
        <HouseholdStatus viewer={p.viewer} />
      ) : null}

      {ballotHere ? action : null}

      {p.turnout && !p.result && p.phase !== 'cancelled' ? (
        <TurnoutLive participants={p.turnout.participants} electorate={p.turnout.electorate} household={household} />
      ) : null}

      {p.result && !p.result.final ? (
        result
      ) : !p.result && p.phase === 'voting' && !p.turnout ? (
        <View className='divider-text' data-testid='counts-hidden'>
          {t.votes.countsHidden}
        </View>
      ) : null}

      {staff ? (
        <NoticeLink
          icon='briefcase'
          title={t.votes.manage}
          onClick={() => void openStaffVote(p.id)}
          testId='open-staff-vote'
          className='vote-manage'
        />
      ) : null}

      {pending ? (
        <ConfirmSheet
          title={p.title}
          ballot={pending}
          busy={cast.loading}
          onConfirm={() => {
            askToSubscribe('vote')
            void cast.mutate(pending)
          }}
          onClose={() => !cast.loading && setPending(undefined)}
        />
      ) : null}
    </Screen>
  )
}
