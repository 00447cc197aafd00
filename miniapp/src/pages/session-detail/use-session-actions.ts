import Taro from '@tarojs/taro'
import { parseCheckInPayload } from '@domain/councils/booking.js'
import { colors } from '@/components/colors'
import { cancelRegistration } from '@/features/councils/api/cancel-registration'
import { checkIn } from '@/features/councils/api/check-in'
import { downloadSessionCalendar } from '@/features/councils/api/download-session-calendar'
import { getCalendarFeed } from '@/features/councils/api/get-calendar-feed'
import { refreshSession, type SessionDetailData } from '@/features/councils/api/get-session'
import { register } from '@/features/councils/api/register'
import { withdrawTopic } from '@/features/councils/api/withdraw-topic'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { askToSubscribe } from '@/lib/subscribe'

const isWeapp = process.env.TARO_ENV === 'weapp'

/**
 * What a resident can do on a session's page: register (or cancel), check in by scanning the
 * venue's code, withdraw a topic, add the session to the calendar. `openCheckInSheet` is where
 * the typed code goes (H5, or when the camera is not at hand).
 */
export function useSessionActions(id: string | undefined, s: SessionDetailData | undefined, openCheckInSheet: () => void) {
  const registration = useMutation((on: boolean) => (on ? register(id ?? '') : cancelRegistration(id ?? '')), {
    onSuccess: (state, on) => {
      if (id) refreshSession(id)
      if (!on) return void Taro.showToast({ title: t.session.cancelled2, icon: 'none' })
      if (state.registration === 'waitlisted')
        void Taro.showToast({ title: t.session.waitlistDone(state.waitlistPosition ?? 1), icon: 'none' })
      else void Taro.showToast({ title: t.session.registerDone, icon: 'success' })
    },
  })
  const withdraw = useMutation((topicId: string) => withdrawTopic(topicId), {
    onSuccess: () => {
      if (id) refreshSession(id)
      void Taro.showToast({ title: t.session.withdrawn, icon: 'none' })
    },
  })

  async function toggleRegistration(on: boolean) {
    if (on) {
      askToSubscribe('council')
      void registration.mutate(true)
      return
    }
    const { confirm } = await Taro.showModal({
      title: s?.viewer.registration === 'waitlisted' ? t.session.cancelWaitlist : t.session.cancelRegistration,
      content: t.session.cancelConfirm,
      confirmText: t.common.confirm,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (confirm) void registration.mutate(false)
  }

  async function startCheckIn() {
    if (!s) return
    if (!isWeapp) return openCheckInSheet()
    let text: string
    try {
      text = (await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result
    } catch {
      return // cancelled: the typed code is still there below
    }
    const scanned = parseCheckInPayload(text)
    if (!scanned || scanned.sessionId !== s.id) return void Taro.showToast({ title: t.session.checkInWrongQr, icon: 'none' })
    try {
      await checkIn(s.id, { code: scanned.code })
      refreshSession(s.id)
      void Taro.showToast({ title: t.session.checkInDone, icon: 'success' })
    } catch {
      // the client showed why
    }
  }

  async function confirmWithdraw(topicId: string) {
    const { confirm } = await Taro.showModal({
      title: t.session.withdraw,
      content: t.session.withdrawConfirm,
      confirmText: t.session.withdraw,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (confirm) void withdraw.mutate(topicId)
  }

  async function addToCalendar() {
    if (!s) return
    try {
      if (!isWeapp) {
        await downloadSessionCalendar(s.id, `${s.title}.ics`)
        void Taro.showToast({ title: t.session.calendarDownloaded, icon: 'none' })
        return
      }
      if (Taro.canIUse('addPhoneCalendar')) {
        await Taro.addPhoneCalendar({
          title: t.session.calendarTitle(s.kindLabel, s.title),
          startTime: Math.floor(Date.parse(s.startsAt) / 1000),
          // WeChat wants seconds as a number here too; Taro's typing says string.
          endTime: Math.floor(Date.parse(s.endsAt) / 1000) as unknown as string,
          location: s.venue ?? s.onlineUrl ?? undefined,
          description: s.onlineUrl ?? undefined,
          alarm: true,
          alarmOffset: 3600,
        })
        void Taro.showToast({ title: t.session.calendarAdded, icon: 'success' })
        return
      }
      const feed = await getCalendarFeed(s.communityId)
      await Taro.setClipboardData({ data: feed.url })
      void Taro.showToast({ title: t.session.calendarLinkCopied, icon: 'none' })
    } catch (err) {
      if (err instanceof ApiError) void Taro.showToast({ title: err.message, icon: 'none' })
    }
  }

  return {
    registering: registration.loading,
    withdrawing: withdraw.loading,
    toggleRegistration,
    startCheckIn,
    confirmWithdraw,
    addToCalendar,
  }
}
