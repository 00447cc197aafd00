import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y, nativeA11y } from '@/lib/a11y'
import { chinaDateLabel } from '@/lib/china-date'
import { mediaUrl } from '@/lib/api/client'
import type { BoardData } from '../api/get-board'

type BoardProject = BoardData['projects']['items'][number]

const tones: Record<BoardProject['status'], TagTone> = { not_started: 'neutral', in_progress: 'info', done: 'success', shelved: 'warning' }

/** A project (项目清单): the needs it meets, what it uses, who does it by when, how far it is, its latest photos. */
export function BoardProjectCard({ item, now, onOpen }: { item: BoardProject; now: Date; onOpen: () => void }) {
  const urls = item.photos.filter((p) => p.url).map((p) => mediaUrl(p.url))
  return (
    <View className='card board-item' data-testid='board-project' data-title={item.title} data-status={item.status}>
      <View className='board-item__head'>
        <Text className='board-item__title'>{item.title}</Text>
        <Tag tone={tones[item.status]} data={{ status: item.status }}>
          {item.statusLabel}
        </Tag>
      </View>
      <View className='board-facts'>
        <Text className='board-facts__label'>{t.board.projectNeeds}</Text>
        <Text className='board-facts__value'>{item.needs.join('、')}</Text>
        <Text className='board-facts__label'>{t.board.projectResources}</Text>
        <Text className='board-facts__value'>{item.resources.join('、')}</Text>
        <Text className='board-facts__label'>{t.board.party}</Text>
        <Text className='board-facts__value'>{item.partyLabel}</Text>
        <Text className='board-facts__label'>{t.board.deadline}</Text>
        <Text className='board-facts__value'>{chinaDateLabel(item.deadline, now)}</Text>
        <Text className='board-facts__label'>{t.board.budget}</Text>
        <Text className='board-facts__value'>{item.budgetLabel}</Text>
      </View>
      <View className='board-progress' data-testid='board-progress'>
        <View className='board-progress__track'>
          <View className='board-progress__bar' style={{ width: `${item.progress}%` }} />
        </View>
        <Text className='board-progress__text'>{t.board.progress(item.progress)}</Text>
      </View>
      {urls.length ? (
        <View className='board-project__photo'>
          <View
            className='board-compare__photo'
            hoverClass='photo-tile--hover'
            data-testid='board-project-photo'
            onClick={() => void Taro.previewImage({ current: urls[0], urls })}
            {...a11y({ role: 'button', label: t.board.projectPhotoAlt(item.title) })}
          >
            <Image
              className='board-compare__img'
              src={urls[0]}
              mode='aspectFill'
              lazyLoad
              {...nativeA11y({ alt: t.board.projectPhotoAlt(item.title) })}
            />
            {urls.length > 1 ? <Text className='board-compare__more'>+{urls.length - 1}</Text> : null}
          </View>
        </View>
      ) : null}
      <View
        className='board-item__link'
        hoverClass='cell--hover'
        onClick={onOpen}
        data-testid='board-project-open'
        {...a11y({ role: 'link' })}
      >
        <Text>{t.board.openProject}</Text>
      </View>
    </View>
  )
}
