import { Text, View } from '@tarojs/components'
import { colors } from './colors'
import { Icon } from './icon'
import './picker-value.scss'

/** What a date or time picker shows: the value, as an input would, with a calendar or clock icon. */
export function PickerValue({ icon, text, testId }: { icon: 'calendar' | 'clock'; text: string; testId?: string }) {
  return (
    <View className='text-input picker-value' data-testid={testId}>
      <Text>{text}</Text>
      <Icon name={icon} size={36} color={colors.text3} />
    </View>
  )
}
