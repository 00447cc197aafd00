import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type Category, categories } from '@domain/concerns/categories.js'
import { currentPeriod, type PeriodKind, periodKinds } from '@domain/kpis/period.js'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { SkeletonList } from '@/components/skeleton'
import { type BreakdownBy, type KpiScope, type KpiUnitQuery, useKpis, useKpiTrend } from '@/features/kpis/api/get-kpis'
import { BreakdownCard, type Drill } from '@/features/kpis/components/breakdown-card'
import { FormulaCard, RateCards } from '@/features/kpis/components/rate-cards'
import { TrendBars } from '@/features/kpis/components/trend-bars'
import { useMe } from '@/features/me/api/get-me'
import { workbenchCommunities } from '@/features/me/workbench'
import { t } from '@/i18n/zh-cn'
import { openKpiConcerns, openKpis } from '@/lib/routes'
import '../../shell.scss'
import './index.scss'

/** The splits worth showing for each kind of unit. */
const splits: Record<KpiScope, readonly BreakdownBy[]> = {
  street: ['grid', 'worker', 'partner', 'category'],
  community: ['grid', 'worker', 'partner', 'category'],
  grid: ['worker', 'category'],
  worker: ['category'],
  partner: ['category'],
}

/** Which unit: from the link (a ranking row, a breakdown row), else the first community this person is staff of. */
function useUnitParams() {
  const router = useRouter()
  const me = useMe()
  const fallback = workbenchCommunities(me.data).find((c) => c.kind === 'staff')?.communityId
  const scope = (router.params.scope as KpiScope | undefined) || 'community'
  const id = router.params.id || (scope === 'community' ? fallback : undefined)
  return { scope, id, category: router.params.category || undefined, loadingMe: !router.params.id && me.loading }
}

/** 三率: a unit's 响应率 · 解决率 · 满意率 and 综合 for 本月 / 本季度 / 本年, split, over twelve months, each figure opening its concerns. */
export default function KpisPage() {
  const { scope, id, category, loadingMe } = useUnitParams()
  const [kind, setKind] = useState<PeriodKind>('month')
  const period = currentPeriod(kind, new Date())
  const unit: KpiUnitQuery | null = id ? { scope, id, from: period.from, to: period.to, category } : null
  const report = useKpis(unit)
  const trend = useKpiTrend(id && !category ? { scope, id } : null)

  usePullDownRefresh(async () => {
    await Promise.all([report.refetch(), trend.refetch()])
    Taro.stopPullDownRefresh()
  })

  const openFigure = (measure: string, target: { scope: string; id: string; category?: string | null }) =>
    void openKpiConcerns({ ...target, from: period.from, to: period.to, measure })
  const openRow = (drill: Drill, figure: string) => (figure === 'composite' ? void openKpis(drill) : openFigure(figure, drill))

  if (!unit) {
    return (
      <Screen testId='page-kpis'>
        {loadingMe ? <SkeletonList count={3} lines={2} /> : <EmptyState icon='briefcase' text={t.workbench.notStaff} />}
      </Screen>
    )
  }
  const r = report.data
  return (
    <Screen testId='page-kpis' className='staff kpis-page'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='layers' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title' data-testid='kpis-unit'>
            {r ? r.scope.name : t.kpis.title}
          </Text>
          <Text className='staff-head__desc'>
            {[r?.period.label ?? period.label, category ? categories[category as Category]?.label : null].filter(Boolean).join(' · ')}
          </Text>
        </View>
      </View>
      <Segmented
        className='kpi-switch'
        items={periodKinds.map((key) => ({ key, label: t.kpis.periods[key] }))}
        value={kind}
        onChange={setKind}
        testIdPrefix='period'
      />
      {report.loading ? (
        <SkeletonList count={2} lines={3} />
      ) : !r ? (
        report.error ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : null
      ) : (
        <>
          <RateCards report={r} onOpen={(figure) => openFigure(figure, { scope, id: unit.id, category })} />
          <Medians report={r} />
          <BreakdownCard unit={unit} only={splits[scope]} onOpen={openRow} />
          {trend.data ? <TrendBars trend={trend.data} /> : null}
          <FormulaCard lines={r.formula} />
        </>
      )}
    </Screen>
  )
}

function Medians({ report }: { report: NonNullable<ReturnType<typeof useKpis>['data']> }) {
  const { ackMinutes, resolveHours } = report.medians
  return (
    <View className='card kpis-page__medians' data-testid='kpi-medians'>
      <View className='kpis-page__median'>
        <Text className='kpis-page__median-label'>{t.kpis.medianAck}</Text>
        <Text className='kpis-page__median-value'>{ackMinutes?.text ?? t.kpis.noneYet}</Text>
      </View>
      <View className='kpis-page__median'>
        <Text className='kpis-page__median-label'>{t.kpis.medianResolve}</Text>
        <Text className='kpis-page__median-value'>{resolveHours?.text ?? t.kpis.noneYet}</Text>
      </View>
    </View>
  )
}
