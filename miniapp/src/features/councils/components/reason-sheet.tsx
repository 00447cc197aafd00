import { View, Text, Button, Textarea } from '@tarojs/components'
import { useState } from 'react'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { cx } from '@/lib/format'
import { ErrorLine } from '@/components/form-field'
import './sheets.scss'

export interface ReasonSheetProps {
  title: string
  desc?: string
  label: string
  placeholder: string
  /** Shortest and longest reason the server takes. */
  min: number
  max: number
  tooShort: string
  submitLabel: string
  busy?: boolean
  /** Server-side error to show under the field. */
  error?: string
  onSubmit: (reason: string) => void
  onClose: () => void
  testId: string
}

/** One reason in words (cancel a session, decline a topic): told to the residents concerned. */
export function ReasonSheet(props: ReasonSheetProps) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const shown = error ?? props.error
  return (
    <Sheet
      title={props.title}
      desc={props.desc}
      onClose={props.onClose}
      testId={props.testId}
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='reason-submit'
          disabled={props.busy}
          onClick={() => (text.trim().length < props.min ? setError(props.tooShort) : props.onSubmit(text.trim()))}
        >
          {props.busy ? t.common.submitting : props.submitLabel}
        </Button>
      }
    >
      <View className={cx('sheet-field', shown && 'sheet-field--error')}>
        <Text className='sheet-field__label'>{props.label}</Text>
        <Textarea
          className='textarea textarea--short'
          data-testid='reason-input'
          value={text}
          maxlength={props.max}
          fixed
          placeholder={props.placeholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setText(e.detail.value)
            setError(undefined)
          }}
        />
        {shown ? <ErrorLine text={shown} /> : null}
      </View>
    </Sheet>
  )
}
