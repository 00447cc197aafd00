import { View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import './rating.scss'

/** 1–5 big stars; tappable unless `readOnly`. */
export function RatingStars({ value, onChange, readOnly }: { value: number; onChange?: (n: number) => void; readOnly?: boolean }) {
  return (
    <View className={cx('rating-stars', readOnly && 'rating-stars--readonly')} data-testid='rating-stars' data-value={String(value)}>
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className='rating-star'
          hoverClass={readOnly ? 'none' : 'rating-star--hover'}
          data-testid='rating-star'
          data-value={String(n)}
          onClick={readOnly ? undefined : () => onChange?.(n)}
          {...a11y({ role: readOnly ? 'img' : 'button', label: t.rating.starLabel(n), pressed: readOnly ? undefined : n <= value })}
        >
          <Icon
            name='star'
            size={readOnly ? 48 : 88}
            strokeWidth={1.5}
            color={n <= value ? colors.star : colors.starEmpty}
            fill={n <= value ? colors.star : 'none'}
          />
        </View>
      ))}
    </View>
  )
}
