import { Button, Input } from '@tarojs/components'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { type NeedData, useReview } from '../api/needs'

/** Decline a resident's need with a reason they will read. */
export function DeclineSheet({ need, onClose }: { need: NeedData; onClose: () => void }) {
  const [reason, setReason] = useState('')
  const review = useReview()
  return (
    <Sheet
      title={t.needs.decline}
      desc={need.title}
      onClose={onClose}
      testId='need-decline-sheet'
      footer={
        <Button
          className='btn btn--danger btn--block'
          hoverClass='btn--hover'
          data-testid='need-decline-submit'
          disabled={review.loading || reason.trim().length < 2}
          onClick={async () => {
            await review.mutateAsync({ needId: need.id, body: { action: 'decline', reason } })
            onClose()
          }}
        >
          {t.needs.decline}
        </Button>
      }
    >
      <FormField label={t.needs.declineReason} name='reason'>
        <Input
          className='text-input'
          data-testid='need-decline-reason'
          value={reason}
          placeholder={t.needs.declineReasonPlaceholder}
          onInput={(e) => setReason(e.detail.value)}
        />
      </FormField>
    </Sheet>
  )
}
