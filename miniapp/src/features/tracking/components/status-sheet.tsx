import { Button, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { SHELVE_REASON_MAX, trackedStatuses, trackedStatusLabels, type TrackedStatus } from '@domain/tracking/items.js'
import { Chips } from '@/components/chips'
import { FormField } from '@/components/form-field'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import type { TrackedItemData } from '../api/get-tracked-item'
import { usePatchTrackedItem } from '../api/change-tracked-item'

type Field = 'status' | 'reason' | 'photos'

function fieldOf(path: string): Field | null {
  const head = path.split('.')[0]
  if (head === 'status' || head === 'reason') return head
  if (head === 'photoIds' || head === 'progress') return 'photos'
  return null
}

const choices = trackedStatuses.map((s) => ({ key: s, label: trackedStatusLabels[s] }))

/** 修改状态 (staff): 未开始 / 进行中 / 已完成 / 已搁置 with a reason everyone reads. */
export function StatusSheet({ item, onClose }: { item: TrackedItemData; onClose: () => void }) {
  const [status, setStatus] = useState<TrackedStatus>(item.status)
  const [reason, setReason] = useState('')
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const patch = usePatchTrackedItem()

  async function submit() {
    if (status === 'shelved' && !reason.trim()) return setErrors({ reason: t.tracking.reasonMissing })
    try {
      await patch.mutateAsync({ id: item.id, body: { status, reason: status === 'shelved' ? reason.trim() : undefined } })
      void Taro.showToast({ title: t.tracking.saved, icon: 'success' })
      onClose()
    } catch (err) {
      if (err instanceof ApiError) setErrors(fieldErrorsOf(err, fieldOf))
    }
  }

  return (
    <Sheet
      title={t.tracking.statusTitle}
      desc={t.tracking.statusDesc}
      onClose={onClose}
      testId='tracked-status-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='tracked-status-submit'
          disabled={patch.loading}
          onClick={() => void submit()}
        >
          {patch.loading ? t.common.submitting : t.tracking.submit}
        </Button>
      }
    >
      <FormField label={t.tracking.status} error={errors.status ?? errors.photos} name='status'>
        <Chips items={choices} value={status} onChange={setStatus} testIdPrefix='tracked-status' />
      </FormField>
      {status === 'shelved' ? (
        <FormField label={t.tracking.reason} error={errors.reason} name='reason'>
          <Textarea
            className='textarea textarea--short'
            data-testid='tracked-reason'
            value={reason}
            maxlength={SHELVE_REASON_MAX}
            fixed
            placeholder={t.tracking.reasonPlaceholder}
            placeholderClass='textarea__placeholder'
            onInput={(e) => {
              setReason(e.detail.value)
              setErrors((x) => ({ ...x, reason: undefined }))
            }}
          />
        </FormField>
      ) : null}
    </Sheet>
  )
}
