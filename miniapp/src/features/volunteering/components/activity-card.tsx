import { Text, View } from '@tarojs/components'
import { type ActivityPhase, signupStatusLabels } from '@domain/volunteering/rules.js'
import { colors } from '@/components/colors'
import { Icon } from '@/components/icon'
import { Tag, type TagTone } from '@/components/tag'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { chinaClock, chinaDateLabel } from '@/lib/china-date'
import type { ActivitySummaryData } from '../api/volunteering'
import './volunteering.scss'

const tones: Record<ActivityPhase, TagTone> = {
  upcoming: 'brand',
  ongoing: 'info',
  ended: 'warning',
  signed_off: 'success',
  cancelled: 'neutral',
}

export function PhaseTag({ a }: { a: Pick<ActivitySummaryData, 'phase' | 'phaseLabel'> }) {
  return (
    <Tag tone={tones[a.phase]} testId='activity-phase' data={{ phase: a.phase }}>
      {a.phaseLabel}
    </Tag>
  )
}

/** "12月5日 09:00–11:00" in China time. */
export function whenLabel(a: Pick<ActivitySummaryData, 'startsAt' | 'endsAt'>, now = new Date()) {
  return `${chinaDateLabel(a.startsAt, now)} ${chinaClock(a.startsAt)}–${chinaClock(a.endsAt)}`
}

/** One activity in a list: when, where, places left (or the caller's outcome), its phase. */
export function ActivityCard({ activity: a, onClick }: { activity: ActivitySummaryData; onClick: () => void }) {
  const v = t.volunteering
  const outcome =
    a.mine?.status === 'attended' && a.mine.hours !== null
      ? v.earned(a.mine.hours, a.mine.points ?? 0)
      : a.mine
        ? `${v.mineStatus}：${signupStatusLabels[a.mine.status]}`
        : null
  return (
    <View
      className='vol-card'
      hoverClass='vol-card--hover'
      onClick={onClick}
      data-testid='activity-card'
      data-activity-id={a.id}
      data-title={a.title}
      {...a11y({ role: 'button' })}
    >
      <View className='vol-card__head'>
        <Text className='vol-card__title'>{a.title}</Text>
        <PhaseTag a={a} />
      </View>
      <View className='vol-card__line'>
        <Icon name='clock' size={32} color={colors.text3} />
        <Text>{whenLabel(a)}</Text>
      </View>
      <View className='vol-card__line'>
        <Icon name='mapPin' size={32} color={colors.text3} />
        <Text>{a.place}</Text>
      </View>
      <View className='vol-card__foot'>
        <Text>{a.phase === 'upcoming' ? v.places(a.placesLeft, a.capacity) : v.signedUp(a.signedUpCount)}</Text>
        <Text>{v.hours(a.hours)}</Text>
      </View>
      {outcome ? (
        <Text className='vol-card__mine' data-testid='activity-mine'>
          {outcome}
        </Text>
      ) : null}
    </View>
  )
}
