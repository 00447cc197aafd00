import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { SkeletonList } from '@/components/skeleton'
import { type ActivityScope, useActivities } from '@/features/volunteering/api/volunteering'
import { ActivityCard } from '@/features/volunteering/components/activity-card'
import { t } from '@/i18n/zh-cn'
import { openVolunteerActivity } from '@/lib/routes'
import { ActivityForm } from './activity-form'
import '../../shell.scss'
import '@/features/points/components/points.scss'
import '@/features/volunteering/components/volunteering.scss'

/** 志愿活动管理: publish an activity; the community's activities, upcoming and past, each opening its roster. */
export default function StaffVolunteeringPage() {
  const communityId = useRouter().params.communityId || ''
  const upcoming = useActivities(communityId || undefined, 'upcoming')
  const past = useActivities(communityId || undefined, 'past')
  useDidShow(() => {
    void upcoming.refetch()
    void past.refetch()
  })
  usePullDownRefresh(async () => {
    await Promise.all([upcoming.refetch(), past.refetch()])
    Taro.stopPullDownRefresh()
  })
  if (!communityId) {
    return (
      <Screen testId='page-staff-volunteering'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }
  return (
    <Screen testId='page-staff-volunteering' className='staff'>
      <View className='section-title'>{t.volunteering.activities}</View>
      <Activities query={upcoming} scope='upcoming' />
      <Activities query={past} scope='past' />
      <View className='section-title'>{t.volunteering.create}</View>
      <ActivityForm communityId={communityId} />
    </Screen>
  )
}

function Activities({ query, scope }: { query: ReturnType<typeof useActivities>; scope: ActivityScope }) {
  const items = query.data?.items
  if (query.error && !items) return <ErrorState compact error={query.error} onRetry={() => void query.refetch()} />
  if (!items) return <SkeletonList count={2} lines={2} />
  if (!items.length) return scope === 'upcoming' ? <EmptyState compact icon='users' text={t.volunteering.empty.upcoming} /> : null
  return (
    <>
      {items.map((a) => (
        <ActivityCard key={a.id} activity={a} onClick={() => void openVolunteerActivity('volunteerRoster', a.id)} />
      ))}
    </>
  )
}
