import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { REJECT_REASON_MAX, REJECT_REASON_MIN } from '@domain/limits.js'
import { Sheet } from '@/components/sheet'
import type { StaffClaimItem } from '@/features/residency/api/get-community-claims'
import { useRejectClaim } from '@/features/residency/api/reject-claim'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'

/** 驳回: the reason the claimant will read (at least a few characters); a claim reviewed meanwhile closes the sheet. */
export function RejectDialog(props: { claim: StaffClaimItem; onClose: () => void; onDone: (id: string) => void; onConflict: () => void }) {
  const [reason, setReason] = useState('')
  const [hint, setHint] = useState<string>()
  const reject = useRejectClaim({
    onSuccess: (claim) => {
      void Taro.showToast({ title: t.staff.rejected, icon: 'none' })
      props.onDone(claim.id)
    },
  })

  async function submit() {
    if (reason.trim().length < REJECT_REASON_MIN) {
      setHint(t.staff.rejectDialog.tooShort(REJECT_REASON_MIN))
      return
    }
    try {
      await reject.mutateAsync({ claimId: props.claim.id, reason: reason.trim() })
    } catch (err) {
      // Someone else reviewed it meanwhile: close and show the fresh list.
      if (err instanceof ApiError && err.status === 409) props.onConflict()
    }
  }

  return (
    <Sheet
      testId='reject-dialog'
      title={t.staff.rejectDialog.title}
      desc={`${props.claim.claimant.nickname} · ${props.claim.address}`}
      onClose={props.onClose}
      footer={
        <View className='btn-row'>
          <Button className='btn' hoverClass='btn--hover' onClick={props.onClose}>
            {t.common.cancel}
          </Button>
          <Button
            className='btn btn--primary reject-confirm'
            hoverClass='btn--hover'
            disabled={reject.loading}
            onClick={() => void submit()}
          >
            {t.staff.rejectDialog.submit}
          </Button>
        </View>
      }
    >
      <Text className='reject-desc'>{t.staff.rejectDialog.desc}</Text>
      <Textarea
        className='textarea textarea--short reject-reason'
        value={reason}
        maxlength={REJECT_REASON_MAX}
        fixed
        focus
        placeholder={t.staff.rejectDialog.placeholder}
        placeholderClass='textarea__placeholder'
        onInput={(e) => {
          setReason(e.detail.value)
          if (hint) setHint(undefined)
        }}
      />
      <View className='textarea__meta reject-meta'>
        <Text className='reject-meta__hint'>{hint ?? ''}</Text>
        <Text>{t.common.chars(reason.length, 200)}</Text>
      </View>
    </Sheet>
  )
}
