import { Button, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useErrands } from '@/features/errands/api/errands'
import { ErrandCard } from '@/features/errands/components/errand-card'
import { useErrandSteps } from '@/features/errands/hooks'
import { useMe } from '@/features/me/api/get-me'
import { t } from '@/i18n/zh-cn'
import '@/features/errands/components/errands.scss'

/** 代办接单, for a station's helper: errands open in my buildings (no address or phone until 接单), and mine to mark 已办好. */
export default function ErrandHelperPage() {
  const me = useMe()
  const communityId = useRouter().params.communityId || me.data?.households[0]?.communityId || me.data?.memberships[0]?.communityId
  const errands = useErrands(communityId, 'helper')
  const steps = useErrandSteps()
  useDidShow(() => void errands.refetch())
  usePullDownRefresh(async () => {
    await errands.refetch()
    Taro.stopPullDownRefresh()
  })
  const items = errands.data?.items ?? []
  const open = items.filter((e) => e.status === 'asked')
  const taken = items.filter((e) => e.status !== 'asked')
  return (
    <Screen testId='page-errand-helper'>
      {!errands.data ? (
        errands.error ? (
          <ErrorState error={errands.error} onRetry={() => void errands.refetch()} />
        ) : (
          <SkeletonList count={2} lines={3} />
        )
      ) : (
        <>
          <View className='section-title section-title--first'>{t.errands.helperOpen}</View>
          {open.length === 0 ? <EmptyState compact icon='checkCircle' text={t.errands.helperEmpty} /> : null}
          {open.map((e) => (
            <ErrandCard key={e.id} errand={e}>
              <Button
                className='btn btn--primary'
                hoverClass='btn--hover'
                data-testid='errand-accept'
                disabled={steps.loading}
                onClick={() => void steps.take({ id: e.id, step: 'accept' }, t.errands.acceptConfirm, t.errands.accepted)}
              >
                {t.errands.accept}
              </Button>
            </ErrandCard>
          ))}
          {taken.length ? <View className='section-title'>{t.errands.helperMine}</View> : null}
          {taken.map((e) => (
            <ErrandCard key={e.id} errand={e}>
              {e.actions.includes('done') ? (
                <Button
                  className='btn btn--primary'
                  hoverClass='btn--hover'
                  data-testid='errand-done'
                  disabled={steps.loading}
                  onClick={() => void steps.take({ id: e.id, step: 'done' }, t.errands.doneConfirm, t.errands.markedDone)}
                >
                  {t.errands.done}
                </Button>
              ) : null}
            </ErrandCard>
          ))}
        </>
      )}
    </Screen>
  )
}
