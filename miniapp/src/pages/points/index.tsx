import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { useMe } from '@/features/me/api/get-me'
import { usePointsSummary, useRules } from '@/features/points/api/points'
import { StatementCard } from '@/features/points/components/statement'
import { t } from '@/i18n/zh-cn'
import { openPoints } from '@/lib/routes'
import '@/features/points/components/points.scss'

/** 我的积分: the balance, the household's, a monthly statement (本人 or 本户), how to earn, the way to the 爱心超市. */
export default function PointsPage() {
  const me = useMe()
  const communityId = useRouter().params.communityId || me.data?.households[0]?.communityId
  const summary = usePointsSummary(communityId)
  const rules = useRules(communityId)

  useDidShow(() => void summary.refetch())
  usePullDownRefresh(async () => {
    await Promise.all([summary.refetch(), rules.refetch()])
    Taro.stopPullDownRefresh()
  })

  if (!communityId && !me.loading) {
    return (
      <Screen testId='page-points'>
        <EmptyState icon='home' text={t.points.notResident} />
      </Screen>
    )
  }
  const s = summary.data
  if (!s) {
    return (
      <Screen testId='page-points'>
        {summary.error?.status === 403 ? (
          <EmptyState icon='home' text={t.points.notResident} />
        ) : summary.error ? (
          <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />
        ) : (
          <SkeletonList count={3} lines={2} />
        )}
      </Screen>
    )
  }
  return (
    <Screen testId='page-points'>
      <View className='points-hero' data-testid='points-balance' data-balance={s.balance}>
        <Text className='points-hero__label'>{t.points.balance}</Text>
        <Text className='points-hero__value'>{`${s.balance} ${t.points.unit}`}</Text>
        <Text className='points-hero__sub'>{s.household ? t.points.household(s.household.balance) : t.points.noHousehold}</Text>
      </View>
      <View className='points-actions'>
        <Button
          className='btn btn--primary btn--small'
          hoverClass='btn--hover'
          onClick={() => void openPoints('pointsShop', s.communityId)}
          data-testid='open-shop'
        >
          {t.points.shopEntry}
        </Button>
        <Button
          className='btn btn--plain btn--small'
          hoverClass='btn--hover'
          onClick={() => void openPoints('goodDeed', s.communityId)}
          data-testid='open-good-deed'
        >
          {t.points.goodDeedEntry}
        </Button>
      </View>

      <StatementCard communityId={s.communityId} household={!!s.household} />

      {rules.data ? (
        <>
          <View className='section-title'>{t.points.howToEarn}</View>
          <View className='card points-totals'>
            {rules.data.rules.map((r) => (
              <Text key={r.kind}>{(r.kind === 'volunteer' ? t.points.ruleLinePerHour : t.points.ruleLine)(r.label, r.amount)}</Text>
            ))}
          </View>
        </>
      ) : null}
    </Screen>
  )
}
