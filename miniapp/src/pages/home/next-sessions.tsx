import { View, Text } from '@tarojs/components'
import { SkeletonBox } from '@/components/skeleton'
import { useSessions } from '@/features/councils/api/get-sessions'
import { sessionWhen } from '@/features/councils/format'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { openSession, switchToTab } from '@/lib/routes'

/** 近期议事: the next sessions of the community, a tap from their page. */
export function NextSessions({ communityId }: { communityId: string }) {
  const list = useSessions(communityId, 'upcoming')
  const next = list.items.filter((s) => s.status !== 'cancelled').slice(0, 3)
  return (
    <>
      <View className='section-title'>
        <Text>{t.home.nextSessions.title}</Text>
        <Text className='home-more' onClick={() => void switchToTab('councils')} {...a11y({ role: 'button' })}>
          {t.home.nextSessions.all}
        </Text>
      </View>
      <View className='card card--flush' data-testid='home-sessions'>
        {list.loading ? (
          <View className='home-upcoming'>
            <SkeletonBox width='70%' height={32} />
          </View>
        ) : next.length === 0 ? (
          <View className='home-upcoming'>
            <View className='cell__body'>
              <View className='cell__desc'>{t.home.nextSessions.empty}</View>
            </View>
          </View>
        ) : (
          next.map((s) => (
            <View
              key={s.id}
              className='home-upcoming'
              hoverClass='cell--hover'
              onClick={() => void openSession(s.id)}
              data-testid='home-session'
              {...a11y({ role: 'button' })}
            >
              <View className='home-upcoming__dot' />
              <View className='cell__body'>
                <View className='cell__title'>{s.title}</View>
                <View className='cell__desc'>
                  {s.kindLabel} · {sessionWhen(s.startsAt, s.endsAt)}
                </View>
              </View>
              <Text className={cx('tag', s.bookingOpen ? 'tag--success' : 'tag--neutral')}>{s.statusLabel}</Text>
            </View>
          ))
        )}
      </View>
    </>
  )
}
