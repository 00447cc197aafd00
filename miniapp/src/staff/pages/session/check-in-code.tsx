import { Text, View } from '@tarojs/components'
import { checkInPayload } from '@domain/councils/booking.js'
import { QrCode } from '@/components/qr-code'
import type { SessionDetailData } from '@/features/councils/api/get-session'
import { t } from '@/i18n/zh-cn'

/** The venue's check-in: a QR code for WeChat's scanner and the six digits for typing. */
export function CheckInCode({ session: s }: { session: SessionDetailData }) {
  const code = s.checkInCode!
  return (
    <View className='card check-in-card' data-testid='check-in-card'>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.staffSession.checkIn}</Text>
      </View>
      <View className='check-in-card__qr'>
        <QrCode value={checkInPayload(s.id, code)} label={t.staffSession.checkIn} testId='check-in-qr' />
      </View>
      <Text className='check-in-card__code' data-testid='check-in-code' data-code={code} userSelect>
        {`${code.slice(0, 3)} ${code.slice(3)}`}
      </Text>
      <Text className='check-in-card__desc'>{t.staffSession.checkInDesc}</Text>
    </View>
  )
}
