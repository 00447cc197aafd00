import { Text } from '@tarojs/components'
import { Screen } from '@/components/screen'
import { useTrackedItemScreen } from '@/features/tracking/components/tracked-item-screen'
import { TrackedHead, TrackedUpdates } from '@/features/tracking/components/tracked-updates'
import { t } from '@/i18n/zh-cn'
import './index.scss'

/**
 * 决议进展 for a resident: what the council decided, who is responsible (a party, never a person),
 * by when, how far it is, and every update with its photos. Read-only.
 */
export default function TrackedItemPage() {
  const { data, waiting } = useTrackedItemScreen('page-tracked-item')
  if (!data) return waiting
  return (
    <Screen testId='page-tracked-item' className='tracked-page'>
      <TrackedHead item={data} />
      <TrackedUpdates item={data} />
      <Text className='tracked-page__note'>{t.tracking.readOnly}</Text>
    </Screen>
  )
}
