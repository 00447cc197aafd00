import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { parseCheckInPayload } from '@domain/councils/booking.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { NoticeLink } from '@/components/notice-link'
import { useConcernBoard } from '@/features/concerns/api/get-concern-board'
import { cancelRegistration } from '@/features/councils/api/cancel-registration'
import { checkIn } from '@/features/councils/api/check-in'
import { downloadSessionCalendar } from '@/features/councils/api/download-session-calendar'
import { getCalendarFeed } from '@/features/councils/api/get-calendar-feed'
import { refreshSession, useSession, type SessionDetailData } from '@/features/councils/api/get-session'
import { register } from '@/features/councils/api/register'
import { withdrawTopic } from '@/features/councils/api/withdraw-topic'
import { AgendaList } from '@/features/councils/components/agenda-list'
import { BookingSheet } from '@/features/councils/components/booking-sheet'
import { CheckInSheet } from '@/features/councils/components/check-in-sheet'
import { MinutesCard } from '@/features/councils/components/minutes-card'
import { TopicItem } from '@/features/councils/components/my-topic'
import { SessionHead } from '@/features/councils/components/session-head'
import { chinaDay, chinaClock } from '@/features/councils/format'
import { useMe } from '@/features/me/api/get-me'
import { SessionVotes } from '@/features/votes/components/session-votes'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { cx } from '@/lib/format'
import { concernUrl, openClaimForm, openStaffSession, openVote, sessionUrl } from '@/lib/routes'
import { askToSubscribe } from '@/lib/subscribe'
import './index.scss'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * One council session for a resident: when and where, register (or wait), check in at the venue,
 * the agenda and its resolutions, book a topic, my topics, the minutes; add to calendar and share
 * the card to the building's WeChat group.
 */
export default function SessionDetailPage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const session = useSession(id)
  const s = session.data
  const me = useMe()
  const [sheet, setSheet] = useState<'book' | 'check-in'>()
  const verified = !!s && !!me.data?.households.some((h) => h.communityId === s.communityId)
  const mine = useConcernBoard(s?.viewer.canBookTopic ? s.communityId : undefined, 'mine', 'open')

  const registration = useMutation((on: boolean) => (on ? register(id!) : cancelRegistration(id!)), {
    onSuccess: (state, on) => {
      refreshSession(id!)
      if (!on) return void Taro.showToast({ title: t.session.cancelled2, icon: 'none' })
      if (state.registration === 'waitlisted')
        void Taro.showToast({ title: t.session.waitlistDone(state.waitlistPosition ?? 1), icon: 'none' })
      else void Taro.showToast({ title: t.session.registerDone, icon: 'success' })
    },
  })
  const withdraw = useMutation((topicId: string) => withdrawTopic(topicId), {
    onSuccess: () => {
      refreshSession(id!)
      void Taro.showToast({ title: t.session.withdrawn, icon: 'none' })
    },
  })

  useDidShow(() => {
    void session.refetch()
  })

  usePullDownRefresh(async () => {
    await session.refetch()
    Taro.stopPullDownRefresh()
  })

  // The card a resident sends to the building's group opens this page.
  useEffect(() => {
    if (!isWeapp || !s) return
    void Taro.showShareMenu({ withShareTicket: false }).catch(() => undefined)
  }, [s])

  useShareAppMessage(() => {
    if (!s) return { title: t.app.name, path: '/pages/councils/index' }
    return { title: shareTitle(s), path: sessionUrl(s.id) }
  })

  if (!id) {
    return (
      <Screen testId='page-session'>
        <EmptyState icon='alert' text={t.session.notFound} />
      </Screen>
    )
  }
  if (session.loading) {
    return (
      <Screen testId='page-session'>
        <View className='card session-head' data-testid='skeleton'>
          <SkeletonBox width='45%' height={64} />
          <SkeletonBox width='85%' height={48} className='skeleton--line' />
          <SkeletonBox className='skeleton--line' />
          <SkeletonBox width='70%' className='skeleton--line' />
        </View>
        <SkeletonList count={2} lines={2} />
      </Screen>
    )
  }
  if (!s) {
    const error = session.error
    return (
      <Screen testId='page-session'>
        {error && (error.status === 404 || error.status === 403) ? (
          <EmptyState icon='calendar' text={t.session.notFound} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void session.refetch()} />
        ) : null}
      </Screen>
    )
  }

  const reg = s.viewer.registration
  const staff = s.viewer.actions.length > 0
  const beforeStart = Date.now() < Date.parse(s.startsAt)
  const canCancel = (reg === 'registered' || reg === 'waitlisted') && (s.status === 'open' || s.status === 'agenda_fixed') && beforeStart
  const showVerify = !verified && !staff && s.status !== 'cancelled' && s.status !== 'minutes_published' && s.status !== 'concluded'
  const full = s.registeredCount >= s.capacity
  // Once held, the agenda with its resolutions is the news: it goes first.
  const held = s.status === 'in_session' || s.status === 'concluded' || s.status === 'minutes_published'
  const agenda = <AgendaList items={s.agenda} bookingOpen={s.bookingOpen} concernUrl={(cid) => concernUrl(cid)} />

  async function toggleRegistration(on: boolean) {
    if (on) {
      askToSubscribe('council')
      void registration.mutate(true)
      return
    }
    const { confirm } = await Taro.showModal({
      title: reg === 'waitlisted' ? t.session.cancelWaitlist : t.session.cancelRegistration,
      content: t.session.cancelConfirm,
      confirmText: t.common.confirm,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (confirm) void registration.mutate(false)
  }

  async function startCheckIn() {
    if (!isWeapp) return setSheet('check-in')
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // cancelled: the typed code is still there below
    }
    const scanned = parseCheckInPayload(text)
    if (!scanned || scanned.sessionId !== s!.id) return void Taro.showToast({ title: t.session.checkInWrongQr, icon: 'none' })
    try {
      await checkIn(s!.id, { code: scanned.code })
      refreshSession(s!.id)
      void Taro.showToast({ title: t.session.checkInDone, icon: 'success' })
    } catch {
      // the client showed why
    }
  }

  async function addToCalendar() {
    try {
      if (!isWeapp) {
        await downloadSessionCalendar(s!.id, `${s!.title}.ics`)
        void Taro.showToast({ title: t.session.calendarDownloaded, icon: 'none' })
        return
      }
      if (Taro.canIUse('addPhoneCalendar')) {
        await Taro.addPhoneCalendar({
          title: `${s!.kindLabel}：${s!.title}`,
          startTime: Math.floor(Date.parse(s!.startsAt) / 1000),
          // WeChat wants seconds as a number here too; Taro's typing says string.
          endTime: Math.floor(Date.parse(s!.endsAt) / 1000) as unknown as string,
          location: s!.venue ?? s!.onlineUrl ?? undefined,
          description: s!.onlineUrl ?? undefined,
          alarm: true,
          alarmOffset: 3600,
        })
        void Taro.showToast({ title: t.session.calendarAdded, icon: 'success' })
        return
      }
      const feed = await getCalendarFeed(s!.communityId)
      await Taro.setClipboardData({ data: feed.url })
      void Taro.showToast({ title: t.session.calendarLinkCopied, icon: 'none' })
    } catch (err) {
      if (err instanceof ApiError) void Taro.showToast({ title: err.message, icon: 'none' })
    }
  }

  return (
    <Screen testId='page-session' className='session'>
      <SessionHead session={s} />

      {s.status !== 'cancelled' && !showVerify ? (
        <View className='card session-reg' data-testid='registration' data-registration={reg}>
          <View className='session-section__head'>
            <Text className='session-section__title'>{t.session.registration}</Text>
            {reg !== 'none' ? (
              <Text className={cx('tag', reg === 'waitlisted' ? 'tag--warning' : 'tag--success')} data-testid='registration-status'>
                {t.councils.viewer[reg]}
              </Text>
            ) : null}
          </View>
          <View className='session-reg__status'>
            <Icon
              name={reg === 'checked_in' ? 'checkCircle' : reg === 'registered' ? 'userCheck' : reg === 'waitlisted' ? 'clock' : 'userPlus'}
              size={48}
              color={reg === 'none' ? colors.text3 : reg === 'waitlisted' ? colors.warning : colors.success}
            />
            <Text className='session-reg__text' data-testid='registration-text'>
              {registrationText(s)}
            </Text>
          </View>
          {s.viewer.canRegister && reg === 'none' ? <Text className='session-reg__hint'>{t.session.registerHint}</Text> : null}
          <View className='session-reg__actions'>
            {s.viewer.canCheckIn ? (
              <>
                <Button
                  className='btn btn--primary btn--block'
                  hoverClass='btn--hover'
                  data-testid='check-in'
                  onClick={() => void startCheckIn()}
                >
                  <Icon name={isWeapp ? 'scan' : 'qrcode'} size={40} color={colors.white} />
                  <Text className='btn__text'>{isWeapp ? t.session.checkInScan : t.session.checkIn}</Text>
                </Button>
                {isWeapp ? (
                  <Button className='btn btn--plain btn--block btn--small' hoverClass='btn--hover' onClick={() => setSheet('check-in')}>
                    {t.session.checkInType}
                  </Button>
                ) : null}
              </>
            ) : null}
            {s.viewer.canRegister && reg === 'none' ? (
              <Button
                className={cx('btn btn--block', s.viewer.canCheckIn ? 'btn--outline' : 'btn--primary')}
                hoverClass='btn--hover'
                data-testid='register'
                disabled={registration.loading}
                onClick={() => void toggleRegistration(true)}
              >
                {registration.loading ? t.session.registering : full ? t.session.registerFull : t.session.register}
              </Button>
            ) : null}
            {canCancel ? (
              <Button
                className='btn btn--plain btn--block btn--small session-reg__cancel'
                hoverClass='btn--hover'
                data-testid='cancel-registration'
                disabled={registration.loading}
                onClick={() => void toggleRegistration(false)}
              >
                {reg === 'waitlisted' ? t.session.cancelWaitlist : t.session.cancelRegistration}
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      {showVerify ? (
        <View className='card session-verify' data-testid='verify-notice'>
          <View className='session-verify__head'>
            <Icon name='shieldCheck' size={56} color={colors.warning} />
            <Text className='session-verify__title'>{t.session.verifyTitle}</Text>
          </View>
          <Text className='session-verify__desc'>{t.session.verifyDesc}</Text>
          <Button
            className='btn btn--primary btn--block'
            hoverClass='btn--hover'
            data-testid='verify-action'
            onClick={() => void openClaimForm(s.communityId)}
          >
            {t.session.verifyAction}
          </Button>
        </View>
      ) : null}

      {held ? agenda : null}

      {s.viewer.canBookTopic ? (
        <View className='card session-book' data-testid='book-card'>
          <View className='session-book__text'>
            <Text className='session-section__title'>{t.session.book}</Text>
            <Text className='session-book__desc'>{t.session.bookDesc}</Text>
          </View>
          <Button className='btn btn--primary btn--small' hoverClass='btn--hover' data-testid='book-topic' onClick={() => setSheet('book')}>
            <Icon name='plus' size={36} color={colors.white} strokeWidth={2.4} />
            <Text className='btn__text'>{t.session.book}</Text>
          </Button>
        </View>
      ) : verified && s.status === 'open' && s.viewer.bookingBlockedReason ? (
        <View className='notice notice--info session-book-blocked' data-testid='booking-blocked'>
          <Icon name='info' size={44} color={colors.info} />
          <View className='notice__body'>
            <View className='notice__title'>{t.session.bookBlocked}</View>
            <View className='notice__desc'>{s.viewer.bookingBlockedReason}</View>
          </View>
        </View>
      ) : null}

      {s.viewer.myTopics.length > 0 ? (
        <View className='card' data-testid='my-topics'>
          <View className='session-section__head'>
            <Text className='session-section__title'>{t.session.myTopics}</Text>
          </View>
          {s.viewer.myTopics.map((tp) => (
            <TopicItem
              key={tp.id}
              topic={tp}
              actions={
                tp.actions.includes('withdraw')
                  ? [
                      {
                        key: 'withdraw',
                        label: t.session.withdraw,
                        tone: 'plain',
                        busy: withdraw.loading,
                        onClick: () =>
                          void Taro.showModal({
                            title: t.session.withdraw,
                            content: t.session.withdrawConfirm,
                            confirmText: t.session.withdraw,
                            confirmColor: colors.brand,
                            cancelText: t.common.cancel,
                          }).then(({ confirm }) => {
                            if (confirm) void withdraw.mutate(tp.id)
                          }),
                      },
                    ]
                  : []
              }
            />
          ))}
        </View>
      ) : null}

      {!held && s.status !== 'cancelled' ? agenda : null}

      <SessionVotes
        communityId={s.communityId}
        topicIds={s.agenda.map((a) => a.topicId)}
        onOpen={(proposalId) => void openVote(proposalId)}
      />

      {s.minutes ? (
        <MinutesCard minutes={s.minutes} />
      ) : s.status === 'concluded' ? (
        <View className='notice notice--info session-minutes-pending'>
          <Icon name='fileText' size={44} color={colors.info} />
          <View className='notice__body'>
            <View className='notice__title'>{t.session.minutesPending}</View>
          </View>
        </View>
      ) : null}

      {s.status !== 'cancelled' ? (
        <View className='session-tools'>
          <View
            className='session-tool'
            hoverClass='cell--hover'
            data-testid='add-calendar'
            onClick={() => void addToCalendar()}
            {...a11y({ role: 'button' })}
          >
            <Icon name='calendarPlus' size={44} color={colors.brand} />
            <Text className='session-tool__text'>{t.session.addCalendar}</Text>
          </View>
          {isWeapp ? (
            <Button className='session-tool session-tool--share' openType='share' hoverClass='cell--hover' data-testid='share'>
              <Icon name='share' size={44} color={colors.brand} />
              <Text className='session-tool__text'>{t.session.share}</Text>
            </Button>
          ) : null}
        </View>
      ) : null}

      {staff ? (
        <NoticeLink
          icon='briefcase'
          title={t.session.manage}
          onClick={() => void openStaffSession(s.id)}
          testId='open-staff-session'
          className='session-manage'
        />
      ) : null}

      {sheet === 'book' ? (
        <BookingSheet session={s} concerns={mine.items} onClose={() => setSheet(undefined)} onDone={() => setSheet(undefined)} />
      ) : null}
      {sheet === 'check-in' ? (
        <CheckInSheet sessionId={s.id} onClose={() => setSheet(undefined)} onDone={() => setSheet(undefined)} />
      ) : null}
    </Screen>
  )
}

/** Where the viewer stands, or why there is nothing to do yet (or any more). */
function registrationText(s: SessionDetailData): string {
  const reg = s.viewer.registration
  if (reg === 'waitlisted') return t.session.status.waitlisted(s.viewer.waitlistPosition)
  if (reg !== 'none') return t.session.status[reg]
  if (s.status === 'planned') return t.session.notOpenYet
  if (s.viewer.canRegister || s.viewer.canCheckIn) return t.session.status.none
  return t.session.registerClosed
}

function shareTitle(s: SessionDetailData): string {
  return t.session.shareTitle(s.kindLabel, s.title, `${chinaDay(s.startsAt)} ${chinaClock(s.startsAt)}`).slice(0, 60)
}
