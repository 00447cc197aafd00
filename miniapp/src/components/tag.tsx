import { Text } from '@tarojs/components'
import { cx } from '@/lib/format'

export type TagTone = 'brand' | 'success' | 'warning' | 'danger' | 'neutral' | 'info'

export function Tag({ tone = 'neutral', children, className }: { tone?: TagTone; children: string; className?: string }) {
  return <Text className={cx('tag', `tag--${tone}`, className)}>{children}</Text>
}
