import { View } from '@tarojs/components'
import { Cell } from '@/components/cell'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import type { IconName } from '@/components/icon-paths'
import { SkeletonBox } from '@/components/skeleton'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { formatDay } from '@/lib/format'
import {
  openConcern,
  openNotifications,
  openSession,
  openStaffClaims,
  openStaffInbox,
  openStaffSession,
  openStaffSessions,
  openStaffVote,
  openVote,
  switchToTab,
} from '@/lib/routes'
import type { ApiError } from '@/lib/api/client'
import type { TodoData, TodoEntry } from '../api/get-todo'
import './todo-card.scss'

type Kind = TodoEntry['kind']

const look: Record<Kind, { icon: IconName; tone: TagTone }> = {
  vote: { icon: 'vote', tone: 'brand' },
  rate: { icon: 'star', tone: 'brand' },
  session: { icon: 'calendar', tone: 'info' },
  claim: { icon: 'shieldCheck', tone: 'info' },
  notices: { icon: 'bell', tone: 'brand' },
  new_concerns: { icon: 'inbox', tone: 'brand' },
  overdue_concerns: { icon: 'alert', tone: 'danger' },
  pending_claims: { icon: 'userCheck', tone: 'info' },
  pending_topics: { icon: 'list', tone: 'info' },
  today_session: { icon: 'calendar', tone: 'success' },
  closing_vote: { icon: 'vote', tone: 'warning' },
}

/** Where a to-do opens: the thing itself, or the list a count counts. */
export function openTodo(item: TodoEntry) {
  const id = item.targetId ?? ''
  const community = item.communityId ?? undefined
  const open: Record<Kind, () => unknown> = {
    vote: () => openVote(id),
    rate: () => openConcern(id),
    session: () => openSession(id),
    claim: () => switchToTab('me'),
    notices: () => openNotifications(),
    new_concerns: () => openStaffInbox(community),
    overdue_concerns: () => openStaffInbox(community),
    pending_claims: () => openStaffClaims(community),
    pending_topics: () => openStaffSessions(community),
    today_session: () => openStaffSession(id),
    closing_vote: () => openStaffVote(id),
  }
  void open[item.kind]()
}

function describe(item: TodoEntry): string {
  if (!item.at) return item.subtitle
  const when = formatDay(item.at)
  const line =
    item.kind === 'vote' || item.kind === 'closing_vote'
      ? t.home.todo.closes(when)
      : item.kind === 'session' || item.kind === 'today_session'
        ? t.home.todo.starts(when)
        : item.kind === 'rate'
          ? t.home.todo.resolved(when)
          : ''
  return line ? `${item.subtitle} · ${line}` : item.subtitle
}

/** 待办: every item one tap away, or 暂无待办. */
export function TodoCard({
  title,
  items,
  loading,
  error,
  onRetry,
  testId,
}: {
  title: string
  items: TodoData['items'] | undefined
  loading: boolean
  error: ApiError | null | undefined
  onRetry: () => void
  testId: string
}) {
  return (
    <>
      <View className='section-title'>{title}</View>
      <View className='card card--flush' data-testid={testId}>
        {items ? (
          items.length === 0 ? (
            <EmptyState icon='checkCircle' text={t.home.todo.empty} compact testId='todo-empty' />
          ) : (
            items.map((item) => (
              <Cell
                key={`${item.kind}-${item.communityId ?? ''}-${item.targetId ?? ''}`}
                icon={look[item.kind].icon}
                title={item.title}
                desc={describe(item)}
                value={<Tag tone={look[item.kind].tone}>{t.home.todo.kinds[item.kind]}</Tag>}
                arrow
                onClick={() => openTodo(item)}
                testId={`todo-${item.kind}`}
                className='todo-item'
              />
            ))
          )
        ) : loading ? (
          <View className='home-upcoming'>
            <SkeletonBox width='70%' height={32} />
          </View>
        ) : error ? (
          <ErrorState error={error} onRetry={onRetry} />
        ) : null}
      </View>
    </>
  )
}
