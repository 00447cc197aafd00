import { View } from '@tarojs/components'
import { a11y } from '@/lib/a11y'
import { cx } from '@/lib/format'

export interface ToggleProps {
  checked: boolean
  onChange: (on: boolean) => void
  /** What it turns on, for a screen reader: the visible title beside it. */
  label: string
  testId?: string
  className?: string
}

/**
 * An on/off switch drawn by the app (not Taro's <Switch>, whose H5 target is its 52×32 px track):
 * the whole box around the track is the target, ≥ 44 px (≥ 60 px in 长辈模式), and it is a
 * `role="switch"` with `aria-checked`.
 */
export function Toggle({ checked, onChange, label, testId, className }: ToggleProps) {
  return (
    <View
      className={cx('toggle', checked && 'toggle--on', className)}
      data-testid={testId}
      data-checked={checked ? 'true' : 'false'}
      onClick={(e) => {
        e.stopPropagation()
        onChange(!checked)
      }}
      {...a11y({ role: 'switch', checked, label })}
    >
      <View className='toggle__track'>
        <View className='toggle__thumb' />
      </View>
    </View>
  )
}
