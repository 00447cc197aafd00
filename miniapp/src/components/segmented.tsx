import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'

export interface SegmentedProps<K extends string> {
  items: ReadonlyArray<{ key: K; label: string }>
  value: K
  onChange: (key: K) => void
  /** `data-testid` of each segment: `${testIdPrefix}-${key}`. */
  testIdPrefix?: string
  className?: string
}

/** A row of two to four exclusive options (WeChat's segmented control). */
export function Segmented<K extends string>({ items, value, onChange, testIdPrefix, className }: SegmentedProps<K>) {
  return (
    <View className={cx('segmented', className)} {...a11y({ role: 'tablist' })}>
      {items.map((item) => (
        <View
          key={item.key}
          className={cx('segmented__item', item.key === value && 'segmented__item--active')}
          data-testid={testIdPrefix ? `${testIdPrefix}-${item.key}` : undefined}
          onClick={() => item.key !== value && onChange(item.key)}
          {...a11y({ role: 'tab', selected: item.key === value })}
        >
          <Text>{item.label}</Text>
        </View>
      ))}
    </View>
  )
}
