import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { SkeletonList } from '@/components/skeleton'
import { useMe } from '@/features/me/api/get-me'
import { type ActivityScope, useActivities } from '@/features/volunteering/api/volunteering'
import { ActivityCard } from '@/features/volunteering/components/activity-card'
import { t } from '@/i18n/zh-cn'
import { openVolunteerActivity } from '@/lib/routes'

const scopes: ActivityScope[] = ['upcoming', 'mine', 'past']

/** 志愿活动: upcoming activities with places left, my sign-ups with the points they earned, past ones. */
export default function VolunteeringPage() {
  const me = useMe()
  const communityId = useRouter().params.communityId || me.data?.households[0]?.communityId
  const [scope, setScope] = useState<ActivityScope>('upcoming')
  const activities = useActivities(communityId, scope)

  useDidShow(() => void activities.refetch())
  usePullDownRefresh(async () => {
    await activities.refetch()
    Taro.stopPullDownRefresh()
  })

  if (!communityId && !me.loading) {
    return (
      <Screen testId='page-volunteering'>
        <EmptyState icon='home' text={t.volunteering.notResident} />
      </Screen>
    )
  }
  const items = activities.data?.items
  return (
    <Screen testId='page-volunteering'>
      <View className='vol-actions'>
        <Segmented
          items={scopes.map((key) => ({ key, label: t.volunteering.tabs[key] }))}
          value={scope}
          onChange={setScope}
          testIdPrefix='vol-tab'
        />
      </View>
      {activities.error?.status === 403 ? (
        <EmptyState icon='home' text={t.volunteering.notResident} />
      ) : activities.error && !items ? (
        <ErrorState error={activities.error} onRetry={() => void activities.refetch()} />
      ) : !items ? (
        <SkeletonList count={3} lines={3} />
      ) : items.length === 0 ? (
        <EmptyState icon='users' text={t.volunteering.empty[scope]} testId='vol-empty' />
      ) : (
        items.map((a) => <ActivityCard key={a.id} activity={a} onClick={() => void openVolunteerActivity('volunteerActivity', a.id)} />)
      )}
    </Screen>
  )
}
