import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { t } from '@/i18n/zh-cn'
import { setElderMode } from '@/lib/elder-mode'
import { readToken } from '@/lib/session'
import { Sheet } from './sheet'

const OFFERED = 'linli.elderOffered'

function offeredAlready(): boolean {
  try {
    return Taro.getStorageSync(OFFERED) === true
  } catch {
    return true
  }
}

let answered = false

function markOffered() {
  answered = true
  try {
    Taro.setStorageSync(OFFERED, true)
  } catch {
    // asked again next time: better than never
  }
}

/**
 * "需要大字模式吗？": asked once, on the first page after signing in for the first time on this
 * phone (MIIT: 长辈模式 offered at first start). Either answer is remembered; 我的 keeps the switch.
 */
export function ElderOffer() {
  const [open, setOpen] = useState(() => !!readToken() && !offeredAlready())
  if (!open || answered) return null

  function answer(on: boolean) {
    markOffered()
    setOpen(false)
    if (on) setElderMode(true)
  }

  return (
    <Sheet
      title={t.elder.offerTitle}
      onClose={() => answer(false)}
      testId='elder-offer'
      footer={
        <View className='elder-offer__actions'>
          <Button
            className='btn btn--primary btn--block'
            hoverClass='btn--hover'
            data-testid='elder-offer-yes'
            onClick={() => answer(true)}
          >
            {t.elder.offerYes}
          </Button>
          <Button className='btn btn--plain btn--block' hoverClass='btn--hover' data-testid='elder-offer-no' onClick={() => answer(false)}>
            {t.elder.offerNo}
          </Button>
        </View>
      }
    >
      <Text className='elder-offer__desc'>{t.elder.offerDesc}</Text>
    </Sheet>
  )
}
