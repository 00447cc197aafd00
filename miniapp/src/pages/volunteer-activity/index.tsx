import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { shiftPoints, signupStatusLabels } from '@domain/volunteering/rules.js'
import { useState } from 'react'
import { Screen } from '@/components/screen'
import { useMe } from '@/features/me/api/get-me'
import { type ActivityDetailData, refreshVolunteering, signUp, withdraw } from '@/features/volunteering/api/volunteering'
import { PhaseTag, whenLabel } from '@/features/volunteering/components/activity-card'
import { useActivityScreen } from '@/features/volunteering/components/activity-screen'
import { t } from '@/i18n/zh-cn'
import type { ApiError } from '@/lib/api/client'
import '@/features/volunteering/components/volunteering.scss'

const v = t.volunteering

/** 活动详情: when, where, places left, what a shift earns; 报名 or 取消报名 before the start. */
export default function VolunteerActivityPage() {
  const { activity: a, fallback } = useActivityScreen('page-volunteer-activity')
  if (!a) return fallback
  return (
    <Screen testId='page-volunteer-activity'>
      <View className='vol-detail__hero'>
        <PhaseTag a={a} />
        <Text className='vol-detail__title'>{a.title}</Text>
        <Text className='vol-detail__text'>{`${v.time}：${whenLabel(a)}`}</Text>
        <Text className='vol-detail__text'>{`${v.place}：${a.place}`}</Text>
        {a.organiser ? <Text className='vol-detail__text'>{`${v.organiser}：${a.organiser}`}</Text> : null}
        <Text className='vol-detail__places' data-testid='activity-places' data-left={a.placesLeft}>
          {a.phase === 'upcoming' ? v.places(a.placesLeft, a.capacity) : v.signedUp(a.signedUpCount)}
        </Text>
        <Text className='vol-detail__text'>{v.expected(a.hours, shiftPoints(a.hours, a.pointsPerHour))}</Text>
        {a.cancelReason ? <Text className='vol-detail__text'>{v.cancelled(a.cancelReason)}</Text> : null}
      </View>
      {a.description ? (
        <>
          <View className='section-title'>{v.about}</View>
          <View className='card'>
            <Text className='vol-detail__text'>{a.description}</Text>
          </View>
        </>
      ) : null}
      <MySignup a={a} />
    </Screen>
  )
}

/** The resident's part: their outcome, or the one button the moment allows. */
function MySignup({ a }: { a: ActivityDetailData }) {
  const me = useMe()
  const [busy, setBusy] = useState(false)
  const resident = !!me.data?.households.some((h) => h.communityId === a.communityId)
  const mine = a.mine
  async function act(fn: () => Promise<unknown>, done?: string) {
    setBusy(true)
    try {
      await fn()
      refreshVolunteering()
      if (done) void Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      void Taro.showModal({ title: v.signUp, content: (err as ApiError).message, showCancel: false })
      refreshVolunteering()
    } finally {
      setBusy(false)
    }
  }
  async function onWithdraw() {
    const { confirm } = await Taro.showModal({ title: v.withdraw, content: v.withdrawConfirm })
    if (confirm) await act(() => withdraw(a.id))
  }
  if (mine?.status === 'attended' && mine.hours !== null) {
    return (
      <View className='card' data-testid='activity-earned' data-points={mine.points ?? 0}>
        <Text className='vol-detail__places'>{v.earned(mine.hours, mine.points ?? 0)}</Text>
      </View>
    )
  }
  if (!resident || a.phase !== 'upcoming') {
    return mine ? (
      <View className='card'>
        <Text className='vol-detail__text'>{`${v.mineStatus}：${signupStatusLabels[mine.status]}`}</Text>
      </View>
    ) : null
  }
  return (
    <View className='vol-actions'>
      {mine ? (
        <>
          <Text className='vol-actions__hint' data-testid='activity-signed-up'>
            {v.signedUpNote}
          </Text>
          <Button
            className='btn btn--plain btn--block'
            hoverClass='btn--hover'
            loading={busy}
            onClick={() => void onWithdraw()}
            data-testid='activity-withdraw'
          >
            {v.withdraw}
          </Button>
        </>
      ) : (
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          loading={busy}
          disabled={a.placesLeft === 0}
          onClick={() => void act(() => signUp(a.id), v.signedUpDone)}
          data-testid='activity-sign-up'
        >
          {a.placesLeft === 0 ? v.full : v.signUp}
        </Button>
      )}
    </View>
  )
}
