import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'

/** 确认完成 with an optional thank-you: one decision, the words optional. */
export function ConfirmBox(props: { loading: boolean; onConfirm: (thanks: string) => void }) {
  const [open, setOpen] = useState(false)
  const [thanks, setThanks] = useState('')
  if (!open)
    return (
      <Button className='btn btn--primary' hoverClass='btn--hover' data-testid='errand-confirm' onClick={() => setOpen(true)}>
        {t.errands.confirm}
      </Button>
    )
  return (
    <View className='errand-confirm'>
      <Text className='errand-card__line'>{t.errands.thanks}</Text>
      <Textarea
        className='textarea textarea--short'
        data-testid='errand-thanks'
        value={thanks}
        maxlength={200}
        placeholder={t.errands.thanksPlaceholder}
        placeholderClass='textarea__placeholder'
        onInput={(e) => setThanks(e.detail.value)}
        {...nativeA11y({ label: t.errands.thanks })}
      />
      <Button
        className='btn btn--primary btn--block'
        hoverClass='btn--hover'
        loading={props.loading}
        disabled={props.loading}
        data-testid='errand-confirm-submit'
        onClick={() => props.onConfirm(thanks)}
      >
        {t.errands.confirmSubmit}
      </Button>
    </View>
  )
}
