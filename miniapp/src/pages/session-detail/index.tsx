import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { NoticeLink } from '@/components/notice-link'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { useConcernBoard } from '@/features/concerns/api/get-concern-board'
import { useSession } from '@/features/councils/api/get-session'
import { AgendaList } from '@/features/councils/components/agenda-list'
import { BookingSheet } from '@/features/councils/components/booking-sheet'
import { CheckInSheet } from '@/features/councils/components/check-in-sheet'
import { MinutesCard } from '@/features/councils/components/minutes-card'
import { SessionHead } from '@/features/councils/components/session-head'
import { useMe } from '@/features/me/api/get-me'
import { SessionVotes } from '@/features/votes/components/session-votes'
import { t } from '@/i18n/zh-cn'
import { concernUrl, openStaffSession, openVote, sessionUrl, trackedItemUrl } from '@/lib/routes'
import { RegistrationCard } from './registration-card'
import { BookCard, InfoNotice, MyTopicsCard, SessionTools, VerifyCard } from './session-cards'
import { sessionView, shareTitle } from './session-view'
import { useSessionActions } from './use-session-actions'
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
  const actions = useSessionActions(id, s, () => setSheet('check-in'))

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
          <>
            <EmptyState icon='calendar' text={t.session.notFound} />
            {/* Sessions are shown to verified residents and staff only: a person without a verified home is led to verify. */}
            {me.data && me.data.households.length === 0 && me.data.memberships.length === 0 ? <VerifyCard communityId='' /> : null}
          </>
        ) : error ? (
          <ErrorState error={error} onRetry={() => void session.refetch()} />
        ) : null}
      </Screen>
    )
  }

  const view = sessionView(s, verified)
  const agenda = (
    <AgendaList items={s.agenda} bookingOpen={s.bookingOpen} concernUrl={(cid) => concernUrl(cid)} trackedUrl={trackedItemUrl} />
  )

  return (
    <Screen testId='page-session' className='session'>
      <SessionHead session={s} />
      {s.status !== 'cancelled' && !view.showVerify ? (
        <RegistrationCard session={s} view={view} actions={actions} onTypeCode={() => setSheet('check-in')} />
      ) : null}
      {view.showVerify ? <VerifyCard communityId={s.communityId} /> : null}
      {view.held ? agenda : null}
      <BookCard session={s} verified={verified} onBook={() => setSheet('book')} />
      <MyTopicsCard topics={s.viewer.myTopics} withdrawing={actions.withdrawing} onWithdraw={(tid) => void actions.confirmWithdraw(tid)} />
      {!view.held && s.status !== 'cancelled' ? agenda : null}
      <SessionVotes
        communityId={s.communityId}
        topicIds={s.agenda.map((a) => a.topicId)}
        onOpen={(proposalId) => void openVote(proposalId)}
      />
      {s.minutes ? (
        <MinutesCard minutes={s.minutes} />
      ) : s.status === 'concluded' ? (
        <InfoNotice icon='fileText' className='session-minutes-pending' title={t.session.minutesPending} />
      ) : null}
      {s.status !== 'cancelled' ? <SessionTools onAddToCalendar={() => void actions.addToCalendar()} /> : null}
      {view.staff ? (
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
