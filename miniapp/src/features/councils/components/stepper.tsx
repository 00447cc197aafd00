import { View, Text, Input } from '@tarojs/components'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { t } from '@/i18n/zh-cn'
import { a11y, nativeA11y } from '@/lib/a11y'
import { cx } from '@/lib/format'
import './sheets.scss'

export interface StepperProps {
  value: number
  onChange: (value: number) => void
  min: number
  max: number
  step?: number
  unit?: string
  /** What the number is, for a screen reader (the field's label). */
  label?: string
  testId?: string
  /** Large ranges (seats, attendees): the number can also be typed. */
  editable?: boolean
}

/** − value +: whole numbers (agenda order, minutes, seats) without a keyboard. */
export function Stepper({ value, onChange, min, max, step = 1, unit, label, testId, editable }: StepperProps) {
  const down = Math.max(min, value - step)
  const up = Math.min(max, value + step)
  return (
    <View className='stepper' data-testid={testId} data-value={value}>
      <View
        className={cx('stepper__btn', value <= min && 'stepper__btn--disabled')}
        hoverClass='cell--hover'
        onClick={() => value > min && onChange(down)}
        data-testid={testId ? `${testId}-minus` : undefined}
        {...a11y({ role: 'button', label: t.sessionForm.less })}
      >
        <Icon name='minus' size={40} color={colors.text1} />
      </View>
      {editable ? (
        <View className='stepper__value stepper__value--input'>
          <Input
            className='stepper__input'
            type='number'
            value={String(value)}
            data-testid={testId ? `${testId}-input` : undefined}
            {...nativeA11y({ label: label ?? unit })}
            onInput={(e) => {
              const n = Number.parseInt(e.detail.value, 10)
              if (Number.isFinite(n)) onChange(Math.min(max, Math.max(min, n)))
            }}
          />
          {unit ? <Text className='stepper__unit'>{unit}</Text> : null}
        </View>
      ) : (
        <Text className='stepper__value'>
          {value}
          {unit ? <Text className='stepper__unit'>{unit}</Text> : null}
        </Text>
      )}
      <View
        className={cx('stepper__btn', value >= max && 'stepper__btn--disabled')}
        hoverClass='cell--hover'
        onClick={() => value < max && onChange(up)}
        data-testid={testId ? `${testId}-plus` : undefined}
        {...a11y({ role: 'button', label: t.sessionForm.more })}
      >
        <Icon name='plus' size={40} color={colors.text1} />
      </View>
    </View>
  )
}
