import { View, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Cell } from '@/components/cell'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useMe } from '@/features/me/api/get-me'
import { useNeeds, useSetDots, useSupport } from '@/features/needs/api/needs'
import { DotStepper, NeedCard } from '@/features/needs/components/need-card'
import { NeedSheet } from '@/features/needs/components/need-sheet'
import { RoundCard } from '@/features/needs/components/round-card'
import { t } from '@/i18n/zh-cn'
import { routes, withQuery } from '@/lib/routes'

/**
 * 需求清单 for residents: the open needs to support, and — when a dot round is open before a
 * 每月一议 — the dots to place (several on one need allowed) and the ranking so far.
 */
export default function NeedsPage() {
  const router = useRouter()
  const me = useMe()
  const communityId = router.params.communityId || me.data?.memberships[0]?.communityId
  const needs = useNeeds(communityId)
  const support = useSupport()
  const dots = useSetDots()
  const [proposing, setProposing] = useState(false)

  usePullDownRefresh(async () => {
    await needs.refetch()
    Taro.stopPullDownRefresh()
  })

  if (!communityId && !me.loading) {
    return (
      <Screen testId='page-needs'>
        <EmptyState icon='home' text={t.board.noCommunity} />
      </Screen>
    )
  }
  const list = needs.data
  const round = list?.rounds.find((r) => r.phase === 'open') ?? list?.rounds[0]
  const open = round?.phase === 'open'
  const mine = (needId: string) => round?.myDots.find((d) => d.needId === needId)?.count ?? 0
  return (
    <Screen testId='page-needs'>
      {!list ? (
        needs.error ? (
          <ErrorState error={needs.error} onRetry={() => void needs.refetch()} />
        ) : (
          <SkeletonList count={3} lines={3} />
        )
      ) : (
        <>
          {round ? <RoundCard round={round} resident /> : null}
          {list.items.length === 0 ? <EmptyState compact icon='layers' text={t.needs.empty} /> : null}
          {list.items.map((n) => (
            <NeedCard key={n.id} need={n}>
              {n.status === 'open' || n.status === 'on_agenda' ? (
                <Button
                  className={n.supportedByMe ? 'btn btn--plain btn--small' : 'btn btn--primary btn--small'}
                  hoverClass='btn--hover'
                  data-testid='need-support'
                  data-supported={String(n.supportedByMe)}
                  disabled={support.loading}
                  onClick={() => void support.mutateAsync({ needId: n.id, on: !n.supportedByMe })}
                >
                  {n.supportedByMe ? t.needs.supported : t.needs.support}
                </Button>
              ) : null}
              {open && round && n.status === 'open' ? (
                <DotStepper
                  title={n.title}
                  value={mine(n.id)}
                  canAdd={round.dotsLeft > 0 && !dots.loading}
                  onChange={(count) => void dots.mutateAsync({ roundId: round.id, needId: n.id, count })}
                />
              ) : null}
            </NeedCard>
          ))}
          <View className='load-more'>
            <Button className='btn btn--primary' hoverClass='btn--hover' data-testid='need-propose' onClick={() => setProposing(true)}>
              {t.needs.propose}
            </Button>
          </View>
          <Cell
            icon='layers'
            title={t.needs.resources}
            desc={t.needs.resourcesDesc}
            arrow
            testId='needs-resources'
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.resources, { communityId }) })}
          />
        </>
      )}
      {proposing && communityId ? (
        <NeedSheet
          communityId={communityId}
          staff={false}
          onClose={() => setProposing(false)}
          onDone={() => {
            setProposing(false)
            void Taro.showToast({ title: t.needs.submitted, icon: 'none' })
          }}
        />
      ) : null}
    </Screen>
  )
}
