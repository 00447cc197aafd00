import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { CANCEL_REASON_MAX, CANCEL_REASON_MIN } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { ReasonSheet } from '@/features/councils/components/reason-sheet'
import { useActOnProposal } from '@/features/votes/api/act-on-proposal'
import { useParticipation, type ParticipationFilter } from '@/features/votes/api/get-participation'
import { useProposal, type VoteActionKey } from '@/features/votes/api/get-proposal'
import { ResultCard } from '@/features/votes/components/result-card'
import { VoteFacts } from '@/features/votes/components/vote-facts'
import { AdvisoryTag, VotePhaseTag } from '@/features/votes/components/vote-tags'
import { percent } from '@/features/votes/format'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { cx } from '@/lib/format'
import { openVote } from '@/lib/routes'
import '@/features/votes/components/votes.scss'
import '../../shell.scss'
import './index.scss'

const filters: ReadonlyArray<{ key: ParticipationFilter; label: string }> = [
  { key: 'all', label: t.staffVotes.filter.all },
  { key: 'no', label: t.staffVotes.filter.no },
  { key: 'yes', label: t.staffVotes.filter.yes },
]

/**
 * 管理表决: publish the draft, close and count, or cancel with a reason; who (or which household)
 * has voted — never how — so the rest can be reminded; the result once counted.
 */
export default function StaffVotePage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const proposal = useProposal(id)
  const p = proposal.data
  const [filter, setFilter] = useState<ParticipationFilter>('all')
  const onRoll = !!p && p.status !== 'draft'
  const roll = useParticipation(onRoll ? id : undefined, filter)
  const [cancelling, setCancelling] = useState(false)
  const [cancelError, setCancelError] = useState<string>()
  const act = useActOnProposal({
    onSuccess: (_detail, body) => {
      setCancelling(false)
      void Taro.showToast({ title: t.staffVotes.done[body.action], icon: body.action === 'cancel' ? 'none' : 'success' })
    },
  })

  useDidShow(() => {
    void proposal.refetch()
  })

  usePullDownRefresh(async () => {
    await Promise.all([proposal.refetch(), roll.refresh()])
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(roll)

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

  const household = p.unit === 'household'
  const turnout = p.turnout
  const left = turnout ? turnout.electorate - turnout.participants : 0

  async function run(action: VoteActionKey) {
    if (action === 'cancel') {
      setCancelError(undefined)
      return setCancelling(true)
    }
    const { confirm } = await Taro.showModal({
      title: t.staffVotes.actions[action],
      content: action === 'open' ? t.staffVotes.openConfirm : t.staffVotes.closeConfirm,
      confirmText: t.common.confirm,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (confirm) void act.mutate({ proposalId: p!.id, body: { action } })
  }

  async function cancel(reason: string) {
    try {
      await act.mutateAsync({ proposalId: p!.id, body: { action: 'cancel', reason } })
    } catch (err) {
      if (err instanceof ApiError) setCancelError(err.message)
    }
  }

  return (
    <Screen testId='page-staff-vote' className={cx('staff', 'staff-vote', p.viewer.actions.length > 0 && 'staff-vote--with-bar')}>
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

      {p.result ? (
        <ResultCard
          result={p.result}
          household={household}
          advisoryNote={p.advisoryNote}
          publicUntil={p.publicUntil}
          publishDays={p.publishDays}
        />
      ) : null}

      {onRoll && p.status !== 'cancelled' ? (
        <View className='card staff-vote__roll' data-testid='participation'>
          <View className='vote-section__head'>
            <Text className='vote-section__title'>{t.staffVotes.participation}</Text>
            {turnout ? (
              <Text
                className='staff-vote__count'
                data-testid='participation-count'
                data-participants={turnout.participants}
                data-electorate={turnout.electorate}
              >
                {t.votes.turnout(turnout.participants, turnout.electorate, percent(turnout.participants, turnout.electorate), household)}
              </Text>
            ) : null}
          </View>
          {turnout ? (
            <View className='vote-bar__track'>
              <View
                className='vote-bar__fill vote-bar__fill--adopted'
                style={{ width: `${percent(turnout.participants, turnout.electorate)}%` }}
              />
            </View>
          ) : null}
          <Text className='staff-vote__hint'>
            {t.staffVotes.participationHint}
            {p.phase === 'voting' && turnout ? `。${left > 0 ? t.staffVotes.remind(left, household) : t.staffVotes.allVoted}` : ''}
          </Text>
          <Segmented items={filters} value={filter} onChange={setFilter} testIdPrefix='participation' className='staff-vote__filter' />
          <PagedList
            list={roll}
            testId='participation-list'
            compact
            showEnd={false}
            skeleton={
              <View data-testid='skeleton'>
                <SkeletonBox className='skeleton--line' />
                <SkeletonBox width='70%' className='skeleton--line' />
              </View>
            }
            empty={<EmptyState compact icon='users' text={t.staffVotes.participationEmpty[filter]} />}
          >
            {(items) =>
              items.map((e) => (
                <View key={e.electorId} className='staff-vote__row' data-testid='participation-row' data-voted={e.voted ? 'true' : 'false'}>
                  <Icon name={household ? 'home' : 'user'} size={36} color={colors.text3} />
                  <Text className='staff-vote__label'>{e.label}</Text>
                  <Tag tone={e.voted ? 'success' : 'neutral'}>{e.voted ? t.staffVotes.votedTag : t.staffVotes.notVotedTag}</Tag>
                </View>
              ))
            }
          </PagedList>
        </View>
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
          onClose={() => setCancelling(false)}
          testId='cancel-vote-sheet'
        />
      ) : null}
    </Screen>
  )
}
