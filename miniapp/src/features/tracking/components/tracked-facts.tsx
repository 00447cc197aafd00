import { View, Text } from '@tarojs/components'
import type { TrackedStatus } from '@domain/tracking/items.js'
import { ProgressBar, type ProgressTone } from '@/components/progress-bar'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { formatDay } from '@/lib/format'
import type { TrackedItemSummaryData } from '../api/get-tracked-items'
import './tracking.scss'

const statusTone: Record<TrackedStatus, TagTone> = { not_started: 'neutral', in_progress: 'info', done: 'success', shelved: 'warning' }
const barTone: Record<TrackedStatus, ProgressTone> = { not_started: 'neutral', in_progress: 'brand', done: 'success', shelved: 'neutral' }

/** Where an item comes from: a session's resolution, a vote, or a 项目清单 project. */
export function sourceLabel(source: TrackedItemSummaryData['source']): string {
  if (source.kind === 'project') return t.tracking.fromProject(source.title)
  return source.sessionTitle ? t.tracking.fromSession(source.sessionTitle) : t.tracking.fromVote
}

/** Status (and 已逾期) as tags. */
export function TrackedTags({ item }: { item: Pick<TrackedItemSummaryData, 'status' | 'statusLabel' | 'overdue'> }) {
  return (
    <View className='tracked-tags'>
      <Tag tone={statusTone[item.status]} testId='tracked-status' data={{ status: item.status }}>
        {item.statusLabel}
      </Tag>
      {item.overdue ? (
        <Tag tone='danger' testId='tracked-overdue'>
          {t.tracking.overdue}
        </Tag>
      ) : null}
    </View>
  )
}

/** The progress bar of an item. */
export function TrackedProgress({ item }: { item: Pick<TrackedItemSummaryData, 'status' | 'progress'> }) {
  return (
    <ProgressBar percent={item.progress} label={t.tracking.progress(item.progress)} tone={barTone[item.status]} testId='tracked-progress' />
  )
}

/** Responsible party and deadline, one line each. */
export function TrackedMeta({ item }: { item: Pick<TrackedItemSummaryData, 'partyLabel' | 'deadline'> }) {
  return (
    <View className='tracked-meta'>
      <Text>
        {t.tracking.party}：{item.partyLabel}
      </Text>
      <Text>
        {t.tracking.deadline}：{formatDay(item.deadline)}
      </Text>
    </View>
  )
}
