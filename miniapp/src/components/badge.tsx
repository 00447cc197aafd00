import { Text } from '@tarojs/components'
import { cx } from '@/lib/format'

/** A red count (unread messages, items waiting). Nothing when the count is 0. */
export function Badge({ count, className, testId }: { count: number; className?: string; testId?: string }) {
  if (count <= 0) return null
  return (
    <Text className={cx('badge', className)} data-testid={testId}>
      {count > 99 ? '99+' : String(count)}
    </Text>
  )
}
