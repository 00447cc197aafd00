import { Button, Text, View } from '@tarojs/components'
import { QrCode } from '@/components/qr-code'
import { Tag } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { chinaDate } from '@/lib/china-date'
import { cx, formatMoment } from '@/lib/format'
import type { RedemptionData, StatementData } from '../api/points'
import './points.scss'

type Entry = StatementData['entries'][number]

/** One ledger entry: what it was for, when, and the amount (+ in the brand colour). */
export function EntryRow({ entry }: { entry: Entry }) {
  return (
    <View className='points-row' data-testid='points-entry' data-kind={entry.kind}>
      <View className='points-row__body'>
        <Text className='points-row__title'>{entry.reason}</Text>
        <Text className='points-row__desc'>{`${entry.label} · ${chinaDate(entry.createdAt)}`}</Text>
      </View>
      <Text className={cx('points-row__amount', entry.amount > 0 && 'points-row__amount--plus')}>
        {entry.amount > 0 ? `+${entry.amount}` : String(entry.amount)}
      </Text>
    </View>
  )
}

/** A reserved redemption's code, as a QR code and its 8 digits, for staff to scan or type. */
export function RedemptionCode({ redemption }: { redemption: RedemptionData }) {
  if (!redemption.code) return null
  return (
    <View className='points-code' data-testid='redemption-code'>
      <QrCode value={redemption.code} size={360} label={`${t.points.codeTitle} ${redemption.code}`} testId='redemption-qr' />
      <Text className='points-code__digits' data-testid='redemption-digits'>
        {redemption.code}
      </Text>
      <Text className='points-code__hint'>{t.points.codeHint}</Text>
      <Text className='points-code__hint'>{t.points.codeExpires(formatMoment(redemption.expiresAt))}</Text>
    </View>
  )
}

/** A redemption in a list: the item, its status, and for a reserved one of one's own the code and 取消. */
export function RedemptionRow(props: { redemption: RedemptionData; onCancel?: () => void }) {
  const r = props.redemption
  const tone = r.status === 'reserved' ? 'info' : r.status === 'handed_over' ? 'success' : 'neutral'
  return (
    <View data-testid='redemption-row' data-status={r.status}>
      <View className='points-row'>
        <View className='points-row__body'>
          <Text className='points-row__title'>{r.itemName}</Text>
          <Text className='points-row__desc'>{`${t.points.price(r.price)} · ${chinaDate(r.createdAt)}`}</Text>
        </View>
        <Tag tone={tone}>{t.points.status[r.status]}</Tag>
      </View>
      {r.status === 'reserved' && r.code ? <RedemptionCode redemption={r} /> : null}
      {r.status === 'reserved' && props.onCancel ? (
        <View className='points-actions'>
          <Button className='btn btn--plain btn--small' hoverClass='btn--hover' onClick={props.onCancel} data-testid='redemption-cancel'>
            {t.points.cancel}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
