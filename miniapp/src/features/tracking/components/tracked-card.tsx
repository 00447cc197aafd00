import { View, Text } from '@tarojs/components'
import { SkeletonList } from '@/components/skeleton'
import { a11y } from '@/lib/a11y'
import type { TrackedItemSummaryData } from '../api/get-tracked-items'
import { sourceLabel, TrackedMeta, TrackedProgress, TrackedTags } from './tracked-facts'
import './tracking.scss'

/** One tracked item in a list: what was decided, by whom and when, how far it is. */
export function TrackedCard({ item, onClick }: { item: TrackedItemSummaryData; onClick: () => void }) {
  return (
    <View
      className='card tracked-card'
      hoverClass='cell--hover'
      onClick={onClick}
      data-testid='tracked-card'
      data-item-id={item.id}
      data-status={item.status}
      {...a11y({ role: 'button' })}
    >
      <TrackedTags item={item} />
      <Text className='tracked-card__text'>{item.text}</Text>
      <Text className='tracked-card__source'>{sourceLabel(item.source)}</Text>
      <TrackedMeta item={item} />
      <TrackedProgress item={item} />
    </View>
  )
}

export function TrackedListSkeleton() {
  return <SkeletonList count={3} lines={3} />
}
