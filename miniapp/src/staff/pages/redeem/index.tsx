import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { Screen } from '@/components/screen'
import { handOver, refreshPoints, type RedemptionData, useRedemptions } from '@/features/points/api/points'
import { RedemptionRow } from '@/features/points/components/rows'
import { t } from '@/i18n/zh-cn'
import { nativeA11y } from '@/lib/a11y'
import type { ApiError } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import '../../shell.scss'
import '@/features/points/components/points.scss'

/** 兑换核销: scan a resident's code (weapp) or type its 8 digits, and hand the item over; a used code is refused. */
export default function RedeemPage() {
  const communityId = useRouter().params.communityId || ''
  const recent = useRedemptions(communityId || undefined)
  const [code, setCode] = useState('')
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<RedemptionData>()
  const submit = useMutation(handOver, { onSuccess: () => refreshPoints() })

  async function onHandOver(value: string) {
    setError(undefined)
    setDone(undefined)
    try {
      const r = await submit.mutateAsync({ communityId, code: value.trim() })
      setDone(r)
      setCode('')
    } catch (err) {
      setError((err as ApiError).message)
    }
  }

  async function onScan() {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] }).catch(() => undefined)
    if (res?.result) {
      setCode(res.result)
      await onHandOver(res.result)
    }
  }

  return (
    <Screen testId='page-staff-redeem' className='staff'>
      <View className='points-form'>
        <FormField name='code' label={t.points.codeInput} error={error}>
          <Input
            className='text-input'
            type='number'
            maxlength={8}
            value={code}
            placeholder={t.points.codePlaceholder}
            data-testid='handover-code'
            onInput={(e) => setCode(e.detail.value)}
            {...nativeA11y({ label: t.points.codeInput })}
          />
        </FormField>
        <View className='btn-row'>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button className='btn btn--plain' hoverClass='btn--hover' onClick={() => void onScan()} data-testid='handover-scan'>
              {t.points.scan}
            </Button>
          ) : null}
          <Button
            className='btn btn--primary'
            hoverClass='btn--hover'
            loading={submit.loading}
            disabled={submit.loading || code.trim().length !== 8}
            onClick={() => void onHandOver(code)}
            data-testid='handover-submit'
          >
            {t.points.handOver}
          </Button>
        </View>
        {done ? (
          <View className='notice notice--info' data-testid='handover-done'>
            <Text>{t.points.handedOver(done.itemName)}</Text>
          </View>
        ) : null}
      </View>
      {recent.data?.items.length ? (
        <>
          <View className='section-title'>{t.points.recent}</View>
          <View className='card card--flush'>
            {recent.data.items.slice(0, 20).map((r) => (
              <RedemptionRow key={r.id} redemption={r} />
            ))}
          </View>
        </>
      ) : null}
    </Screen>
  )
}
