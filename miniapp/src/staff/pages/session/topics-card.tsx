import { Text, View } from '@tarojs/components'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { SkeletonList } from '@/components/skeleton'
import type { TopicData } from '@/features/councils/api/book-topic'
import type { SessionDetailData } from '@/features/councils/api/get-session'
import { TopicItem } from '@/features/councils/components/my-topic'
import type { TopicDecision } from '@/features/councils/components/topic-decision-sheet'
import { t } from '@/i18n/zh-cn'
import type { ApiError } from '@/lib/api/client'

interface TopicsCardProps {
  session: SessionDetailData
  topics: TopicData[] | undefined
  loading: boolean
  error: ApiError | undefined
  onRetry: () => void
  onDecide: (topic: TopicData, decision: TopicDecision) => void
}

/** Every topic booked onto the session: the pending ones first, with 列入议程 / 顺延 / 不予采纳. */
export function TopicsCard({ session, topics, loading, error, onRetry, onDecide }: TopicsCardProps) {
  const pending = (topics ?? []).filter((tp) => tp.status === 'pending')
  const accepted = (topics ?? []).filter((tp) => tp.status === 'accepted').sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
  const other = (topics ?? []).filter((tp) => tp.status !== 'pending' && tp.status !== 'accepted')
  const groups: Array<{ key: keyof typeof t.staffSession.groups; items: TopicData[] }> = [
    { key: 'pending', items: pending },
    { key: 'accepted', items: accepted },
    { key: 'other', items: other },
  ]
  return (
    <View className='card staff-topics' data-testid='staff-topics'>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.staffSession.topics}</Text>
        {pending.length > 0 ? <Text className='tag tag--warning'>{t.staffSessions.pendingTopics(pending.length)}</Text> : null}
      </View>
      {loading ? (
        <SkeletonList count={2} lines={1} />
      ) : error && !topics ? (
        <ErrorState compact error={error} onRetry={onRetry} />
      ) : !topics || topics.length === 0 ? (
        <EmptyState compact icon='list' text={t.staffSession.topicsEmpty} />
      ) : (
        groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <View key={g.key} className='staff-topics__group' data-testid={`topics-${g.key}`}>
              <Text className='staff-topics__group-title'>{t.staffSession.groups[g.key]}</Text>
              {g.items.map((tp) => (
                <TopicItem
                  key={tp.id}
                  topic={tp}
                  staff
                  actions={(['accept', 'defer', 'decline'] as const)
                    .filter((a) => tp.actions.includes(a))
                    .filter((a) => a !== 'accept' || session.openSlots > 0)
                    .map((a) => ({
                      key: a,
                      label: t.staffSession[a],
                      tone: a === 'accept' ? 'primary' : a === 'decline' ? 'danger' : 'plain',
                      onClick: () => onDecide(tp, a),
                    }))}
                />
              ))}
            </View>
          ))
      )}
    </View>
  )
}
