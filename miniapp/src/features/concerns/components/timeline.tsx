import { View, Text } from '@tarojs/components'
import { concernEventLabels } from '@domain/concerns/labels.js'
import { EmptyState } from '@/components/empty-state'
import { PhotoGrid } from '@/components/photos/photo-grid'
import { t } from '@/i18n/zh-cn'
import { cx, formatMoment } from '@/lib/format'
import type { ConcernEventData } from '../api/get-concern'
import './timeline.scss'

/** Who did a step: the server names them as others may see them (「社区工作者 刘网格」, 「匿名居民」, 「我」); the role stands in for an empty name. */
export function actorText(actor: ConcernEventData['actor']): string {
  return actor.name || t.actorRoles[actor.role] || ''
}

/** Every step of a concern, newest first: what happened, who, when, their note and photos. */
export function Timeline({ events }: { events: readonly ConcernEventData[] }) {
  if (events.length === 0) return <EmptyState compact icon='clock' text={t.detail.noTimeline} />
  const newestFirst = [...events].sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
  return (
    <View className='timeline' data-testid='timeline'>
      {newestFirst.map((event, i) => (
        <View
          key={event.id}
          className={cx('timeline__item', i === 0 && 'timeline__item--latest')}
          data-testid='timeline-item'
          data-action={event.action}
        >
          <View className='timeline__rail'>
            <View className='timeline__dot' />
            {i < newestFirst.length - 1 ? <View className='timeline__line' /> : null}
          </View>
          <View className='timeline__content'>
            <View className='timeline__head'>
              <Text className='timeline__label'>{event.label || concernEventLabels[event.action] || event.action}</Text>
              <Text className='timeline__time'>{formatMoment(event.at)}</Text>
            </View>
            <Text className='timeline__actor'>{actorText(event.actor)}</Text>
            {event.note ? <Text className='timeline__note'>{event.note}</Text> : null}
            {event.photos.length > 0 ? (
              <View className='timeline__photos'>
                <PhotoGrid small photos={event.photos} testId='timeline-photos' />
              </View>
            ) : null}
          </View>
        </View>
      ))}
    </View>
  )
}
