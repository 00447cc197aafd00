import { View, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { concernActionLabels } from '@domain/concerns/lifecycle.js'
import { arrivalTransition } from '@domain/concerns/milestones.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { NoticeLink } from '@/components/notice-link'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { useConcern, type ConcernDetailData } from '@/features/concerns/api/get-concern'
import { useRecordMilestone } from '@/features/concerns/api/acknowledge-concern'
import { useTransitionConcern, type StaffAction } from '@/features/concerns/api/transition-concern'
import { ArriveSheet } from '@/features/concerns/components/arrive-sheet'
import { ConcernDetailView } from '@/features/concerns/components/concern-detail-view'
import { MilestoneCard } from '@/features/concerns/components/milestone-card'
import { TransitionSheet } from '@/features/concerns/components/transition-sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { cx } from '@/lib/format'
import { openStaffNeeds, staffConcernUrl } from '@/lib/routes'
import './index.scss'

/** A button of the bar: a lifecycle action, or 到场 (a milestone recorded without a transition of its own). */
type BarAction = StaffAction | 'arrive'

/** The staff actions in the order the buttons show; `viewer.actions` decides which appear. */
const order: BarAction[] = ['accept', 'arrive', 'start', 'resolve', 'assign', 'note', 'send_to_council', 'merge', 'decline']
/** Done in one tap after a confirm; the others open a sheet for their input. */
const direct: ReadonlySet<BarAction> = new Set(['accept', 'start'])
const primary: ReadonlySet<BarAction> = new Set(['accept', 'arrive', 'start', 'resolve'])

/** 受理 is the grid worker's 签收 (the first answer); 到场 has its own button. */
const labelOf = (action: BarAction) =>
  action === 'accept' ? t.milestones.acknowledge : action === 'arrive' ? t.milestones.arrive : concernActionLabels[action]

/** 到场 may be recorded once, after 签收 and before 办结, by whoever may work on the concern. */
function mayArrive(c: ConcernDetailData): boolean {
  const arrived = c.milestones.some((m) => m.milestone === 'arrive' && m.doneAt)
  const worker = c.viewer.actions.includes('note') || c.viewer.actions.includes('start') || c.viewer.actions.includes('resolve')
  return worker && !arrived && arrivalTransition(c.status) !== null
}

function barActions(c: ConcernDetailData): BarAction[] {
  return order.filter((a) => (a === 'arrive' ? mayArrive(c) : c.viewer.actions.includes(a)))
}

/** A concern as staff (or the assigned partner) handle it: the detail plus the actions they may take now. */
export default function StaffConcernPage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const concern = useConcern(id)
  const c = concern.data
  const [open, setOpen] = useState<BarAction>()
  const [busy, setBusy] = useState<BarAction>()

  const done = (detail: ConcernDetailData, action: BarAction) => {
    const title = action === 'accept' ? t.milestones.acknowledged : action === 'arrive' ? t.milestones.arrived : t.staffConcern.done[action]
    void Taro.showToast({ title: title ?? labelOf(action), icon: 'success' })
    return detail
  }
  const quick = useTransitionConcern()
  const milestone = useRecordMilestone()

  useDidShow(() => {
    void concern.refetch()
  })

  usePullDownRefresh(async () => {
    await concern.refetch()
    Taro.stopPullDownRefresh()
  })

  async function run(action: BarAction) {
    if (!direct.has(action)) return setOpen(action)
    const { confirm } = await Taro.showModal({
      title: labelOf(action),
      content: (action === 'accept' ? t.milestones.confirmAcknowledge : t.staffConcern.confirm[action]) ?? '',
      confirmText: labelOf(action),
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (!confirm || !id) return
    setBusy(action)
    try {
      const detail =
        action === 'accept'
          ? await milestone.mutateAsync({ concernId: id, milestone: 'acknowledge', body: {} })
          : await quick.mutateAsync({ concernId: id, body: { action: action as StaffAction, photoIds: [] } })
      done(detail, action)
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) void concern.refetch()
    } finally {
      setBusy(undefined)
    }
  }

  if (!id) {
    return (
      <Screen testId='page-staff-concern'>
        <EmptyState icon='alert' text={t.detail.notFound} />
      </Screen>
    )
  }
  if (concern.loading) {
    return (
      <Screen testId='page-staff-concern'>
        <View className='card staff-concern-skeleton' data-testid='skeleton'>
          <SkeletonBox width='45%' height={88} />
          <SkeletonBox className='skeleton--line' />
          <SkeletonBox width='80%' className='skeleton--line' />
        </View>
        <SkeletonList count={2} lines={2} />
      </Screen>
    )
  }
  if (!c) {
    const error = concern.error
    return (
      <Screen testId='page-staff-concern'>
        {error && (error.status === 404 || error.status === 403) ? (
          <EmptyState icon='inbox' text={t.detail.notFound} />
        ) : error ? (
          <ErrorState error={error} onRetry={() => void concern.refetch()} />
        ) : null}
      </Screen>
    )
  }

  const actions = barActions(c)

  return (
    <Screen
      testId='page-staff-concern'
      className={cx('staff-concern', actions.length > 0 && 'staff-concern--actions', actions.length > 3 && 'staff-concern--two-rows')}
    >
      <ConcernDetailView concern={c} detailUrl={staffConcernUrl} staff>
        <MilestoneCard concern={c} />
        <NoticeLink
          icon='list'
          title={t.needs.fromConcern}
          desc={t.needs.fromConcernDesc}
          onClick={() => void openStaffNeeds(c.communityId, c.id)}
          testId='concern-to-need'
        />
        {actions.length === 0 ? <View className='staff-concern__none'>{t.staffConcern.noActions}</View> : null}
      </ConcernDetailView>

      {actions.length > 0 ? <ActionBar actions={actions} busy={busy} onRun={(a) => void run(a)} /> : null}

      {open ? (
        <ActionSheet
          concern={c}
          action={open}
          onClose={() => setOpen(undefined)}
          onDone={(detail) => {
            setOpen(undefined)
            done(detail, open)
          }}
          onConflict={() => {
            setOpen(undefined)
            void concern.refetch()
          }}
        />
      ) : null}
    </Screen>
  )
}

function ActionBar(props: { actions: BarAction[]; busy: BarAction | undefined; onRun: (action: BarAction) => void }) {
  return (
    <View className='action-bar' data-testid='action-bar'>
      {props.actions.map((action) => (
        <Button
          key={action}
          className={cx(
            'btn btn--small action-bar__btn',
            primary.has(action) ? 'btn--primary' : action === 'decline' ? 'btn--danger' : 'btn--plain action-bar__btn--secondary',
          )}
          hoverClass='btn--hover'
          data-testid='staff-action'
          data-action={action}
          disabled={!!props.busy}
          onClick={() => props.onRun(action)}
        >
          {props.busy === action ? t.common.submitting : labelOf(action)}
        </Button>
      ))}
    </View>
  )
}

/** The sheet of an action that needs input: 到场 (note and photo) or a lifecycle action's. */
function ActionSheet(props: {
  concern: ConcernDetailData
  action: BarAction
  onClose: () => void
  onDone: (detail: ConcernDetailData) => void
  onConflict: () => void
}) {
  const { action, ...rest } = props
  return action === 'arrive' ? <ArriveSheet {...rest} /> : <TransitionSheet {...rest} action={action} />
}
