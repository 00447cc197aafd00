import { View, Text } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { PhotoGrid } from '@/components/photos/photo-grid'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { formatMoment } from '@/lib/format'
import { openProject } from '@/lib/routes'
import type { TrackedItemData } from '../api/get-tracked-item'
import { sourceLabel, TrackedMeta, TrackedProgress, TrackedTags } from './tracked-facts'
import './tracking.scss'

/** The head of an item page: the decision, where it came from, party, deadline, status and progress. */
export function TrackedHead({ item }: { item: TrackedItemData }) {
  return (
    <View className='card tracked-head' data-testid='tracked-head'>
      <TrackedTags item={item} />
      <Text className='tracked-head__title'>{item.source.title}</Text>
      <Text className='tracked-head__text' userSelect>
        {item.text}
      </Text>
      {item.source.projectId ? (
        <Text
          className='tracked-card__source tracked-head__link'
          data-testid='tracked-project-link'
          onClick={() => void openProject(item.source.projectId!)}
          {...a11y({ role: 'link' })}
        >
          {`${sourceLabel(item.source)} ›`}
        </Text>
      ) : (
        <Text className='tracked-card__source'>{sourceLabel(item.source)}</Text>
      )}
      <TrackedMeta item={item} />
      <TrackedProgress item={item} />
      {item.shelvedReason && item.status === 'shelved' ? (
        <Text className='tracked-head__reason' data-testid='tracked-shelved-reason'>
          {t.tracking.shelvedReason(item.shelvedReason)}
        </Text>
      ) : null}
      {item.concern ? <Text className='tracked-card__source'>{t.tracking.concern(item.concern.publicNo)}</Text> : null}
      {item.lastUpdateAt ? <Text className='tracked-card__source'>{t.tracking.lastUpdate(formatMoment(item.lastUpdateAt))}</Text> : null}
    </View>
  )
}

/** Every update, newest first: who (a role or an organisation, never a resident), what, the progress it left, photos. */
export function TrackedUpdates({ item }: { item: TrackedItemData }) {
  const updates = [...item.updates].reverse()
  return (
    <View className='card' data-testid='tracked-updates'>
      <Text className='card__title'>{t.tracking.updates}</Text>
      {updates.length === 0 ? (
        <EmptyState compact icon='list' text={t.tracking.noUpdates} testId='tracked-no-updates' />
      ) : (
        updates.map((u) => (
          <View key={u.id} className='tracked-update' data-testid='tracked-update'>
            <View className='tracked-update__head'>
              <Text className='tracked-update__by'>{u.byLabel}</Text>
              <Text className='tracked-update__time'>{formatMoment(u.createdAt)}</Text>
            </View>
            <Text className='tracked-update__note' userSelect>
              {u.note}
            </Text>
            <Text className='tracked-update__state'>
              {u.statusLabel} · {t.tracking.progress(u.progress)}
            </Text>
            {u.photos.length > 0 ? <PhotoGrid photos={u.photos} small testId='tracked-update-photos' /> : null}
          </View>
        ))
      )}
    </View>
  )
}
