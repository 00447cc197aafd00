import { View, Text } from '@tarojs/components'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { formatMoment } from '@/lib/format'
import type { RoundData } from '../api/needs'
import './needs.scss'

/** A dot round: which session, when, how many dots are left, and the ranking so far. */
export function RoundCard({ round, resident, top = 5 }: { round: RoundData; resident: boolean; top?: number }) {
  const now = new Date()
  return (
    <View className='card need-round' data-testid='need-round' data-round-id={round.id} data-phase={round.phase}>
      <View className='need-card__head'>
        <Text className='need-round__title'>{t.needs.round(round.session.title)}</Text>
        <Tag tone={round.phase === 'open' ? 'success' : 'neutral'}>{t.needs.phase[round.phase]}</Tag>
      </View>
      <Text className='need-card__line'>{t.needs.roundWindow(formatMoment(round.opensAt, now), formatMoment(round.closesAt, now))}</Text>
      {resident && round.phase === 'open' ? (
        <>
          <Text className='need-card__desc' data-testid='need-dots-left'>
            {t.needs.dotsLeft(round.dotsLeft, round.dots)}
          </Text>
          <Text className='need-card__line'>{t.needs.dotsHint}</Text>
        </>
      ) : null}
      <Text className='need-card__line'>{t.needs.ranking}</Text>
      {round.ranking.slice(0, top).map((r) => (
        <View key={r.needId} className='need-round__rank' data-testid='need-rank' data-need-id={r.needId} data-rank={r.rank}>
          <Text>{r.title}</Text>
          <Text>{t.needs.rankLine(r.rank, r.dots)}</Text>
        </View>
      ))}
    </View>
  )
}
