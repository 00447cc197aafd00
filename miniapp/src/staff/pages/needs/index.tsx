import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { Cell } from '@/components/cell'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useSessions } from '@/features/councils/api/get-sessions'
import { type NeedData, useNeeds, useOffer, useReview } from '@/features/needs/api/needs'
import { DeclineSheet } from '@/features/needs/components/decline-sheet'
import { NeedCard } from '@/features/needs/components/need-card'
import { NeedSheet } from '@/features/needs/components/need-sheet'
import { RoundCard } from '@/features/needs/components/round-card'
import { RoundSheet } from '@/features/needs/components/round-sheet'
import { t } from '@/i18n/zh-cn'
import { routes, withQuery } from '@/lib/routes'
import '../../shell.scss'

/**
 * 需求清单管理: review residents' needs, add needs, open a dot round for an upcoming session and
 * offer the top-ranked needs as its topics (they arrive pending; staff place them on the agenda).
 */
export default function StaffNeedsPage() {
  const params = useRouter().params
  const communityId = params.communityId || undefined
  const needs = useNeeds(communityId)
  const sessions = useSessions(communityId, 'upcoming')
  const review = useReview()
  const offer = useOffer()
  const [sheet, setSheet] = useState<'need' | 'round' | undefined>(params.concernId ? 'need' : undefined)
  const [declining, setDeclining] = useState<NeedData>()

  usePullDownRefresh(async () => {
    await needs.refetch()
    Taro.stopPullDownRefresh()
  })

  if (!communityId) {
    return (
      <Screen testId='page-staff-needs'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }
  const list = needs.data
  const round = list?.rounds.find((r) => r.phase === 'open') ?? list?.rounds[0]
  const top = round?.ranking.filter((r) => r.status === 'open' && r.dots > 0 && r.rank <= 3) ?? []
  const withRound = new Set(list?.rounds.map((r) => r.session.id))
  const free = sessions.items.filter((s) => (s.status === 'planned' || s.status === 'open') && !withRound.has(s.id))
  return (
    <Screen testId='page-staff-needs' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.needs.staffTitle}</Text>
          <Text className='staff-head__desc'>{t.needs.staffDesc}</Text>
        </View>
      </View>
      {!list ? (
        needs.error ? (
          <ErrorState error={needs.error} onRetry={() => void needs.refetch()} />
        ) : (
          <SkeletonList count={3} lines={2} />
        )
      ) : (
        <>
          {round ? <RoundCard round={round} resident={false} /> : null}
          {round && top.length ? (
            <View className='load-more'>
              <Button
                className='btn btn--primary'
                hoverClass='btn--hover'
                data-testid='needs-offer'
                disabled={offer.loading}
                onClick={async () => {
                  await offer.mutateAsync({ roundId: round.id, needIds: top.map((r) => r.needId) })
                  void Taro.showToast({ title: t.needs.offered, icon: 'none' })
                }}
              >
                {`${t.needs.offer}（${top.map((r) => r.title).join('、')}）`}
              </Button>
            </View>
          ) : null}
          <View className='load-more'>
            <Button className='btn btn--plain' hoverClass='btn--hover' data-testid='needs-open-round' onClick={() => setSheet('round')}>
              {t.needs.openRound}
            </Button>
            <Button className='btn btn--primary' hoverClass='btn--hover' data-testid='needs-create' onClick={() => setSheet('need')}>
              {t.needs.create}
            </Button>
          </View>
          {list.items.length === 0 ? <EmptyState compact icon='layers' text={t.needs.empty} /> : null}
          {list.items.map((n) => (
            <NeedCard key={n.id} need={n}>
              {n.status === 'pending_review' ? (
                <>
                  <Button
                    className='btn btn--primary btn--small'
                    hoverClass='btn--hover'
                    data-testid='need-accept'
                    disabled={review.loading}
                    onClick={() => void review.mutateAsync({ needId: n.id, body: { action: 'accept' } })}
                  >
                    {t.needs.accept}
                  </Button>
                  <Button
                    className='btn btn--danger btn--small'
                    hoverClass='btn--hover'
                    data-testid='need-decline'
                    onClick={() => setDeclining(n)}
                  >
                    {t.needs.decline}
                  </Button>
                </>
              ) : null}
            </NeedCard>
          ))}
          <Cell
            icon='layers'
            title={t.needs.resources}
            desc={t.needs.resourcesDesc}
            arrow
            testId='staff-needs-resources'
            onClick={() => void Taro.navigateTo({ url: withQuery(routes.resources, { communityId }) })}
          />
        </>
      )}
      {sheet === 'need' ? (
        <NeedSheet
          communityId={communityId}
          staff
          concernIds={params.concernId ? [params.concernId] : undefined}
          onClose={() => setSheet(undefined)}
          onDone={() => setSheet(undefined)}
        />
      ) : null}
      {sheet === 'round' ? (
        <RoundSheet communityId={communityId} sessions={free} onClose={() => setSheet(undefined)} onDone={() => setSheet(undefined)} />
      ) : null}
      {declining ? <DeclineSheet need={declining} onClose={() => setDeclining(undefined)} /> : null}
    </Screen>
  )
}
