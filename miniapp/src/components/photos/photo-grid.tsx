import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { colors } from '../colors'
import { Icon } from '../icon'
import { t } from '@/i18n/zh-cn'
import { a11y, nativeA11y } from '@/lib/a11y'
import { mediaUrl } from '@/lib/api/client'
import { cx } from '@/lib/format'
import type { PhotoData } from '@/lib/photos/upload-photo'
import './photos.scss'

/**
 * Photos of a concern or a timeline step: tap one to see them all full screen
 * (`Taro.previewImage`). A photo still under content review shows 审核中: as a placeholder to
 * other residents (the server sends no URL), as a badge on the photo to its author and staff.
 */
export function PhotoGrid({
  photos,
  small,
  testId,
  alt = t.a11y.sitePhoto(),
}: {
  photos: readonly PhotoData[]
  small?: boolean
  testId?: string
  /** What a screen reader says for each photo: the concern's category + 现场照片. */
  alt?: string
}) {
  if (photos.length === 0) return null
  const urls = photos.filter((p) => p.url).map((p) => mediaUrl(p.url))
  return (
    <View className={cx('photo-grid', small && 'photo-grid--small')} data-testid={testId ?? 'photo-grid'}>
      {photos.map((photo) =>
        !photo.url ? (
          <View key={photo.id} className='photo-tile photo-tile--hidden' data-testid='photo-hidden'>
            <Icon name='eyeOff' size={small ? 36 : 44} color={colors.text3} />
            <Text className='photo-tile__hidden-text'>{t.detail.hiddenPhoto}</Text>
          </View>
        ) : (
          <View
            key={photo.id}
            className='photo-tile'
            hoverClass='photo-tile--hover'
            onClick={() => void Taro.previewImage({ current: mediaUrl(photo.url), urls })}
            data-testid='photo'
            {...a11y({ role: 'button' })}
          >
            <Image className='photo-tile__img' src={mediaUrl(photo.url)} mode='aspectFill' lazyLoad {...nativeA11y({ alt })} />
            {photo.hidden ? <Text className='photo-tile__review'>{t.detail.hiddenPhoto}</Text> : null}
          </View>
        ),
      )}
    </View>
  )
}
