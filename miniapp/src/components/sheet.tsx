import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { colors } from './colors'
import { Icon } from './icon'

export interface SheetProps {
  title: string
  desc?: ReactNode
  onClose: () => void
  /** Buttons pinned under the scrolling body. */
  footer?: ReactNode
  children?: ReactNode
  testId?: string
  className?: string
}

/** A bottom sheet over a dim mask: one task (a reason, a choice) without leaving the page. */
export function Sheet({ title, desc, onClose, footer, children, testId, className }: SheetProps) {
  return (
    <View className='sheet-mask' data-testid={testId} catchMove onClick={onClose}>
      <View className={cx('sheet', className)} onClick={(e) => e.stopPropagation()} {...a11y({ label: title })}>
        <View className='sheet__head'>
          <View className='sheet__titles'>
            <Text className='sheet__title'>{title}</Text>
            {desc ? <View className='sheet__desc'>{desc}</View> : null}
          </View>
          <View className='sheet__close' hoverClass='cell--hover' onClick={onClose} {...a11y({ role: 'button', label: t.common.close })}>
            <Icon name='close' size={40} color={colors.text2} />
          </View>
        </View>
        <View className='sheet__body'>{children}</View>
        {footer ? <View className='sheet__footer'>{footer}</View> : null}
      </View>
    </View>
  )
}
