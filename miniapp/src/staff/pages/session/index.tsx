import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { checkInPayload } from '@domain/councils/booking.js'
import type { SessionAction } from '@domain/councils/lifecycle.js'
import { CANCEL_REASON_MAX, CANCEL_REASON_MIN } from '@domain/limits.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { QrCode } from '@/components/qr-code'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { useActOnSession } from '@/features/councils/api/act-on-session'
import type { TopicData } from '@/features/councils/api/book-topic'
import { useSession, type SessionDetailData } from '@/features/councils/api/get-session'
import { useTopics } from '@/features/councils/api/get-topics'
import { AgendaList } from '@/features/councils/components/agenda-list'
import { MinutesCard } from '@/features/councils/components/minutes-card'
import { MinutesSheet } from '@/features/councils/components/minutes-sheet'
import { TopicItem } from '@/features/councils/components/my-topic'
import { ReasonSheet } from '@/features/councils/components/reason-sheet'
import { RegistrationsCard } from '@/features/councils/components/registrations-card'
import { SessionHead } from '@/features/councils/components/session-head'
import { TopicDecisionSheet, type TopicDecision } from '@/features/councils/components/topic-decision-sheet'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { ApiError } from '@/lib/api/client'
import { cx } from '@/lib/format'
import { openSessionForm, openSessionRun, staffConcernUrl } from '@/lib/routes'
import '../../shell.scss'
import './index.scss'

/** The buttons of the bar, in the order a session goes; `viewer.actions` decides which show. */
const order: SessionAction[] = ['open', 'fix_agenda', 'start', 'conclude', 'publish_minutes', 'edit', 'cancel']
const primary: ReadonlySet<SessionAction> = new Set(['open', 'fix_agenda', 'start', 'conclude', 'publish_minutes'])
const direct: ReadonlySet<SessionAction> = new Set(['open', 'fix_agenda', 'start', 'conclude'])

/** A session as its community's workers run it: move it along, decide topics, show the check-in code, publish minutes. */
export default function StaffSessionPage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const session = useSession(id)
  const topics = useTopics(id)
  const s = session.data
  const act = useActOnSession()
  const [sheet, setSheet] = useState<'cancel' | 'minutes'>()
  const [deciding, setDeciding] = useState<{ topic: TopicData; decision: TopicDecision }>()

  useDidShow(() => {
    void session.refetch()
    void topics.refetch()
  })

  usePullDownRefresh(async () => {
    await Promise.all([session.refetch(), topics.refetch()])
    Taro.stopPullDownRefresh()
  })

  async function run(action: SessionAction) {
    if (!s) return
    if (action === 'edit') return void openSessionForm({ id: s.id })
    if (action === 'cancel' || action === 'publish_minutes') return setSheet(action === 'cancel' ? 'cancel' : 'minutes')
    if (!direct.has(action)) return
    const { confirm } = await Taro.showModal({
      title: t.staffSession.actions[action],
      content: t.staffSession.confirm[action] ?? '',
      confirmText: t.common.confirm,
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (!confirm) return
    try {
      await act.mutateAsync({ sessionId: s.id, body: { action: action as 'open' | 'fix_agenda' | 'start' | 'conclude' } })
      void Taro.showToast({ title: t.staffSession.done[action], icon: 'success' })
      if (action === 'start') void openSessionRun(s.id)
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) void session.refetch()
    }
  }

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

  const actions = order.filter((a) => s.viewer.actions.includes(a))
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
        <AgendaList items={s.agenda} bookingOpen={false} concernUrl={staffConcernUrl} />
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

      {showCode && s.status === 'open' ? <CheckInCode session={s} /> : null}

      {s.status !== 'planned' && s.status !== 'cancelled' ? <RegistrationsCard sessionId={s.id} /> : null}

      {s.minutes ? <MinutesCard minutes={s.minutes} /> : null}

      {actions.length > 0 ? (
        <View className='action-bar' data-testid='session-action-bar'>
          {actions.map((action) => (
            <Button
              key={action}
              className={cx(
                'btn btn--small action-bar__btn',
                primary.has(action) ? 'btn--primary' : action === 'cancel' ? 'btn--danger' : 'btn--plain action-bar__btn--secondary',
              )}
              hoverClass='btn--hover'
              data-testid='session-action'
              data-action={action}
              disabled={act.loading}
              onClick={() => void run(action)}
            >
              {t.staffSession.actions[action]}
            </Button>
          ))}
        </View>
      ) : null}

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
          onSubmit={(reason) =>
            void act.mutate({ sessionId: s.id, body: { action: 'cancel', reason } }).then((d) => {
              if (!d) return
              setSheet(undefined)
              void Taro.showToast({ title: t.staffSession.done.cancel, icon: 'success' })
            })
          }
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

/** The venue's check-in: a QR code for WeChat's scanner and the six digits for typing. */
function CheckInCode({ session: s }: { session: SessionDetailData }) {
  const code = s.checkInCode!
  return (
    <View className='card check-in-card' data-testid='check-in-card'>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.staffSession.checkIn}</Text>
      </View>
      <View className='check-in-card__qr'>
        <QrCode value={checkInPayload(s.id, code)} label={t.staffSession.checkIn} testId='check-in-qr' />
      </View>
      <Text className='check-in-card__code' data-testid='check-in-code' data-code={code} userSelect>
        {`${code.slice(0, 3)} ${code.slice(3)}`}
      </Text>
      <Text className='check-in-card__desc'>{t.staffSession.checkInDesc}</Text>
    </View>
  )
}

interface TopicsCardProps {
  session: SessionDetailData
  topics: TopicData[] | undefined
  loading: boolean
  error: ApiError | undefined
  onRetry: () => void
  onDecide: (topic: TopicData, decision: TopicDecision) => void
}

/** Every topic booked onto the session: the pending ones first, with 列入议程 / 顺延 / 不予采纳. */
function TopicsCard({ session, topics, loading, error, onRetry, onDecide }: TopicsCardProps) {
  const pending = (topics ?? []).filter((tp) => tp.status === 'pending')
  const accepted = (topics ?? []).filter((tp) => tp.status === 'accepted').sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
  const other = (topics ?? []).filter((tp) => tp.status !== 'pending' && tp.status !== 'accepted')
  const groups: Array<{ key: keyof typeof t.staffSession.groups; items: TopicData[] }> = [
    { key: 'pending', items: pending },
    { key: 'accepted', items: accepted },
    { key: 'other', items: other },
  ]
  return (
    <View className='card staff-topics' data-testid='staff-topics'>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.staffSession.topics}</Text>
        {pending.length > 0 ? <Text className='tag tag--warning'>{t.staffSessions.pendingTopics(pending.length)}</Text> : null}
      </View>
      {loading ? (
        <SkeletonList count={2} lines={1} />
      ) : error && !topics ? (
        <ErrorState compact error={error} onRetry={onRetry} />
      ) : !topics || topics.length === 0 ? (
        <EmptyState compact icon='list' text={t.staffSession.topicsEmpty} />
      ) : (
        groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <View key={g.key} className='staff-topics__group' data-testid={`topics-${g.key}`}>
              <Text className='staff-topics__group-title'>{t.staffSession.groups[g.key]}</Text>
              {g.items.map((tp) => (
                <TopicItem
                  key={tp.id}
                  topic={tp}
                  staff
                  actions={(['accept', 'defer', 'decline'] as const)
                    .filter((a) => tp.actions.includes(a))
                    .filter((a) => a !== 'accept' || session.openSlots > 0)
                    .map((a) => ({
                      key: a,
                      label: t.staffSession[a],
                      tone: a === 'accept' ? 'primary' : a === 'decline' ? 'danger' : 'plain',
                      onClick: () => onDecide(tp, a),
                    }))}
                />
              ))}
            </View>
          ))
      )}
    </View>
  )
}
