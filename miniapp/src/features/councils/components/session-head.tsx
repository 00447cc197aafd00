import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ReactNode } from 'react'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { SessionDetailData } from '../api/get-session'
import { chinaMoment, sessionWhen } from '../format'
import { KindBadge, SessionStatusTag } from './session-tags'
import './session-detail.scss'

/** The top of a session page: kind, status, title and the facts a resident decides on. */
export function SessionHead({ session: s }: { session: SessionDetailData }) {
  const seats = Math.max(0, s.capacity - s.registeredCount)
  const upcoming = s.status === 'planned' || s.status === 'open' || s.status === 'agenda_fixed'
  const facts: Array<{ icon: IconName; label: string; value: ReactNode; testId?: string }> = [
    { icon: 'clock', label: t.session.when, value: sessionWhen(s.startsAt, s.endsAt), testId: 'session-when' },
  ]
  if (s.venue) facts.push({ icon: 'mapPin', label: t.session.venue, value: s.venue, testId: 'session-venue' })
  if (s.onlineUrl) {
    const url = s.onlineUrl
    facts.push({
      icon: 'video',
      label: t.session.online,
      testId: 'session-online',
      value: (
        <View
          className='session-fact__link'
          hoverClass='cell--hover'
          onClick={() =>
            void Taro.setClipboardData({ data: url }).then(() => Taro.showToast({ title: t.session.linkCopied, icon: 'none' }))
          }
          {...a11y({ role: 'button', label: t.session.copyLink })}
        >
          <Text className='session-fact__url'>{url}</Text>
          <Icon name='copy' size={32} color={colors.info} />
        </View>
      ),
    })
  }
  if (upcoming) {
    facts.push({
      icon: 'seat',
      label: t.session.seats,
      testId: 'session-seats',
      value: (
        <Text className={cx(seats === 0 && 'session-fact__warn')}>
          {t.session.seatsValue(seats, s.capacity)}
          {s.waitlistCount > 0 ? ` · ${t.councils.waitlist(s.waitlistCount)}` : ''}
        </Text>
      ),
    })
    facts.push({ icon: 'list', label: t.session.slots, value: t.session.slotsValue(s.openSlots, s.agendaSlots), testId: 'session-slots' })
    if (s.bookingOpen)
      facts.push({ icon: 'timer', label: t.session.deadline, value: chinaMoment(s.bookingDeadline), testId: 'session-deadline' })
  }
  if (s.invitedParties.length > 0) {
    facts.push({
      icon: 'users',
      label: t.session.invited,
      value: s.invitedParties.map((p) => p.name ?? p.kindLabel).join('、'),
    })
  }

  return (
    <View className='card session-head' data-testid='session-detail' data-session-id={s.id} data-status={s.status}>
      <View className='session-head__top'>
        <KindBadge kind={s.kind} label={s.kindLabel} size='lg' />
        <SessionStatusTag status={s.status} label={s.statusLabel} testId='session-status' />
      </View>
      <Text className='session-head__title' data-testid='session-title' userSelect>
        {s.title}
      </Text>
      {s.status === 'cancelled' ? (
        <View className='notice notice--danger session-head__cancelled' data-testid='session-cancelled'>
          <Icon name='xCircle' size={44} color={colors.danger} />
          <View className='notice__body'>
            <View className='notice__title'>{t.session.cancelled}</View>
            {s.cancelReason ? <View className='notice__desc'>{t.session.cancelReason(s.cancelReason)}</View> : null}
          </View>
        </View>
      ) : null}
      <View className='session-facts'>
        {facts.map((f) => (
          <View key={f.label} className='session-fact' data-testid={f.testId}>
            <Icon name={f.icon} size={36} color={colors.text3} />
            <Text className='session-fact__label'>{f.label}</Text>
            <View className='session-fact__value'>{f.value}</View>
          </View>
        ))}
      </View>
      {s.description ? <Text className='session-head__desc'>{s.description}</Text> : null}
    </View>
  )
}
