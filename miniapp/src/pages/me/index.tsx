import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Badge } from '@/components/badge'
import { Cell } from '@/components/cell'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { useMe } from '@/features/me/api/get-me'
import { useTodoBadge } from '@/features/me/api/get-todo'
import { workbenchCommunities } from '@/features/me/workbench'
import { useUnreadCount } from '@/features/notifications/api/get-notifications'
import { useMyClaims } from '@/features/residency/api/get-my-claims'
import { t } from '@/i18n/zh-cn'
import { openErrands, openNotifications, openPoints, openVolunteering } from '@/lib/routes'
import { HouseholdsCard, MeSkeleton, MembershipsCard, ProfileHeader, StreetEntry, WorkbenchEntry } from './me-sections'
import { MyClaimsSection } from './my-claims'
import { ElderModeCard, SignOut } from './settings'
import './index.scss'

/** 我的: profile, 长辈模式 (near the top, easy to find), 消息, communities and households, claims, the workbench entry for staff, signing out. */
export default function MePage() {
  const me = useMe()
  useTodoBadge(!!me.data)
  const claims = useMyClaims()
  const unread = useUnreadCount()

  useDidShow(() => {
    void me.refetch()
    void claims.refetch()
    void unread.refetch()
  })

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), claims.refetch(), unread.refetch()])
    Taro.stopPullDownRefresh()
  })

  if (me.loading) return <MeSkeleton />
  if (!me.data) {
    return <Screen testId='page-me'>{me.error ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : null}</Screen>
  }

  const { user, memberships, households } = me.data
  const workbench = workbenchCommunities(me.data)
  const partnerOnly = workbench.length > 0 && workbench.every((c) => c.kind === 'partner')
  // A newcomer has no community yet (residency waits for a worker): their claim's community is home.
  const firstCommunityId = memberships[0]?.communityId ?? claims.data?.items[0]?.communityId

  return (
    <Screen testId='page-me'>
      <ProfileHeader user={user} />
      <ElderModeCard />

      <View className='card card--flush me-messages'>
        <Cell
          icon='bell'
          title={t.me.notifications}
          desc={t.me.notificationsDesc}
          value={unread.data ? <Badge count={unread.data} testId='unread-badge' /> : undefined}
          arrow
          onClick={() => void openNotifications()}
          testId='open-notifications'
        />
      </View>

      <MembershipsCard memberships={memberships} />
      {households.length > 0 ? (
        <View className='card card--flush me-messages'>
          <Cell
            icon='star'
            title={t.points.entry}
            desc={t.points.entryDesc}
            arrow
            onClick={() => void openPoints('points', households[0].communityId)}
            testId='open-points'
          />
          <Cell
            icon='people'
            title={t.errands.entry}
            desc={t.errands.entryDesc}
            arrow
            onClick={() => void openErrands('mine', households[0].communityId)}
            testId='open-errands'
          />
          <Cell
            icon='users'
            title={t.volunteering.entry}
            desc={t.volunteering.entryDesc}
            arrow
            onClick={() => void openVolunteering('volunteering', households[0].communityId)}
            testId='open-volunteering'
          />
        </View>
      ) : null}
      <HouseholdsCard households={households} communityId={firstCommunityId} />
      <MyClaimsSection claims={claims} />
      {workbench.length > 0 ? <WorkbenchEntry communityId={workbench[0].communityId} partnerOnly={partnerOnly} /> : null}
      {me.data.streets?.length ? <StreetEntry street={me.data.streets[0]} /> : null}
      <SignOut />
    </Screen>
  )
}
