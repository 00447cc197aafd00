import { View, Button } from '@tarojs/components'
import { useState } from 'react'
import { Screen } from '@/components/screen'
import { StatusSheet } from '@/features/tracking/components/status-sheet'
import { useTrackedItemScreen } from '@/features/tracking/components/tracked-item-screen'
import { TrackedHead, TrackedUpdates } from '@/features/tracking/components/tracked-updates'
import { UpdateSheet } from '@/features/tracking/components/update-sheet'
import { t } from '@/i18n/zh-cn'
import '../../shell.scss'
import '@/features/tracking/components/tracking.scss'

/** 跟踪事项 (staff, the named worker or party): the item, 发布进展 with photos, 修改状态 (staff). */
export default function StaffTrackedItemPage() {
  const [sheet, setSheet] = useState<'update' | 'status' | null>(null)
  const { data, waiting } = useTrackedItemScreen('page-staff-tracked-item')
  if (!data) return waiting
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
