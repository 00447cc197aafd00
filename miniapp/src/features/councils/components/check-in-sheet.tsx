import { View, Text, Button, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { CHECK_IN_CODE_LENGTH, normalizeCheckInCode } from '@domain/councils/booking.js'
import { Sheet } from '@/components/sheet'
import { t } from '@/i18n/zh-cn'
import { ApiError } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { cx } from '@/lib/format'
import { checkIn } from '../api/check-in'
import { refreshSession } from '../api/get-session'
import { ErrorLine } from '@/components/form-field'
import './sheets.scss'

/** Typing the six digits shown at the venue (the browser's way, and WeChat's when scanning fails). */
export function CheckInSheet({ sessionId, onClose, onDone }: { sessionId: string; onClose: () => void; onDone: () => void }) {
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const send = useMutation((c: string) => checkIn(sessionId, { code: c }, { toast: false }), {
    onSuccess: () => refreshSession(sessionId),
  })

  async function submit() {
    const normalized = normalizeCheckInCode(code)
    if (!/^\d{6}$/.test(normalized)) return setError(t.session.checkInInvalid)
    try {
      await send.mutateAsync(normalized)
      void Taro.showToast({ title: t.session.checkInDone, icon: 'success' })
      onDone()
    } catch (err) {
      if (err instanceof ApiError) setError(err.message)
    }
  }

  return (
    <Sheet
      title={t.session.checkInTitle}
      desc={t.session.checkInDesc}
      onClose={onClose}
      testId='check-in-sheet'
      footer={
        <Button
          className='btn btn--primary btn--block'
          hoverClass='btn--hover'
          data-testid='check-in-submit'
          disabled={send.loading}
          onClick={() => void submit()}
        >
          {send.loading ? t.common.submitting : t.session.checkInSubmit}
        </Button>
      }
    >
      <View className={cx('sheet-field', error && 'sheet-field--error')}>
        <Input
          className='code-input'
          data-testid='check-in-code-input'
          type='number'
          value={code}
          maxlength={CHECK_IN_CODE_LENGTH}
          focus
          placeholder={t.session.checkInPlaceholder}
          placeholderClass='textarea__placeholder'
          onInput={(e) => {
            setCode(e.detail.value)
            setError(undefined)
          }}
          onConfirm={() => void submit()}
        />
        {error ? <ErrorLine text={error} /> : null}
      </View>
      <Text className='sheet-field__hint check-in-hint'>{t.session.checkInHint}</Text>
    </Sheet>
  )
}
