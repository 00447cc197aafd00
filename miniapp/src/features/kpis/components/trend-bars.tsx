import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { Segmented } from '@/components/segmented'
import { t } from '@/i18n/zh-cn'
import { cx } from '@/lib/format'
import type { KpiTrendData } from '../api/get-kpis'
import './kpis.scss'

type TrendFigure = 'composite' | 'response' | 'resolution' | 'satisfaction'
const trendFigures: TrendFigure[] = ['composite', 'response', 'resolution', 'satisfaction']
const SHOWN = 12

/** "2026年11月" → "11月" (the year is in the first bar's label and the title). */
const monthLabel = (label: string, i: number) => (i === 0 ? label : label.replace(/^\d{4}年/, ''))

export interface TrendBarsProps {
  trend: KpiTrendData
  /** The last month to show (YYYY-MM): the twelve months up to it; without, up to the current one. */
  until?: string
  /** The chosen period: its months are marked. */
  within?: { from: string; to: string }
}

/**
 * Twelve months as plain horizontal bars, one per row: readable at any type size (长辈模式 wraps
 * nothing), and a month with no cases shows "—" instead of a zero that did not happen.
 */
export function TrendBars({ trend, until, within }: TrendBarsProps) {
  const [figure, setFigure] = useState<TrendFigure>('composite')
  const months = (until ? trend.months.filter((m) => m.period.from.slice(0, 7) <= until) : trend.months).slice(-SHOWN)
  const last = months[months.length - 1]
  const upToNow = !last || last === trend.months[trend.months.length - 1]
  return (
    <View className='card kpi-trend' data-testid='kpi-trend'>
      <Text className='card__title' data-testid='kpi-trend-title'>
        {upToNow ? t.kpis.trend : t.kpis.trendUntil(last.period.label)}
      </Text>
      <Segmented
        className='kpi-trend__switch'
        items={trendFigures.map((key) => ({ key, label: t.kpis.trendMeasure[key] }))}
        value={figure}
        onChange={setFigure}
        testIdPrefix='trend'
      />
      {months.length === 0 ? <EmptyState compact icon='list' text={t.kpis.trendTooOld} /> : null}
      {months.map((m, i) => {
        const rate = m.rates[figure]
        const width = rate.value === null ? 0 : Math.max(2, Math.round(rate.value * 100))
        const inside = !!within && m.period.to >= within.from && m.period.from <= within.to
        return (
          <View
            key={m.period.from}
            className={cx('trend-row', inside && 'trend-row--in')}
            data-testid='trend-month'
            data-month={m.period.from.slice(0, 7)}
            data-in-period={inside ? 'true' : undefined}
          >
            <Text className='trend-row__month'>{monthLabel(m.period.label, i)}</Text>
            <View className='trend-row__track'>
              <View className='trend-row__bar' style={{ width: `${width}%` }} />
            </View>
            <Text className='trend-row__value'>{rate.den === '0' ? t.kpis.empty : rate.percent}</Text>
          </View>
        )
      })}
    </View>
  )
}
