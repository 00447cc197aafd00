import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { type Category, categories } from '@domain/concerns/categories.js'
import { figureLabels } from '@domain/kpis/formulas.js'
import { EmptyState } from '@/components/empty-state'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { SkeletonList } from '@/components/skeleton'
import { type DrillQuery, type Measure, useKpiConcerns } from '@/features/kpis/api/get-kpi-concerns'
import type { KpiScope } from '@/features/kpis/api/get-kpis'
import { KpiConcernRow } from '@/features/kpis/components/kpi-concern-row'
import { t } from '@/i18n/zh-cn'
import { openStaffConcern } from '@/lib/routes'
import '../../shell.scss'

type Outcome = 'all' | 'hit' | 'miss'
const outcomes: Outcome[] = ['all', 'hit', 'miss']

/** The query from the link the 三率 page opened; null when a part is missing. */
function useDrillParams(): Omit<DrillQuery, 'outcome'> | null {
  const p = useRouter().params
  if (!p.scope || !p.id || !p.from || !p.to || !p.measure) return null
  return { scope: p.scope as KpiScope, id: p.id, from: p.from, to: p.to, measure: p.measure as Measure, category: p.category || undefined }
}

/** 数字背后的诉求: every concern a figure counts — its whole denominator, or only those counted in (计入) or not (未计入). */
export default function KpiConcernsPage() {
  const params = useDrillParams()
  const [outcome, setOutcome] = useState<Outcome>('all')
  const [total, setTotal] = useState<number>()
  const list = useKpiConcerns(params ? { ...params, outcome: outcome === 'all' ? undefined : outcome } : null, setTotal)
  useLoadMoreAtBottom(list)
  usePullDownRefresh(async () => {
    await list.refresh()
    Taro.stopPullDownRefresh()
  })

  if (!params) {
    return (
      <Screen testId='page-kpi-concerns'>
        <EmptyState icon='list' text={t.kpis.drillEmpty} />
      </Screen>
    )
  }
  return (
    <Screen testId='page-kpi-concerns' className='staff'>
      <View className='staff-head'>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{figureLabels[params.measure]}</Text>
          <Text className='staff-head__desc' data-testid='kpi-concerns-total'>
            {[
              `${params.from} — ${params.to}`,
              params.category ? categories[params.category as Category]?.label : null,
              total === undefined ? null : t.kpis.drillTotal(total),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </View>
      </View>
      <Segmented
        className='kpi-switch'
        items={outcomes.map((key) => ({ key, label: key === 'all' ? t.kpis.all : t.kpis[key] }))}
        value={outcome}
        onChange={(o) => {
          setTotal(undefined)
          setOutcome(o)
        }}
        testIdPrefix='outcome'
      />
      <View className='card card--flush'>
        <PagedList
          list={list}
          testId='kpi-concern-list'
          skeleton={<SkeletonList count={3} lines={2} />}
          empty={<EmptyState compact icon='list' text={t.kpis.drillEmpty} />}
        >
          {(items) => items.map((item) => <KpiConcernRow key={item.id} item={item} onClick={() => void openStaffConcern(item.id)} />)}
        </PagedList>
      </View>
    </Screen>
  )
}
