import { View, Text, Image } from '@tarojs/components'
import { colors } from '../colors'
import { Icon } from '../icon'
import { t } from '@/i18n/zh-cn'
import { a11y, nativeA11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import type { PhotoUploads } from '@/lib/photos/use-photo-uploads'
import './photos.scss'

/** The photos of a form: thumbnails with upload progress, 重试 / 删除 each, and an add tile. */
export function PhotoPicker({ uploads, testId }: { uploads: PhotoUploads; testId?: string }) {
  return (
    <View className='photo-grid' data-testid={testId ?? 'photo-picker'}>
      {uploads.items.map((item) => (
        <View key={item.key} className={cx('photo-tile', `photo-tile--${item.status}`)} data-testid='photo-item' data-status={item.status}>
          <Image className='photo-tile__img' src={item.path} mode='aspectFill' {...nativeA11y({ alt: t.a11y.photo })} />
          {item.status === 'uploading' ? (
            <View className='photo-tile__overlay'>
              <Text className='photo-tile__progress'>{t.photos.uploading(item.progress)}</Text>
              <View className='photo-tile__bar'>
                <View className='photo-tile__bar-fill' style={{ width: `${item.progress}%` }} />
              </View>
            </View>
          ) : null}
          {item.status === 'failed' ? (
            <View
              className='photo-tile__overlay photo-tile__overlay--failed'
              hoverClass='photo-tile__overlay--hover'
              onClick={() => uploads.retry(item.key)}
              data-testid='photo-retry'
              {...a11y({ role: 'button', label: t.photos.retry })}
            >
              <Icon name='refresh' size={40} color={colors.white} />
              <Text className='photo-tile__retry'>{t.photos.retry}</Text>
            </View>
          ) : null}
          <View
            className='photo-tile__remove'
            onClick={() => uploads.remove(item.key)}
            data-testid='photo-remove'
            {...a11y({ role: 'button', label: t.photos.remove })}
          >
            <Icon name='close' size={28} color={colors.white} strokeWidth={2.4} />
          </View>
        </View>
      ))}
      {uploads.items.length < uploads.max ? (
        <View
          className='photo-tile photo-tile--add'
          hoverClass='photo-tile--hover'
          onClick={() => void uploads.pick()}
          data-testid='photo-add'
          {...a11y({ role: 'button', label: t.photos.add })}
        >
          <Icon name='camera' size={52} color={colors.text3} />
          <Text className='photo-tile__add-text'>{uploads.items.length > 0 ? `${uploads.items.length}/${uploads.max}` : t.photos.add}</Text>
        </View>
      ) : null}
    </View>
  )
}
