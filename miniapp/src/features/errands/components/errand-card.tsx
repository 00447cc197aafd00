import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { chinaDate } from '@/lib/china-date'
import type { ErrandData } from '../api/errands'
import './errands.scss'

const tones: Record<ErrandData['status'], TagTone> = {
  asked: 'info',
  accepted: 'brand',
  done: 'warning',
  confirmed: 'success',
  cancelled: 'neutral',
}

/** One errand: what, when, where; the contact when this viewer may see it; the steps they may take below. */
export function ErrandCard({ errand: e, children }: { errand: ErrandData; children?: ReactNode }) {
  return (
    <View className='card' data-testid='errand-card' data-status={e.status} data-id={e.id}>
      <View className='errand-card__head'>
        <Text className='card__title'>{e.kindLabel}</Text>
        <Tag tone={tones[e.status]} testId='errand-status' data={{ status: e.status }}>
          {e.statusLabel}
        </Tag>
      </View>
      <Text className='errand-card__what'>{e.what}</Text>
      <Text className='errand-card__line'>
        {e.building.name} · {e.when} · {chinaDate(e.createdAt)}
        {e.onBehalf ? ` · ${t.errands.onBehalfTag}` : ''}
      </Text>
      {e.station ? <Text className='errand-card__line'>{t.errands.helperBy(`${e.station.name}（${e.station.labelName}）`)}</Text> : null}
      {e.contact ? (
        <View className='errand-card__private' data-testid='errand-contact'>
          <Text className='errand-card__line'>{t.errands.contactFor(e.contact.name)}</Text>
          <Text className='errand-card__line'>{e.contact.address}</Text>
          <Text className='errand-card__line'>{e.contact.phone}</Text>
        </View>
      ) : (
        <Text className='errand-card__line' data-testid='errand-contact-hidden'>
          {t.errands.contactHidden}
        </Text>
      )}
      {e.thanks ? <Text className='errand-card__line'>{t.errands.thanksFrom(e.thanks)}</Text> : null}
      {e.points ? (
        <Text className='errand-card__line' data-testid='errand-points'>
          {t.errands.points(e.points)}
        </Text>
      ) : null}
      {children ? <View className='errand-card__actions'>{children}</View> : null}
    </View>
  )
}
