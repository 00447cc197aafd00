import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { cx } from '@/lib/format'
import { colors } from './colors'
import { Icon } from './icon'

/** A field's error under its input: a red line with an alert icon. */
export function ErrorLine({ text }: { text: string }) {
  return (
    <View className='field__error' data-testid='field-error'>
      <Icon name='alert' size={32} color={colors.danger} />
      <Text>{text}</Text>
    </View>
  )
}

export interface FormFieldProps {
  label: string
  /** A grey note beside the label (选填, 最多 9 张…). */
  hint?: string
  error?: string
  /** Names the field for tests and scrolling: `data-testid="field-<name>"` and `id="field-<name>"`. */
  name?: string
  children: ReactNode
}

/**
 * One form field: label and hint above the input, the error under it. A field with an error is
 * marked `data-invalid`, so the person (and a test) can see which one to fix.
 */
export function FormField({ label, hint, error, name, children }: FormFieldProps) {
  return (
    <View
      id={name ? `field-${name}` : undefined}
      className={cx('field', error && 'field--error')}
      data-testid={name ? `field-${name}` : undefined}
      data-invalid={error ? 'true' : undefined}
    >
      <View className='field__label'>
        <Text>{label}</Text>
        {hint ? <Text className='field__hint'>{hint}</Text> : null}
      </View>
      {children}
      {error ? <ErrorLine text={error} /> : null}
    </View>
  )
}
