import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { colors } from './colors'
import { Icon } from './icon'
import type { IconName } from './icon-paths'

export interface CellProps {
  title: ReactNode
  desc?: ReactNode
  icon?: IconName
  iconTone?: 'brand' | 'neutral' | 'success' | 'info'
  /** Right-hand side: text or any node (a tag, a switch). */
  value?: ReactNode
  arrow?: boolean
  onClick?: () => void
  className?: string
  testId?: string
  ariaLabel?: string
}

const iconColor = { brand: colors.brand, neutral: colors.text2, success: colors.success, info: colors.info }

/** One row of a grouped list (WeChat settings style). Tappable when it has `onClick`. */
export function Cell({ title, desc, icon, iconTone = 'brand', value, arrow, onClick, className, testId, ariaLabel }: CellProps) {
  return (
    <View
      className={cx('cell', className)}
      hoverClass={onClick ? 'cell--hover' : 'none'}
      onClick={onClick}
      {...a11y({ role: onClick ? 'button' : undefined, label: ariaLabel })}
      data-testid={testId}
    >
      {icon ? (
        <View className={cx('cell__icon', iconTone !== 'brand' && `cell__icon--${iconTone}`)}>
          <Icon name={icon} size={40} color={iconColor[iconTone]} />
        </View>
      ) : null}
      <View className='cell__body'>
        <View className='cell__title'>{title}</View>
        {desc ? <View className='cell__desc'>{desc}</View> : null}
      </View>
      {value !== undefined && value !== null ? (
        typeof value === 'string' ? (
          <Text className='cell__value'>{value}</Text>
        ) : (
          <View className='cell__value'>{value}</View>
        )
      ) : null}
      {arrow ? <Icon name='chevronRight' size={32} color={colors.text3} className='cell__arrow' /> : null}
    </View>
  )
}
