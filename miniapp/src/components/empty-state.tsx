import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from '@/lib/format'
import { colors } from './colors'
import { Icon } from './icon'
import type { IconName } from './icon-paths'

export interface EmptyStateProps {
  icon?: IconName
  text: string
  action?: ReactNode
  compact?: boolean
  testId?: string
}

export function EmptyState({ icon = 'inbox', text, action, compact, testId }: EmptyStateProps) {
  return (
    <View className={cx('empty', compact && 'empty--compact')} data-testid={testId ?? 'empty-state'}>
      <View className='empty__icon'>
        <Icon name={icon} size={72} color={colors.text3} />
      </View>
      <Text className='empty__text'>{text}</Text>
      {action ? <View className='empty__action'>{action}</View> : null}
    </View>
  )
}
