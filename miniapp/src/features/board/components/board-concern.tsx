import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y, nativeA11y } from '@/lib/a11y'
import { mediaUrl } from '@/lib/api/client'
import { chinaDateLabel } from '@/lib/china-date'
import type { BoardData } from '../api/get-board'

type BoardConcern = BoardData['concerns']['items'][number]
type Photo = BoardConcern['before'][number]

/**
 * A resolved concern on the 公示栏: what and where (the building at most), 按时 or not, and the
 * photos before (raised) and after (到场 · 办结) side by side, when there are any; tap one to see them all. No words of
 * the resident's: 查看诉求 opens its own page.
 */
export function BoardConcernCard({ item, now, onOpen }: { item: BoardConcern; now: Date; onOpen: () => void }) {
  const what = `${item.categoryLabel} · ${item.place}`
  return (
    <View className='card board-item' data-testid='board-concern'>
      <View className='board-item__head'>
        <Text className='board-item__title'>{what}</Text>
        <Tag tone={item.onTime ? 'success' : 'warning'}>{item.onTime ? t.board.onTime : t.board.late}</Tag>
      </View>
      {item.before.length + item.after.length > 0 ? (
        <View className='board-compare'>
          <Side label={t.board.before} photos={item.before} alt={t.board.photoAlt(t.board.before, item.categoryLabel, item.place)} />
          <Side label={t.board.after} photos={item.after} alt={t.board.photoAlt(t.board.after, item.categoryLabel, item.place)} />
        </View>
      ) : null}
      <Text className='board-item__meta'>
        {item.publicNo} · {t.board.received(chinaDateLabel(item.receivedAt, now))} ·{' '}
        {t.board.resolved(chinaDateLabel(item.resolvedAt, now))}
      </Text>
      {item.ratingLabel ? <Text className='board-item__meta'>{t.board.rating(item.ratingLabel)}</Text> : null}
      <View
        className='board-item__link'
        hoverClass='cell--hover'
        onClick={onOpen}
        data-testid='board-concern-open'
        {...a11y({ role: 'link' })}
      >
        <Text>{t.board.openConcern}</Text>
      </View>
    </View>
  )
}

function Side({ label, photos, alt }: { label: string; photos: readonly Photo[]; alt: string }) {
  const shown = photos.filter((p) => p.url)
  const urls = shown.map((p) => mediaUrl(p.url))
  return (
    <View className='board-compare__side' data-testid={label === t.board.before ? 'board-before' : 'board-after'}>
      <Text className='board-compare__label'>{label}</Text>
      {shown.length ? (
        <View
          className='board-compare__photo'
          hoverClass='photo-tile--hover'
          onClick={() => void Taro.previewImage({ current: urls[0], urls })}
          {...a11y({ role: 'button', label: alt })}
        >
          <Image className='board-compare__img' src={urls[0]} mode='aspectFill' lazyLoad {...nativeA11y({ alt })} />
          {shown.length > 1 ? <Text className='board-compare__more'>+{shown.length - 1}</Text> : null}
        </View>
      ) : (
        <View className='board-compare__photo board-compare__photo--none'>
          <Text className='board-compare__none'>{t.board.noPhoto}</Text>
        </View>
      )}
    </View>
  )
}
