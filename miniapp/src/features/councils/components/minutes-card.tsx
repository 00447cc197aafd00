import { View, Text } from '@tarojs/components'
// Before the photo grid's styles, as on every page that shows both (one CSS order for mini-css-extract).
import './sheets.scss'
import { PhotoGrid } from '@/components/photos/photo-grid'
import { t } from '@/i18n/zh-cn'
import type { SessionDetailData } from '../api/get-session'
import { chinaMoment } from '../format'
import './session-detail.scss'

/** 会议纪要: the text, how many came, photos of the session. */
export function MinutesCard({ minutes }: { minutes: NonNullable<SessionDetailData['minutes']> }) {
  return (
    <View className='card minutes' data-testid='minutes'>
      <View className='session-section__head'>
        <Text className='session-section__title'>{t.session.minutes}</Text>
        <Text className='session-section__meta'>{t.session.publishedAt(chinaMoment(minutes.publishedAt))}</Text>
      </View>
      <View className='minutes__stats'>
        <Text className='tag tag--success' data-testid='minutes-attendees'>
          {t.session.attendees(minutes.attendeeCount)}
        </Text>
        <Text className='tag tag--neutral'>{t.session.checkedIn(minutes.checkedInCount)}</Text>
      </View>
      <Text className='minutes__text' data-testid='minutes-text' userSelect>
        {minutes.text}
      </Text>
      {minutes.photos.length > 0 ? (
        <View className='minutes__photos'>
          <PhotoGrid photos={minutes.photos} testId='minutes-photos' />
        </View>
      ) : null}
    </View>
  )
}
