import { View, Text } from '@tarojs/components'
import { type Category, categories } from '@domain/concerns/categories.js'
import { Cell } from '@/components/cell'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import type { BreakdownBy, KpiReportData, KpiScope } from '@/features/kpis/api/get-kpis'
import { BreakdownCard, type Drill } from '@/features/kpis/components/breakdown-card'
import { FormulaCard, RateCards } from '@/features/kpis/components/rate-cards'
import { StreetSettingsCell } from '@/features/kpis/components/street-settings-cell'
import { TrendBars } from '@/features/kpis/components/trend-bars'
import { t } from '@/i18n/zh-cn'
import { openKpiConcerns, openKpis, openLimits } from '@/lib/routes'
import { PeriodFilter } from './period-filter'
import { useKpisPage } from './use-kpis-page'
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

/**
 * 三率: a unit's 响应率 · 解决率 · 满意率 and 综合 for 本月 / 本季度 / 本年 or any from–to, for all
 * categories or one; split, over twelve months, each figure opening its concerns.
 */
export default function KpisPage() {
  const page = useKpisPage()
  const { scope, unit, period, category, report, trend } = page

  if (!unit) {
    return (
      <Screen testId='page-kpis'>
        {page.loadingMe ? <SkeletonList count={3} lines={2} /> : <EmptyState icon='briefcase' text={t.workbench.notStaff} />}
      </Screen>
    )
  }
  const openFigure = (measure: string, target: { scope: string; id: string; category?: string | null }) =>
    void openKpiConcerns({ ...target, from: period.from, to: period.to, measure })
  const openRow = (drill: Drill, figure: string) =>
    figure === 'composite' ? void openKpis({ ...drill, from: period.from, to: period.to }) : openFigure(figure, drill)
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
          <Text className='staff-head__desc' data-testid='kpis-period'>
            {[r?.period.label ?? period.label, category ? categories[category as Category]?.label : null].filter(Boolean).join(' · ')}
          </Text>
        </View>
      </View>
      <PeriodFilter
        kind={page.kind}
        onKind={page.chooseKind}
        range={page.range}
        onRange={page.setRange}
        refused={page.refused}
        category={category}
        onCategory={page.setCategory}
      />
      {report.loading ? (
        <SkeletonList count={2} lines={3} />
      ) : page.periodRefused ? null : !r ? (
        report.error ? (
          <ErrorState error={report.error} onRetry={() => void report.refetch()} />
        ) : null
      ) : (
        <>
          <RateCards report={r} onOpen={(figure) => openFigure(figure, { scope, id: unit.id, category })} />
          <Medians report={r} />
          <BreakdownCard unit={unit} only={splits[scope]} onOpen={openRow} />
          {trend.data ? <TrendBars trend={trend.data} until={page.trendLastMonth} within={period} /> : null}
          <FormulaCard lines={r.formula} />
        </>
      )}
      <SettingsLinks scope={scope} id={unit.id} isStreetAdmin={page.isStreetAdmin} />
    </Screen>
  )
}

/** Where the numbers' rules are set: the community's 办理时限, the street's 考核设置 (for its officials). */
function SettingsLinks({ scope, id, isStreetAdmin }: { scope: KpiScope; id: string; isStreetAdmin: boolean }) {
  if (scope !== 'community' && !(scope === 'street' && isStreetAdmin)) return null
  return (
    <View className='card card--flush'>
      {scope === 'community' ? (
        <Cell
          icon='clock'
          iconTone='info'
          title={t.limits.entry}
          desc={t.limits.entryDesc}
          arrow
          onClick={() => void openLimits(id)}
          testId='open-limits'
        />
      ) : (
        <StreetSettingsCell streetId={id} />
      )}
    </View>
  )
}

function Medians({ report }: { report: KpiReportData }) {
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
