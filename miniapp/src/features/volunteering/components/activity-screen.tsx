import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { useActivity } from '../api/volunteering'

/**
 * One activity by the page's `id`, refreshed on show and pull-down, for the resident's detail and the
 * staff roster alike; `fallback` is the screen to show until it is there (skeleton, 找不到, error).
 */
export function useActivityScreen(testId: string) {
  const id = useRouter().params.id
  const activity = useActivity(id)
  useDidShow(() => void activity.refetch())
  usePullDownRefresh(async () => {
    await activity.refetch()
    Taro.stopPullDownRefresh()
  })
  const fallback = activity.data ? null : (
    <Screen testId={testId}>
      {activity.error?.status === 404 || !id ? (
        <EmptyState icon='alert' text={activity.error?.message ?? t.volunteering.notFound} />
      ) : activity.error ? (
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
      ) : (
        <SkeletonList count={2} lines={3} />
      )}
    </Screen>
  )
  return { activity: activity.data, fallback }
}
