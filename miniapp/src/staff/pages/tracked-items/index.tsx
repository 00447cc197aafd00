import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { trackedFilters, type TrackedFilter } from '@domain/tracking/items.js'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { Icon } from '@/components/icon'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { Screen } from '@/components/screen'
import { useTrackedItems } from '@/features/tracking/api/get-tracked-items'
import { TrackedCard, TrackedListSkeleton } from '@/features/tracking/components/tracked-card'
import { t } from '@/i18n/zh-cn'
import { staffTrackedItemUrl } from '@/lib/routes'
import '../../shell.scss'
import '@/features/tracking/components/tracking.scss'

const filters = trackedFilters.map((key) => ({ key, label: t.tracking.filters[key] }))

/** 决议跟踪 (staff): every resolution and approved vote of the community, filtered 全部 / 逾期 / by status. */
export default function StaffTrackedItemsPage() {
  const router = useRouter()
  const communityId = router.params.communityId || undefined
  const sessionId = router.params.sessionId || undefined
  const [filter, setFilter] = useState<TrackedFilter>('all')
  const list = useTrackedItems(communityId, filter, sessionId)

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
      <Screen testId='page-staff-tracked-items'>
        <EmptyState icon='alert' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-staff-tracked-items' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='checkCircle' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.tracking.titles.list}</Text>
          <Text className='staff-head__desc'>{t.tracking.listDesc}</Text>
        </View>
      </View>
      <View className='tracked-list__bar'>
        <Chips items={filters} value={filter} onChange={setFilter} testIdPrefix='tracked-filter' scroll />
      </View>
      <PagedList
        list={list}
        testId='tracked-list'
        skeleton={<TrackedListSkeleton />}
        empty={<EmptyState icon='checkCircle' text={filter === 'all' ? t.tracking.empty : t.tracking.emptyFilter} />}
      >
        {(items) =>
          items.map((item) => (
            <TrackedCard key={item.id} item={item} onClick={() => void Taro.navigateTo({ url: staffTrackedItemUrl(item.id) })} />
          ))
        }
      </PagedList>
    </Screen>
  )
}
