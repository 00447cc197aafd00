import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '@/components/chips'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { NoticeLink } from '@/components/notice-link'
import { useMe } from '@/features/me/api/get-me'
import { useProposals, type VoteStatusKey } from '@/features/votes/api/get-proposals'
import { ProposalCard, ProposalListSkeleton } from '@/features/votes/components/proposal-card'
import { t } from '@/i18n/zh-cn'
import { openClaimForm, openStaffVotes, openVote } from '@/lib/routes'
import './index.scss'

type Filter = 'all' | Extract<VoteStatusKey, 'open' | 'published'>

const filters: ReadonlyArray<{ key: Filter; label: string }> = [
  { key: 'all', label: t.votes.filters.all },
  { key: 'open', label: t.votes.filters.open },
  { key: 'published', label: t.votes.filters.published },
]

/** 居民表决: the community's votes, newest first (or one agenda item's, with `topicId`). */
export default function VotesPage() {
  const router = useRouter()
  const topicId = router.params.topicId || undefined
  const me = useMe()
  const community = me.data?.memberships.find((m) => m.communityId === router.params.communityId) ?? me.data?.memberships[0]
  const isStaff = !!community && !!me.data?.staffOf.includes(community.communityId)
  const [filter, setFilter] = useState<Filter>('all')
  const list = useProposals(community?.communityId, { status: filter === 'all' ? undefined : filter, topicId })

  // Ballots and closings happen while the resident is elsewhere: refresh quietly on return.
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), list.refresh()])
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(list)

  if (me.loading || (me.error && !me.data)) {
    return (
      <Screen testId='page-votes'>
        {me.error ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : <ProposalListSkeleton />}
      </Screen>
    )
  }

  if (!community) {
    return (
      <Screen testId='page-votes'>
        <EmptyState
          icon='vote'
          text={t.votes.noCommunity}
          action={
            <Button className='btn btn--primary' hoverClass='btn--hover' onClick={() => void openClaimForm()}>
              {t.votes.noCommunityAction}
            </Button>
          }
        />
      </Screen>
    )
  }

  return (
    <Screen testId='page-votes'>
      {topicId ? (
        <Text className='votes-topic'>{t.votes.topicHead}</Text>
      ) : (
        <View className='votes-head'>
          <Chips items={filters} value={filter} onChange={setFilter} testIdPrefix='vote-filter' />
        </View>
      )}

      {isStaff ? (
        <NoticeLink
          icon='briefcase'
          title={t.votes.staffEntryAction}
          desc={t.votes.staffEntry}
          onClick={() => void openStaffVotes(community.communityId)}
          testId='open-staff-votes'
        />
      ) : null}

      <PagedList
        list={list}
        testId='vote-list'
        skeleton={<ProposalListSkeleton />}
        empty={<EmptyState icon='vote' text={topicId ? t.votes.emptyTopic : t.votes.empty[filter]} />}
      >
        {(items) => items.map((p) => <ProposalCard key={p.id} proposal={p} onClick={() => void openVote(p.id)} />)}
      </PagedList>
    </Screen>
  )
}
