import { Button, View } from '@tarojs/components'
import { CANCEL_REASON_MAX, CANCEL_REASON_MIN } from '@domain/limits.js'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { ReasonSheet } from '@/features/councils/components/reason-sheet'
import { ResultCard } from '@/features/votes/components/result-card'
import { VoteFacts } from '@/features/votes/components/vote-facts'
import { t } from '@/i18n/zh-cn'
import { cx } from '@/lib/format'
import { ParticipationCard } from './participation-card'
import { useStaffVote } from './use-staff-vote'
import { StaffVoteHead } from './vote-head'
import '@/features/votes/components/votes.scss'
import '../../shell.scss'
import './index.scss'

/**
 * 管理表决: publish the draft, close and count, or cancel with a reason; who (or which household)
 * has voted — never how — so the rest can be reminded; the result once counted.
 */
export default function StaffVotePage() {
  const { id, proposal, filter, setFilter, onRoll, roll, act, run, cancelling, cancelError, cancel, closeCancel } = useStaffVote()
  const p = proposal.data

  if (!id) {
    return (
      <Screen testId='page-staff-vote'>
        <EmptyState icon='alert' text={t.votes.notFound} />
      </Screen>
    )
  }
  if (proposal.loading) {
    return (
      <Screen testId='page-staff-vote'>
        <View className='card staff-vote__head' data-testid='skeleton'>
          <SkeletonBox width={160} height={44} />
          <SkeletonBox width='80%' height={48} className='skeleton--line' />
        </View>
        <SkeletonList count={3} lines={1} />
      </Screen>
    )
  }
  if (!p) {
    const error = proposal.error
    return (
      <Screen testId='page-staff-vote'>
        {error && (error.status === 404 || error.status === 403) ? (
          <EmptyState icon='vote' text={t.votes.notFound} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void proposal.refetch()} />
        ) : null}
      </Screen>
    )
  }

  return (
    <Screen testId='page-staff-vote' className={cx('staff', 'staff-vote', p.viewer.actions.length > 0 && 'staff-vote--with-bar')}>
      <StaffVoteHead proposal={p} />

      {p.result ? (
        <ResultCard
          result={p.result}
          household={p.unit === 'household'}
          advisoryNote={p.advisoryNote}
          publicUntil={p.publicUntil}
          publishDays={p.publishDays}
        />
      ) : null}

      {onRoll && p.status !== 'cancelled' ? (
        <ParticipationCard proposal={p} roll={roll} filter={filter} onFilter={setFilter} />
      ) : p.status === 'draft' ? (
        <View className='divider-text'>{t.staffVotes.rollAfterOpen}</View>
      ) : null}

      <VoteFacts proposal={p} />

      {p.viewer.actions.length > 0 ? (
        <View className='staff-vote__bar' data-testid='vote-action-bar'>
          {p.viewer.actions.map((action) => (
            <Button
              key={action}
              className={cx('btn', action === 'cancel' ? 'btn--danger' : 'btn--primary', 'staff-vote__btn')}
              hoverClass='btn--hover'
              disabled={act.loading}
              data-testid='vote-action'
              data-action={action}
              onClick={() => void run(action)}
            >
              {t.staffVotes.actions[action]}
            </Button>
          ))}
        </View>
      ) : null}

      {cancelling ? (
        <ReasonSheet
          title={t.staffVotes.cancelTitle}
          desc={t.staffVotes.cancelDesc}
          label={t.staffVotes.cancelLabel}
          placeholder={t.staffVotes.cancelPlaceholder}
          min={CANCEL_REASON_MIN}
          max={CANCEL_REASON_MAX}
          tooShort={t.staffVotes.cancelTooShort(CANCEL_REASON_MIN)}
          submitLabel={t.staffVotes.cancelSubmit}
          busy={act.loading}
          error={cancelError}
          onSubmit={(reason) => void cancel(reason)}
          onClose={closeCancel}
          testId='cancel-vote-sheet'
        />
      ) : null}
    </Screen>
  )
}
