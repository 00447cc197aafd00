import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { ErrorState } from '@/components/error-state'
import { SkeletonList } from '@/components/skeleton'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { useRegistrations, type RegistrationData } from '../api/get-registrations'
import { chinaClock } from '@/lib/china-date'
import './session-detail.scss'

const tones: Record<RegistrationData['status'], TagTone> = {
  registered: 'info',
  waitlisted: 'warning',
  checked_in: 'success',
  cancelled: 'neutral',
}
const SHOWN = 8

/** 报名情况 (staff): how many hold a seat, wait and came, and who, in registration order. */
export function RegistrationsCard({ sessionId }: { sessionId: string }) {
  const list = useRegistrations(sessionId)
  const [all, setAll] = useState(false)
  const items = (list.data?.items ?? []).filter((r) => r.status !== 'cancelled')
  const count = (s: RegistrationData['status']) => items.filter((r) => r.status === s).length
  const shown = all ? items : items.slice(0, SHOWN)
  return (
    <View className='card registrations' data-testid='registrations'>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.staffSession.registrations}</Text>
      </View>
      {list.loading ? (
        <SkeletonList count={1} lines={2} />
      ) : list.error && !list.data ? (
        <ErrorState compact error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <View className='registrations__counts'>
            <Tag tone='info'>{t.staffSession.counts.registered(count('registered') + count('checked_in'))}</Tag>
            <Tag tone='success' testId='checked-in-count' data={{ count: String(count('checked_in')) }}>
              {t.staffSession.counts.checkedIn(count('checked_in'))}
            </Tag>
            {count('waitlisted') > 0 ? <Tag tone='warning'>{t.staffSession.counts.waitlisted(count('waitlisted'))}</Tag> : null}
          </View>
          {items.length === 0 ? (
            <Text className='registrations__empty'>{t.staffSession.noRegistrations}</Text>
          ) : (
            shown.map((r) => (
              <View key={r.id} className='registrations__row' data-testid='registration-row' data-status={r.status}>
                <Text className='registrations__name'>{r.nickname}</Text>
                {r.checkedInAt ? <Text className='registrations__time'>{chinaClock(r.checkedInAt)}</Text> : null}
                <Tag tone={tones[r.status]}>{r.statusLabel}</Tag>
              </View>
            ))
          )}
          {items.length > SHOWN ? (
            <View className='registrations__more' onClick={() => setAll(!all)} {...a11y({ role: 'button' })}>
              <Text>{all ? t.staffSession.showLess : t.staffSession.showAll(items.length)}</Text>
            </View>
          ) : null}
        </>
      )}
    </View>
  )
}
