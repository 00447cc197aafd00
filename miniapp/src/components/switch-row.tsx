import { Text, View } from '@tarojs/components'
import { cx } from '@/lib/format'
import { Toggle } from './toggle'

export interface SwitchRowProps {
  title: string
  desc: string
  checked: boolean
  testId: string
  onChange: (on: boolean) => void
  className?: string
}

/** An on/off choice: what it is and what it means on the left, the switch on the right. */
export function SwitchRow({ title, desc, checked, testId, onChange, className }: SwitchRowProps) {
  return (
    <View className={cx('switch-row', className)}>
      <View className='switch-row__text'>
        <Text className='switch-row__title'>{title}</Text>
        <Text className='switch-row__desc'>{desc}</Text>
      </View>
      <Toggle className='switch-row__switch' testId={testId} checked={checked} label={title} onChange={onChange} />
    </View>
  )
}
