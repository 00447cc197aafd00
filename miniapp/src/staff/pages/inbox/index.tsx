import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { useInbox, type InboxFilter } from '@/features/concerns/api/get-inbox'
import { ConcernCard, ConcernListSkeleton } from '@/features/concerns/components/concern-card'
import { useMe } from '@/features/me/api/get-me'
import { workbenchCommunities } from '@/features/me/workbench'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { openStaffConcern } from '@/lib/routes'
import '../../shell.scss'
import './index.scss'

const filterChips = (keys: readonly InboxFilter[]) => keys.map((key) => ({ key, label: t.inbox.filters[key] }))
const staffFilters = filterChips(['all', 'submitted', 'in_progress', 'overdue', 'mine'])
/** A partner only ever sees what was assigned to it: 待受理 and 派给我 would say nothing new. */
const partnerFilters = filterChips(['all', 'in_progress', 'overdue'])

/** 诉求工单: every concern of the community for its workers; a partner sees those assigned to it. */
export default function InboxPage() {
  const router = useRouter()
  const me = useMe()
  const communities = workbenchCommunities(me.data)
  const [chosen, setChosen] = useState<string | undefined>(router.params.communityId || undefined)
  const current = communities.find((c) => c.communityId === chosen) ?? communities[0]
  const [filter, setFilter] = useState<InboxFilter>('all')
  const inbox = useInbox(current?.communityId, filter)

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), inbox.refresh()])
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(inbox)

  if (me.loading) {
    return (
      <Screen testId='page-inbox'>
        <SkeletonList count={3} lines={2} />
      </Screen>
    )
  }
  if (me.error && !me.data) {
    return (
      <Screen testId='page-inbox'>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Screen>
    )
  }
  if (!current) {
    return (
      <Screen testId='page-inbox'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-inbox' className='staff inbox'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='inbox' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.inbox.title}</Text>
          <Text className='staff-head__desc'>
            {current.orgName ? `${current.communityName} · ${current.orgName}` : current.communityName}
          </Text>
        </View>
      </View>

      {communities.length > 1 ? (
        <View className='staff-communities' {...a11y({ role: 'tablist' })}>
          {communities.map((c) => (
            <View
              key={c.communityId}
              className={cx('staff-chip', c.communityId === current.communityId && 'staff-chip--active')}
              onClick={() => setChosen(c.communityId)}
              {...a11y({ role: 'tab', selected: c.communityId === current.communityId })}
            >
              {c.communityName}
            </View>
          ))}
        </View>
      ) : null}

      <Chips
        items={current.kind === 'staff' ? staffFilters : partnerFilters}
        value={filter}
        onChange={setFilter}
        testIdPrefix='filter'
        scroll
        className='inbox-filters'
      />

      <PagedList
        list={inbox}
        testId='inbox-list'
        skeleton={<ConcernListSkeleton />}
        empty={<EmptyState icon={filter === 'submitted' || filter === 'overdue' ? 'checkCircle' : 'inbox'} text={t.inbox.empty[filter]} />}
      >
        {(items) => items.map((c) => <ConcernCard key={c.id} concern={c} staff onClick={() => void openStaffConcern(c.id)} />)}
      </PagedList>
    </Screen>
  )
}
