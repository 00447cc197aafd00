import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import type { IconName } from '@/components/icon-paths'

const toneClass = {
  info: 'notice--info',
  brand: 'notice--brand',
  danger: 'notice--danger',
  success: 'notice--success',
  warning: '',
  neutral: 'notice--neutral',
} as const
const toneColor = {
  info: colors.info,
  brand: colors.brand,
  danger: colors.danger,
  success: colors.success,
  warning: colors.warning,
  neutral: colors.text2,
} as const

/** A state of the vote in one notice: its tone, icon, title, a line of explanation and an optional action. */
export function StateNotice(props: {
  tone: keyof typeof toneClass
  icon: IconName
  title: string
  desc?: string
  testId: string
  action?: ReactNode
}) {
  return (
    <View className={`notice vote-state ${toneClass[props.tone]}`} data-testid={props.testId}>
      <Icon name={props.icon} size={48} color={toneColor[props.tone]} />
      <View className='notice__body'>
        <View className='notice__title'>{props.title}</View>
        {props.desc ? <View className='notice__desc'>{props.desc}</View> : null}
        {props.action ? <View className='vote-state__action'>{props.action}</View> : null}
      </View>
    </View>
  )
}
