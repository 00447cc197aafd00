import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { useProposals, type VoteStatusKey } from '@/features/votes/api/get-proposals'
import { ProposalCard, ProposalListSkeleton } from '@/features/votes/components/proposal-card'
import { t } from '@/i18n/zh-cn'
import { openStaffVote, openVoteForm } from '@/lib/routes'
import '../../shell.scss'
import './index.scss'

type Filter = 'all' | Extract<VoteStatusKey, 'draft' | 'open' | 'published'>

const filters: ReadonlyArray<{ key: Filter; label: string }> = [
  { key: 'all', label: t.staffVotes.filters.all },
  { key: 'draft', label: t.staffVotes.filters.draft },
  { key: 'open', label: t.staffVotes.filters.open },
  { key: 'published', label: t.staffVotes.filters.published },
]

/** 表决管理: the community's votes with drafts; 发起表决 at the top. */
export default function StaffVotesPage() {
  const router = useRouter()
  const communityId = router.params.communityId || undefined
  const [filter, setFilter] = useState<Filter>('all')
  const list = useProposals(communityId, { status: filter === 'all' ? undefined : filter })

  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })

  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(list)

  if (!communityId) {
    return (
      <Screen testId='page-staff-votes'>
        <EmptyState icon='alert' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-staff-votes' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='vote' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.staffVotes.title}</Text>
          <Text className='staff-head__desc'>{t.staffVotes.desc}</Text>
        </View>
      </View>

      <View className='staff-votes__bar'>
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='create-vote'
          onClick={() => void openVoteForm(communityId)}
        >
          <Icon name='plus' size={40} color={colors.white} />
          <Text className='staff-votes__create'>{t.staffVotes.create}</Text>
        </Button>
        <Chips
          items={filters}
          value={filter}
          onChange={setFilter}
          testIdPrefix='staff-vote-filter'
          scroll
          className='staff-votes__filters'
        />
      </View>

      <PagedList
        list={list}
        testId='vote-list'
        skeleton={<ProposalListSkeleton />}
        empty={<EmptyState icon='vote' text={t.staffVotes.empty} />}
      >
        {(items) => items.map((p) => <ProposalCard key={p.id} proposal={p} onClick={() => void openStaffVote(p.id)} />)}
      </PagedList>
    </Screen>
  )
}
