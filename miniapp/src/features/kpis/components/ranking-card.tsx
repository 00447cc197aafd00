import { View, Text } from '@tarojs/components'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import type { KpiRankingData } from '../api/get-ranking'
import './kpis.scss'

type Unit = KpiRankingData['ranked'][number]['unit']
type Rates = KpiRankingData['ranked'][number]['rates']
const figures = ['composite', 'response', 'resolution', 'satisfaction'] as const

function Figures({ rates }: { rates: Rates }) {
  return (
    <View className='breakdown-row__figures'>
      {figures.map((f) => (
        <View key={f} className='breakdown-figure' data-figure={f}>
          <Text className='breakdown-figure__label'>{t.kpis.trendMeasure[f]}</Text>
          <Text className='breakdown-figure__value'>{rates[f].den === '0' ? t.kpis.empty : rates[f].percent}</Text>
        </View>
      ))}
    </View>
  )
}

/** The street's units ranked on 综合 with their samples; those under the minimum sample listed apart, unranked. */
export function RankingCard({ ranking, onOpen }: { ranking: KpiRankingData; onOpen: (unit: Unit) => void }) {
  return (
    <>
      <View className='card' data-testid='ranking'>
        <Text className='card__title'>{t.street.ranking}</Text>
        {ranking.ranked.length === 0 ? (
          <Text className='breakdown-row__reason' data-testid='ranking-empty'>
            {t.street.rankingEmpty}
          </Text>
        ) : null}
        {ranking.ranked.map((row) => (
          <View
            key={row.unit.id}
            className='breakdown-row'
            hoverClass='cell--hover'
            onClick={() => onOpen(row.unit)}
            data-testid='ranking-row'
            data-unit={row.unit.name}
            data-rank={row.rank}
            {...a11y({ role: 'button' })}
          >
            <View className='breakdown-row__head'>
              <View className='ranking-row__name'>
                <Text className='kpi-rank'>{row.rank}</Text>
                <Text className='breakdown-row__name'>{row.unit.name}</Text>
              </View>
              <Text className='breakdown-row__sample'>{t.kpis.sample(row.sample)}</Text>
            </View>
            <Figures rates={row.rates} />
          </View>
        ))}
      </View>
      {ranking.apart.length > 0 ? (
        <View className='card' data-testid='ranking-apart'>
          <Text className='card__title'>{t.street.apart}</Text>
          {ranking.apart.map((row) => (
            <View
              key={row.unit.id}
              className='breakdown-row'
              hoverClass='cell--hover'
              onClick={() => onOpen(row.unit)}
              data-testid='apart-row'
              data-unit={row.unit.name}
              {...a11y({ role: 'button' })}
            >
              <View className='breakdown-row__head'>
                <Text className='breakdown-row__name'>{row.unit.name}</Text>
                <Text className='breakdown-row__sample'>{t.kpis.sample(row.sample)}</Text>
              </View>
              <Text className='breakdown-row__reason'>{row.reason}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </>
  )
}
