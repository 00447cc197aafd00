import { Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useTrackedItem } from '@/features/tracking/api/get-tracked-item'
import { TrackedHead, TrackedUpdates } from '@/features/tracking/components/tracked-updates'
import { t } from '@/i18n/zh-cn'
import './index.scss'

/**
 * 决议进展 for a resident: what the council decided, who is responsible (a party, never a person),
 * by when, how far it is, and every update with its photos. Read-only.
 */
export default function TrackedItemPage() {
  const id = useRouter().params.id || undefined
  const item = useTrackedItem(id)

  useDidShow(() => {
    if (id && !item.loading) void item.refetch()
  })
  usePullDownRefresh(async () => {
    await item.refetch()
    Taro.stopPullDownRefresh()
  })

  const data = item.data
  if (!id || (!data && item.error && (item.error.status === 404 || item.error.status === 403))) {
    return (
      <Screen testId='page-tracked-item'>
        <EmptyState icon='alert' text={t.tracking.notFound} />
      </Screen>
    )
  }
  if (!data) {
    return (
      <Screen testId='page-tracked-item'>
        {item.error ? <ErrorState error={item.error} onRetry={() => void item.refetch()} /> : <SkeletonList count={2} lines={3} />}
      </Screen>
    )
  }
  return (
    <Screen testId='page-tracked-item' className='tracked-page'>
      <TrackedHead item={data} />
      <TrackedUpdates item={data} />
      <Text className='tracked-page__note'>{t.tracking.readOnly}</Text>
    </Screen>
  )
}
