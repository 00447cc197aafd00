import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { Segmented } from '@/components/segmented'
import { t } from '@/i18n/zh-cn'
import type { KpiTrendData } from '../api/get-kpis'
import './kpis.scss'

type TrendFigure = 'composite' | 'response' | 'resolution' | 'satisfaction'
const trendFigures: TrendFigure[] = ['composite', 'response', 'resolution', 'satisfaction']

/** "2026年11月" → "11月" (the year is in the first bar's label and the title). */
const monthLabel = (label: string, i: number) => (i === 0 ? label : label.replace(/^\d{4}年/, ''))

/**
 * Twelve months as plain horizontal bars, one per row: readable at any type size (长辈模式 wraps
 * nothing), and a month with no cases shows "—" instead of a zero that did not happen.
 */
export function TrendBars({ trend }: { trend: KpiTrendData }) {
  const [figure, setFigure] = useState<TrendFigure>('composite')
  return (
    <View className='card kpi-trend' data-testid='kpi-trend'>
      <Text className='card__title'>{t.kpis.trend}</Text>
      <Segmented
        className='kpi-trend__switch'
        items={trendFigures.map((key) => ({ key, label: t.kpis.trendMeasure[key] }))}
        value={figure}
        onChange={setFigure}
        testIdPrefix='trend'
      />
      {trend.months.map((m, i) => {
        const rate = m.rates[figure]
        const width = rate.value === null ? 0 : Math.max(2, Math.round(rate.value * 100))
        return (
          <View key={m.period.from} className='trend-row' data-testid='trend-month' data-month={m.period.from.slice(0, 7)}>
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
