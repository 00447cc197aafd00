import { View } from '@tarojs/components'
import { CANCEL_REASON_MAX, CANCEL_REASON_MIN } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { NoticeLink } from '@/components/notice-link'
import type { SessionDetailData } from '@/features/councils/api/get-session'
import { AgendaList } from '@/features/councils/components/agenda-list'
import { MinutesCard } from '@/features/councils/components/minutes-card'
import { MinutesSheet } from '@/features/councils/components/minutes-sheet'
import { ReasonSheet } from '@/features/councils/components/reason-sheet'
import { RegistrationsCard } from '@/features/councils/components/registrations-card'
import { SessionHead } from '@/features/councils/components/session-head'
import { TopicDecisionSheet } from '@/features/councils/components/topic-decision-sheet'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { openSessionRun, openStaffTrackedItems, staffConcernUrl, staffTrackedItemUrl } from '@/lib/routes'
import { actionOrder, SessionActionBar } from './action-bar'
import { CheckInCode } from './check-in-code'
import { TopicsCard } from './topics-card'
import { useStaffSession } from './use-staff-session'
import '../../shell.scss'
import './index.scss'

/** A session as its community's workers run it: move it along, decide topics, show the check-in code, publish minutes. */
export default function StaffSessionPage() {
  const { id, session, topics, act, sheet, setSheet, deciding, setDeciding, run, cancel } = useStaffSession()
  const s = session.data

  if (!id) {
    return (
      <Screen testId='page-staff-session'>
        <EmptyState icon='alert' text={t.session.notFound} />
      </Screen>
    )
  }
  if (session.loading) {
    return (
      <Screen testId='page-staff-session'>
        <View className='card session-head' data-testid='skeleton'>
          <SkeletonBox width='45%' height={64} />
          <SkeletonBox width='85%' height={48} className='skeleton--line' />
          <SkeletonBox className='skeleton--line' />
        </View>
        <SkeletonList count={2} lines={2} />
      </Screen>
    )
  }
  if (!s) {
    const error = session.error
    return (
      <Screen testId='page-staff-session'>
        {error && (error.status === 404 || error.status === 403) ? (
          <EmptyState icon='calendar' text={t.session.notFound} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void session.refetch()} />
        ) : null}
      </Screen>
    )
  }

  const actions = actionOrder.filter((a) => s.viewer.actions.includes(a))
  const showCode = !!s.checkInCode && (s.status === 'open' || s.status === 'agenda_fixed' || s.status === 'in_session')

  return (
    <Screen
      testId='page-staff-session'
      className={cx('staff staff-session', actions.length > 0 && 'staff-session--actions', actions.length > 3 && 'staff-session--two-rows')}
    >
      <SessionHead session={s} />

      {s.status === 'in_session' ? (
        <View
          className='notice notice--brand staff-session__run'
          hoverClass='cell--hover'
          onClick={() => void openSessionRun(s.id)}
          data-testid='open-run'
          {...a11y({ role: 'button' })}
        >
          <Icon name='play' size={48} color={colors.brand} />
          <View className='notice__body'>
            <View className='notice__title'>{t.staffSession.run}</View>
            <View className='notice__desc'>{t.staffSession.runDesc}</View>
          </View>
          <Icon name='chevronRight' size={32} color={colors.text3} />
        </View>
      ) : null}

      {showCode && s.status !== 'open' ? <CheckInCode session={s} /> : null}

      {s.status === 'in_session' || s.status === 'concluded' || s.status === 'minutes_published' ? (
        <AgendaList items={s.agenda} bookingOpen={false} concernUrl={staffConcernUrl} trackedUrl={staffTrackedItemUrl} />
      ) : (
        <TopicsCard
          session={s}
          topics={topics.data?.items}
          loading={topics.loading}
          error={topics.error}
          onRetry={() => void topics.refetch()}
          onDecide={(topic, decision) => setDeciding({ topic, decision })}
        />
      )}

      <SessionTracking session={s} />

      {showCode && s.status === 'open' ? <CheckInCode session={s} /> : null}

      {s.status !== 'planned' && s.status !== 'cancelled' ? <RegistrationsCard sessionId={s.id} /> : null}

      {s.minutes ? <MinutesCard minutes={s.minutes} /> : null}

      {actions.length > 0 ? <SessionActionBar actions={actions} busy={act.loading} onRun={(a) => void run(a)} /> : null}

      {sheet === 'cancel' ? (
        <ReasonSheet
          testId='cancel-sheet'
          title={t.staffSession.cancelTitle}
          desc={t.staffSession.cancelDesc}
          label={t.staffSession.cancelReason}
          placeholder={t.staffSession.cancelPlaceholder}
          min={CANCEL_REASON_MIN}
          max={CANCEL_REASON_MAX}
          tooShort={t.staffSession.cancelTooShort(CANCEL_REASON_MIN)}
          submitLabel={t.staffSession.actions.cancel}
          busy={act.loading}
          error={act.error?.message}
          onClose={() => setSheet(undefined)}
          onSubmit={cancel}
        />
      ) : null}
      {sheet === 'minutes' ? <MinutesSheet session={s} onClose={() => setSheet(undefined)} onDone={() => setSheet(undefined)} /> : null}
      {deciding ? (
        <TopicDecisionSheet
          session={s}
          topic={deciding.topic}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDone={() => setDeciding(undefined)}
        />
      ) : null}
    </Screen>
  )
}

/** Once resolutions are recorded: the way to this session's tracked items (决议跟踪). */
function SessionTracking({ session: s }: { session: SessionDetailData }) {
  if (!s.agenda.some((a) => a.resolution?.tracking)) return null
  return (
    <NoticeLink
      icon='checkCircle'
      title={t.tracking.titles.list}
      desc={t.tracking.entryDesc}
      onClick={() => void openStaffTrackedItems(s.communityId, s.id)}
      testId='open-session-tracking'
    />
  )
}
