import { View, Text } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import './progress-bar.scss'

export type ProgressTone = 'brand' | 'success' | 'warning' | 'neutral'

/** A percentage as a bar with its words beside it (the words carry the meaning; the bar is decoration). */
export function ProgressBar({
  percent,
  label,
  tone = 'brand',
  testId,
}: {
  percent: number
  label: string
  tone?: ProgressTone
  testId?: string
}) {
  const width = Math.max(0, Math.min(100, percent))
  return (
    <View className='progress' data-testid={testId} data-percent={String(width)}>
      <View className='progress__track' {...a11y({ hidden: true })}>
        <View className={cx('progress__fill', `progress__fill--${tone}`)} style={{ width: `${width}%` }} />
      </View>
      <Text className='progress__label'>{label}</Text>
    </View>
  )
}
