import { View, Text } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { SkeletonBox } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { SessionSummaryData } from '../api/get-sessions'
import { chinaDay, chinaMonthDay } from '../format'
import { chinaClock } from '@/lib/china-date'
import { KindBadge, SessionStatusTag } from './session-tags'
import './session-card.scss'

export interface SessionCardProps {
  session: SessionSummaryData
  onClick: () => void
  /** A past session: the minutes matter, seats and slots no longer do. */
  past?: boolean
}

/** One session in a list: when (China time), what kind, where, open topic slots and seats. */
export function SessionCard({ session: s, onClick, past }: SessionCardProps) {
  const { month, day } = chinaMonthDay(s.startsAt)
  const seats = Math.max(0, s.capacity - s.registeredCount)
  const cancelled = s.status === 'cancelled'
  const place = s.venue ? (s.onlineUrl ? t.councils.onlineAndVenue(s.venue) : s.venue) : t.councils.online
  const mine = s.viewer.registration !== 'none' ? t.councils.viewer[s.viewer.registration] : null
  return (
    <View
      className={cx('session-card', cancelled && 'session-card--cancelled')}
      hoverClass='session-card--hover'
      onClick={onClick}
      data-testid='session-card'
      data-session-id={s.id}
      data-status={s.status}
      data-kind={s.kind}
      {...a11y({ role: 'button' })}
    >
      <View className='session-card__date'>
        <Text className='session-card__month'>{month}</Text>
        <Text className='session-card__day'>{day}</Text>
      </View>
      <View className='session-card__main'>
        <View className='session-card__head'>
          <KindBadge kind={s.kind} label={s.kindLabel} />
          <SessionStatusTag status={s.status} label={s.statusLabel} />
        </View>
        <Text className='session-card__title'>{s.title}</Text>
        <View className='session-card__line'>
          <Icon name='clock' size={30} color={colors.text3} />
          <Text className='session-card__line-text'>
            {chinaDay(s.startsAt)} {chinaClock(s.startsAt)}–{chinaClock(s.endsAt)}
          </Text>
        </View>
        <View className='session-card__line'>
          <Icon name={s.venue ? 'mapPin' : 'video'} size={30} color={colors.text3} />
          <Text className='session-card__line-text'>{place}</Text>
        </View>
        {!cancelled ? (
          <View className='session-card__foot'>
            {past ? (
              s.status === 'minutes_published' ? (
                <View className='session-card__stat session-card__stat--ok'>
                  <Icon name='fileText' size={28} color={colors.success} />
                  <Text>{t.councils.minutesReady}</Text>
                </View>
              ) : null
            ) : (
              <>
                <View
                  className={cx('session-card__stat', s.bookingOpen && s.openSlots > 0 && 'session-card__stat--open')}
                  data-testid='open-slots'
                >
                  <Icon name='list' size={28} color={s.bookingOpen && s.openSlots > 0 ? colors.brand : colors.text3} />
                  <Text>{t.councils.slotsLeft(s.openSlots, s.agendaSlots)}</Text>
                </View>
                <View className={cx('session-card__stat', seats === 0 && 'session-card__stat--full')} data-testid='seats-left'>
                  <Icon name='seat' size={28} color={seats === 0 ? colors.warning : colors.text3} />
                  <Text>
                    {t.councils.seatsLeft(seats)}
                    {s.waitlistCount > 0 ? ` · ${t.councils.waitlist(s.waitlistCount)}` : ''}
                  </Text>
                </View>
              </>
            )}
            {mine ? (
              <Tag tone='brand' className='session-card__mine' testId='my-registration' data={{ registration: s.viewer.registration }}>
                {mine}
              </Tag>
            ) : null}
          </View>
        ) : null}
      </View>
    </View>
  )
}

/** The cards' shape while the list loads. */
export function SessionListSkeleton({ count = 3 }: { count?: number }) {
  return (
    <View data-testid='skeleton'>
      {Array.from({ length: count }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholder cards, all alike, never reordered
        <View key={i} className='session-card' aria-hidden>
          <SkeletonBox width={104} height={120} className='session-card__date-skeleton' />
          <View className='session-card__main'>
            <View className='session-card__head'>
              <SkeletonBox width='38%' height={48} />
              <SkeletonBox width={96} height={44} />
            </View>
            <SkeletonBox width='80%' height={36} className='skeleton--line' />
            <SkeletonBox width='60%' className='skeleton--line' />
            <SkeletonBox width='45%' className='skeleton--line' />
          </View>
        </View>
      ))}
    </View>
  )
}
