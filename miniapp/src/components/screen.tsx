import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useElderMode } from '@/lib/elder-mode'
import { cx } from '@/lib/format'
import { ElderOffer } from './elder-offer'

/**
 * Every page's root: grey page background, design tokens, and 长辈模式 when it is on. The first page
 * after the first sign-in also asks once whether to turn 长辈模式 on.
 */
export function Screen({ className, testId, children }: PropsWithChildren<{ className?: string; testId?: string }>) {
  const [elder] = useElderMode()
  return (
    <View className={cx('screen', elder && 'screen--elder', className)} data-testid={testId}>
      {children}
      <ElderOffer />
    </View>
  )
}
