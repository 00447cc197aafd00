import { View, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { concernActionLabels } from '@domain/concerns/lifecycle.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonBox, SkeletonList } from '@/components/skeleton'
import { useConcern, type ConcernDetailData } from '@/features/concerns/api/get-concern'
import { useTransitionConcern, type StaffAction } from '@/features/concerns/api/transition-concern'
import { ConcernDetailView } from '@/features/concerns/components/concern-detail-view'
import { TransitionSheet } from '@/features/concerns/components/transition-sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { cx } from '@/lib/format'
import { staffConcernUrl } from '@/lib/routes'
import './index.scss'

/** The staff actions in the order the buttons show; `viewer.actions` decides which appear. */
const order: StaffAction[] = ['accept', 'start', 'resolve', 'assign', 'note', 'send_to_council', 'merge', 'decline']
/** Done in one tap after a confirm; the others open a sheet for their input. */
const direct: ReadonlySet<StaffAction> = new Set(['accept', 'start'])
const primary: ReadonlySet<StaffAction> = new Set(['accept', 'start', 'resolve'])

/** A concern as staff (or the assigned partner) handle it: the detail plus the actions they may take now. */
export default function StaffConcernPage() {
  const router = useRouter()
  const id = router.params.id || undefined
  const concern = useConcern(id)
  const c = concern.data
  const [open, setOpen] = useState<StaffAction>()
  const [busy, setBusy] = useState<StaffAction>()

  const done = (detail: ConcernDetailData, action: StaffAction) => {
    void Taro.showToast({ title: t.staffConcern.done[action] ?? concernActionLabels[action], icon: 'success' })
    return detail
  }
  const quick = useTransitionConcern()

  useDidShow(() => {
    void concern.refetch()
  })

  usePullDownRefresh(async () => {
    await concern.refetch()
    Taro.stopPullDownRefresh()
  })

  async function run(action: StaffAction) {
    if (!direct.has(action)) return setOpen(action)
    const { confirm } = await Taro.showModal({
      title: concernActionLabels[action],
      content: t.staffConcern.confirm[action] ?? '',
      confirmText: concernActionLabels[action],
      confirmColor: colors.brand,
      cancelText: t.common.cancel,
    })
    if (!confirm || !id) return
    setBusy(action)
    try {
      const detail = await quick.mutateAsync({ concernId: id, body: { action, photoIds: [] } })
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

  const actions = order.filter((a) => c.viewer.actions.includes(a))

  return (
    <Screen
      testId='page-staff-concern'
      className={cx('staff-concern', actions.length > 0 && 'staff-concern--actions', actions.length > 3 && 'staff-concern--two-rows')}
    >
      <ConcernDetailView concern={c} detailUrl={staffConcernUrl} staff>
        {actions.length === 0 ? <View className='staff-concern__none'>{t.staffConcern.noActions}</View> : null}
      </ConcernDetailView>

      {actions.length > 0 ? (
        <View className='action-bar' data-testid='action-bar'>
          {actions.map((action) => (
            <Button
              key={action}
              className={cx(
                'btn btn--small action-bar__btn',
                primary.has(action) ? 'btn--primary' : action === 'decline' ? 'btn--danger' : 'btn--plain action-bar__btn--secondary',
              )}
              hoverClass='btn--hover'
              data-testid='staff-action'
              data-action={action}
              disabled={!!busy}
              onClick={() => void run(action)}
            >
              {busy === action ? t.common.submitting : concernActionLabels[action]}
            </Button>
          ))}
        </View>
      ) : null}

      {open ? (
        <TransitionSheet
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
