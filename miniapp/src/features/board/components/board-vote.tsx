import { Text, View } from '@tarojs/components'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { chinaDateLabel } from '@/lib/china-date'
import { cx } from '@/lib/format'
import type { BoardData } from '../api/get-board'

type BoardVote = BoardData['votes']['items'][number]

/** A vote's result in its 公示 period: the outcome, participation and the count of each option — never who chose what. */
export function BoardVoteCard({ item, now }: { item: BoardVote; now: Date }) {
  const until = chinaDateLabel(item.publicUntil, now)
  return (
    <View className='card board-item' data-testid='board-vote'>
      <View className='board-item__head'>
        <Text className='board-item__title'>{item.title}</Text>
        <Tag tone={item.outcome === 'passed' ? 'success' : 'neutral'}>{item.outcomeLabel}</Tag>
      </View>
      <Text className='board-item__meta'>
        {item.ruleLabel} · {t.board.participation(item.participants, item.electorate, item.participation)}
      </Text>
      <View className='board-options'>
        {item.options.map((o) => (
          <View key={o.label} className={cx('board-options__row', o.adopted && 'board-options__row--adopted')}>
            <Text className='board-options__label'>{o.label}</Text>
            <Text className='board-options__count'>{t.board.voteCount(o.count)}</Text>
          </View>
        ))}
      </View>
      <Text className='board-item__meta'>{item.inPublicity ? t.board.publicUntil(until) : t.board.publicEnded(until)}</Text>
    </View>
  )
}
