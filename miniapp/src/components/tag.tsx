import { Text } from '@tarojs/components'
import { cx } from '@/lib/format'

export type TagTone = 'brand' | 'success' | 'warning' | 'danger' | 'neutral' | 'info'

export interface TagProps {
  tone?: TagTone
  children: string
  className?: string
  testId?: string
  /** `data-*` attributes for tests, e.g. `{ status: 'submitted' }` → `data-status`. */
  data?: Record<string, string>
}

export function Tag({ tone = 'neutral', children, className, testId, data }: TagProps) {
  const attrs: Record<string, string> = {}
  for (const [k, v] of Object.entries(data ?? {})) attrs[`data-${k}`] = v
  return (
    <Text className={cx('tag', `tag--${tone}`, className)} data-testid={testId} {...attrs}>
      {children}
    </Text>
  )
}
