import { View, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useTrackedItem } from '@/features/tracking/api/get-tracked-item'
import { StatusSheet } from '@/features/tracking/components/status-sheet'
import { TrackedHead, TrackedUpdates } from '@/features/tracking/components/tracked-updates'
import { UpdateSheet } from '@/features/tracking/components/update-sheet'
import { t } from '@/i18n/zh-cn'
import '../../shell.scss'
import '@/features/tracking/components/tracking.scss'

/** 跟踪事项 (staff, the named worker or party): the item, 发布进展 with photos, 修改状态 (staff). */
export default function StaffTrackedItemPage() {
  const id = useRouter().params.id || undefined
  const item = useTrackedItem(id)
  const [sheet, setSheet] = useState<'update' | 'status' | null>(null)

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
      <Screen testId='page-staff-tracked-item'>
        <EmptyState icon='alert' text={t.tracking.notFound} />
      </Screen>
    )
  }
  if (!data) {
    return (
      <Screen testId='page-staff-tracked-item'>
        {item.error ? <ErrorState error={item.error} onRetry={() => void item.refetch()} /> : <SkeletonList count={2} lines={3} />}
      </Screen>
    )
  }
  return (
    <Screen testId='page-staff-tracked-item' className='staff'>
      <TrackedHead item={data} />
      {data.viewer.canPostUpdate || data.viewer.canManage ? (
        <View className='tracked-actions'>
          {data.viewer.canPostUpdate ? (
            <Button className='btn btn--primary' hoverClass='btn--hover' data-testid='tracked-post' onClick={() => setSheet('update')}>
              {t.tracking.postUpdate}
            </Button>
          ) : null}
          {data.viewer.canManage ? (
            <Button
              className='btn btn--outline'
              hoverClass='btn--hover'
              data-testid='tracked-change-status'
              onClick={() => setSheet('status')}
            >
              {t.tracking.changeStatus}
            </Button>
          ) : null}
        </View>
      ) : null}
      <TrackedUpdates item={data} />
      {sheet === 'update' ? <UpdateSheet item={data} onClose={() => setSheet(null)} /> : null}
      {sheet === 'status' ? <StatusSheet item={data} onClose={() => setSheet(null)} /> : null}
    </Screen>
  )
}
