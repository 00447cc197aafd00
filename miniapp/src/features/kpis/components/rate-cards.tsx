import { View, Text } from '@tarojs/components'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { KpiReportData, RateData } from '../api/get-kpis'
import './kpis.scss'

export type CardFigure = 'response' | 'resolution' | 'satisfaction' | 'composite'
const figures: CardFigure[] = ['response', 'resolution', 'satisfaction', 'composite']

/** One decimal at most: 17.9, 18. */
const decimal = (n: number) => String(Math.round(n * 10) / 10)

/**
 * The exact fraction people check against the list: counts for 响应 and 解决; for 满意 the
 * weighted satisfied count over the rated; none for 综合 (a weighted sum, shown by its formula).
 */
function fractionOf(figure: CardFigure, r: KpiReportData): string | null {
  const c = r.counts
  if (figure === 'response') return `${c.ackOnTime}/${c.received}`
  if (figure === 'resolution') return `${c.resolvedNotReopened}/${c.due}`
  if (figure === 'satisfaction') {
    const weighted =
      c.ratings.very_satisfied + c.ratings.satisfied + (r.settings.basicSatisfiedPercent / 100) * c.ratings.basically_satisfied
    return `${decimal(weighted)}/${c.rated}`
  }
  return null
}

function sampleOf(figure: CardFigure, r: KpiReportData): string | null {
  const c = r.counts
  if (figure === 'response') return t.kpis.sample(c.received)
  if (figure === 'resolution') return t.kpis.sample(c.due)
  if (figure === 'satisfaction') return t.kpis.sample(c.rated)
  return null
}

/** 响应率 · 解决率 · 满意率 · 综合: the percent, the exact fraction and the sample; tapping one opens its concerns. */
export function RateCards({ report, onOpen }: { report: KpiReportData; onOpen: (figure: Exclude<CardFigure, 'composite'>) => void }) {
  return (
    <View className='rate-cards' data-testid='rate-cards'>
      {figures.map((figure) => {
        const rate: RateData = report.rates[figure]
        const fraction = fractionOf(figure, report)
        const sample = sampleOf(figure, report)
        const open = figure === 'composite' ? undefined : () => onOpen(figure)
        return (
          <View
            key={figure}
            className={cx('rate-card', figure === 'composite' && 'rate-card--composite')}
            hoverClass={open ? 'cell--hover' : 'none'}
            onClick={open}
            data-testid='rate-card'
            data-figure={figure}
            {...a11y({ role: open ? 'button' : undefined, label: `${rate.label} ${rate.percent}` })}
          >
            <Text className='rate-card__label'>{rate.label}</Text>
            <Text className='rate-card__percent' data-testid='rate-percent'>
              {rate.den === '0' ? t.kpis.empty : rate.percent}
            </Text>
            {fraction ? (
              <Text className='rate-card__fraction' data-testid='rate-fraction'>
                {fraction}
              </Text>
            ) : null}
            {sample ? <Text className='rate-card__sample'>{sample}</Text> : null}
            <Text className='rate-card__text'>{rate.text}</Text>
          </View>
        )
      })}
    </View>
  )
}

/** The formulas with the street's weights and factor, as the API states them. */
export function FormulaCard({ lines }: { lines: readonly string[] }) {
  return (
    <View className='card kpi-formulas' data-testid='kpi-formulas'>
      <Text className='card__title'>{t.kpis.formulas}</Text>
      {lines.map((line) => (
        <Text key={line} className='kpi-formulas__line'>
          {line}
        </Text>
      ))}
    </View>
  )
}
