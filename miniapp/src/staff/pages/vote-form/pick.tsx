import { Picker, Text, View } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { PickerValue } from '@/components/picker-value'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'

/** One choice among several, with a line saying what it means. */
export function Pick(props: { on: boolean; title: string; desc?: string; testId: string; disabled?: boolean; onClick: () => void }) {
  return (
    <View
      className={cx('option-row', 'vote-form__pick', props.on && 'option-row--selected', props.disabled && 'vote-form__pick--disabled')}
      hoverClass={props.disabled ? 'none' : 'cell--hover'}
      onClick={props.disabled ? undefined : props.onClick}
      data-testid={props.testId}
      data-selected={props.on ? 'true' : 'false'}
      {...a11y({ role: 'button', pressed: props.on })}
    >
      <View className='option-row__body'>
        <Text className='option-row__title'>{props.title}</Text>
        {props.desc ? <Text className='option-row__desc'>{props.desc}</Text> : null}
      </View>
      <Icon name={props.on ? 'checkCircle' : 'chevronRight'} size={props.on ? 40 : 28} color={props.on ? colors.brand : colors.text3} />
    </View>
  )
}

/** A day and a time, side by side, under a small label. */
export function DateTime(props: {
  label: string
  date: string
  time: string
  testId: string
  onDate: (v: string) => void
  onTime: (v: string) => void
}) {
  return (
    <View className='vote-form__datetime'>
      <Text className='vote-form__sublabel'>{props.label}</Text>
      <View className='vote-form__row'>
        <View className='vote-form__half'>
          <Picker mode='date' value={props.date} onChange={(e) => props.onDate(String(e.detail.value))}>
            <PickerValue icon='calendar' text={props.date} testId={`${props.testId}-date`} />
          </Picker>
        </View>
        <View className='vote-form__half'>
          <Picker mode='time' value={props.time} onChange={(e) => props.onTime(String(e.detail.value))}>
            <PickerValue icon='clock' text={props.time} testId={`${props.testId}-time`} />
          </Picker>
        </View>
      </View>
    </View>
  )
}
