import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'

export interface ChipsProps<K extends string> {
  items: ReadonlyArray<{ key: K; label: string }>
  value: K | undefined
  onChange: (key: K) => void
  testIdPrefix?: string
  /** Scroll sideways instead of wrapping (filter bars). */
  scroll?: boolean
  className?: string
}

/** Filter or choice chips: rounded pills, the chosen one filled. */
export function Chips<K extends string>({ items, value, onChange, testIdPrefix, scroll, className }: ChipsProps<K>) {
  return (
    <View className={cx('chips', scroll && 'chips--scroll', className)}>
      {items.map((item) => (
        <View
          key={item.key}
          className={cx('chip', item.key === value && 'chip--active')}
          hoverClass='chip--hover'
          data-testid={testIdPrefix ? `${testIdPrefix}-${item.key}` : undefined}
          onClick={() => onChange(item.key)}
          {...a11y({ role: 'button', pressed: item.key === value })}
        >
          <Text>{item.label}</Text>
        </View>
      ))}
    </View>
  )
}
