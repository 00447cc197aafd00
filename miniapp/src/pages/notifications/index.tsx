import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { useNotifications, type NotificationItem } from '@/features/notifications/api/get-notifications'
import { markNotificationsRead } from '@/features/notifications/api/mark-notifications-read'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx, formatTime } from '@/lib/format'
import { openConcern, openSession, openVote } from '@/lib/routes'
import './index.scss'

/** 消息: a note at each step of the concerns I raised or follow. Tap one to open its concern. */
export default function NotificationsPage() {
  const list = useNotifications()
  // Read locally at once; the server is told in the background.
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set())
  const [allRead, setAllRead] = useState(false)

  usePullDownRefresh(async () => {
    await list.refresh()
    setReadIds(new Set())
    setAllRead(false)
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(list)

  const isRead = (n: NotificationItem) => allRead || !!n.readAt || readIds.has(n.id)

  function open(n: NotificationItem) {
    if (!isRead(n)) {
      setReadIds((prev) => new Set(prev).add(n.id))
      void markNotificationsRead({ ids: [n.id] }, { toast: false }).catch(() => undefined)
    }
    if (n.proposalId) void openVote(n.proposalId)
    else if (n.concernId) void openConcern(n.concernId)
    else if (n.sessionId) void openSession(n.sessionId)
  }

  async function readAll() {
    try {
      await markNotificationsRead({})
      setAllRead(true)
      void Taro.showToast({ title: t.notifications.allRead, icon: 'none' })
    } catch {
      // the client showed why
    }
  }

  const unread = list.items.filter((n) => !isRead(n)).length

  return (
    <Screen testId='page-notifications' className='notices'>
      <PagedList
        list={list}
        skeleton={<SkeletonList count={4} lines={2} avatar />}
        empty={<EmptyState icon='bell' text={t.notifications.empty} />}
        renderError={(error) => (error.status === 404 ? <EmptyState icon='bell' text={error.message} /> : undefined)}
      >
        {(items) => (
          <>
            {unread > 0 ? (
              <View className='notices-head'>
                <View
                  className='notices-read-all'
                  hoverClass='cell--hover'
                  onClick={() => void readAll()}
                  data-testid='mark-all-read'
                  {...a11y({ role: 'button' })}
                >
                  <Icon name='check' size={32} color={colors.brand} />
                  <Text>{t.notifications.markAllRead}</Text>
                </View>
              </View>
            ) : null}
            <View className='card card--flush notices-list' data-testid='notification-list'>
              {items.map((n) => (
                <View
                  key={n.id}
                  className={cx('notice-row', !isRead(n) && 'notice-row--unread')}
                  hoverClass='cell--hover'
                  onClick={() => open(n)}
                  data-testid='notification'
                  data-read={isRead(n) ? 'true' : 'false'}
                  {...a11y({ role: 'button' })}
                >
                  <View className='notice-row__icon'>
                    <Icon name='bell' size={40} color={isRead(n) ? colors.text3 : colors.brand} />
                    {!isRead(n) ? <View className='notice-row__dot' /> : null}
                  </View>
                  <View className='notice-row__body'>
                    <View className='notice-row__top'>
                      <Text className='notice-row__title'>{n.title}</Text>
                      <Text className='notice-row__time'>{formatTime(n.createdAt)}</Text>
                    </View>
                    <Text className='notice-row__text'>{n.body}</Text>
                  </View>
                </View>
              ))}
            </View>
          </>
        )}
      </PagedList>
    </Screen>
  )
}
