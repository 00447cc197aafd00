import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Segmented } from '@/components/segmented'
import { SkeletonList } from '@/components/skeleton'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { type BreakdownBy, type KpiBreakdownData, type KpiUnitQuery, useKpiBreakdown } from '../api/get-kpis'
import './kpis.scss'

type Row = KpiBreakdownData['rows'][number]
export type Drill = NonNullable<Row['drill']>
type RowFigure = 'response' | 'resolution' | 'satisfaction' | 'composite'
const rowFigures: RowFigure[] = ['response', 'resolution', 'satisfaction', 'composite']
const kinds: BreakdownBy[] = ['grid', 'worker', 'partner', 'category']

export interface BreakdownCardProps {
  unit: KpiUnitQuery
  /** A figure of a row was tapped: its concerns (综合 opens the row's own 三率). */
  onOpen: (drill: Drill, figure: RowFigure) => void
  /** The splits that make sense for this unit (a grid has no grids). */
  only?: readonly BreakdownBy[]
}

/** 分项: the unit's figures by grid, worker, partner or category, most concerns first. */
export function BreakdownCard({ unit, onOpen, only }: BreakdownCardProps) {
  const offered = kinds.filter((k) => !only || only.includes(k))
  const [by, setBy] = useState<BreakdownBy>(offered[0])
  const breakdown = useKpiBreakdown(unit, by)
  return (
    <View className='card kpi-breakdown' data-testid='kpi-breakdown'>
      <Text className='card__title'>{t.kpis.breakdown}</Text>
      <Segmented
        className='kpi-breakdown__switch'
        items={offered.map((key) => ({ key, label: t.kpis.by[key] }))}
        value={by}
        onChange={setBy}
        testIdPrefix='breakdown'
      />
      {breakdown.loading ? (
        <SkeletonList count={2} lines={2} />
      ) : breakdown.error && !breakdown.data ? (
        <ErrorState compact error={breakdown.error} onRetry={() => void breakdown.refetch()} />
      ) : !breakdown.data?.rows.length ? (
        <EmptyState compact icon='list' text={t.kpis.breakdownEmpty} />
      ) : (
        breakdown.data.rows.map((row) => <BreakdownRow key={row.unit.id || 'none'} row={row} onOpen={onOpen} />)
      )}
    </View>
  )
}

function BreakdownRow({ row, onOpen }: { row: Row; onOpen: BreakdownCardProps['onOpen'] }) {
  return (
    <View className='breakdown-row' data-testid='breakdown-row' data-unit={row.unit.name}>
      <View className='breakdown-row__head'>
        <Text className='breakdown-row__name'>{row.unit.name}</Text>
        <Text className='breakdown-row__sample'>{t.kpis.sample(row.sample)}</Text>
      </View>
      <View className='breakdown-row__figures'>
        {rowFigures.map((figure) => {
          const rate = row.rates[figure]
          const drill = row.drill
          return (
            <View
              key={figure}
              className='breakdown-figure'
              hoverClass={drill ? 'cell--hover' : 'none'}
              onClick={drill ? () => onOpen(drill, figure) : undefined}
              data-testid='breakdown-figure'
              data-figure={figure}
              {...a11y({ role: drill ? 'button' : undefined, label: `${row.unit.name} ${rate.label} ${rate.percent}` })}
            >
              <Text className='breakdown-figure__label'>{t.kpis.trendMeasure[figure]}</Text>
              <Text className='breakdown-figure__value'>{rate.den === '0' ? t.kpis.empty : rate.percent}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
