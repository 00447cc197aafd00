import { Text, View } from '@tarojs/components'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { chinaDateLabel } from '@/lib/china-date'
import type { BoardData } from '../api/get-board'

type BoardResolution = BoardData['resolutions']['items'][number]

const tones: Record<BoardResolution['status'], TagTone> = {
  not_started: 'neutral',
  in_progress: 'info',
  done: 'success',
  shelved: 'warning',
}

/** A council resolution: the topic, what was decided, who does it by when, and how far it has got. */
export function BoardResolutionCard({ item, now }: { item: BoardResolution; now: Date }) {
  return (
    <View className='card board-item' data-testid='board-resolution'>
      <View className='board-item__head'>
        <Text className='board-item__title'>{item.topic}</Text>
        <Tag tone={tones[item.status]} data={{ status: item.status }}>
          {item.statusLabel}
        </Tag>
      </View>
      <Text className='board-item__text'>{item.text}</Text>
      <View className='board-facts'>
        <Text className='board-facts__label'>{t.board.party}</Text>
        <Text className='board-facts__value'>{item.partyLabel}</Text>
        <Text className='board-facts__label'>{t.board.deadline}</Text>
        <Text className='board-facts__value'>{chinaDateLabel(item.deadline, now)}</Text>
      </View>
      {item.progress !== null ? (
        <View className='board-progress' data-testid='board-progress'>
          <View className='board-progress__track'>
            <View className='board-progress__bar' style={{ width: `${item.progress}%` }} />
          </View>
          <Text className='board-progress__text'>{t.board.progress(item.progress)}</Text>
        </View>
      ) : null}
      <Text className='board-item__meta'>{t.board.decided(item.session.title, chinaDateLabel(item.decidedAt, now))}</Text>
    </View>
  )
}
