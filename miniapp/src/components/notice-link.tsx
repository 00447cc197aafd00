import { View } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import { colors } from './colors'
import { Icon } from './icon'
import type { IconName } from './icon-paths'

export interface NoticeLinkProps {
  icon: IconName
  title?: string
  desc?: string
  onClick: () => void
  testId?: string
  /** A page's own class for spacing (e.g. `session-manage`). */
  className?: string
}

/** A tappable info notice that leads somewhere: icon, title, a line of detail, then ›. */
export function NoticeLink({ icon, title, desc, onClick, testId, className }: NoticeLinkProps) {
  return (
    <View
      className={cx('notice notice--info', className)}
      hoverClass='cell--hover'
      onClick={onClick}
      data-testid={testId}
      {...a11y({ role: 'button' })}
    >
      <Icon name={icon} size={44} color={colors.info} />
      <View className='notice__body'>
        {title ? <View className='notice__title'>{title}</View> : null}
        {desc ? <View className='notice__desc'>{desc}</View> : null}
      </View>
      <Icon name='chevronRight' size={32} color={colors.text3} />
    </View>
  )
}
