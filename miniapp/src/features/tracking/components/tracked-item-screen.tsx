import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import type { ReactElement } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { type TrackedItemData, useTrackedItem } from '../api/get-tracked-item'

/**
 * The tracked item a page shows (its `id` in the route), read again when the page shows and on
 * pull-down; until it is there, the screen to show instead: 找不到 (no id, 404 or 403), the error
 * with 重试, or a skeleton. Shared by the resident's 决议进展 and the staff's 跟踪事项.
 */
export function useTrackedItemScreen(testId: string): { data: TrackedItemData; waiting: null } | { data: null; waiting: ReactElement } {
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
  if (data && id) return { data, waiting: null }
  const missing = !id || (item.error && (item.error.status === 404 || item.error.status === 403))
  return {
    data: null,
    waiting: (
      <Screen testId={testId}>
        {missing ? (
          <EmptyState icon='alert' text={t.tracking.notFound} />
        ) : item.error ? (
          <ErrorState error={item.error} onRetry={() => void item.refetch()} />
        ) : (
          <SkeletonList count={2} lines={3} />
        )}
      </Screen>
    ),
  }
}
