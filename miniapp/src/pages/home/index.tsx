import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { useCommunities } from '@/features/communities/api/get-communities'
import { MonthlyKpiCard } from '@/features/kpis/components/monthly-card'
import { useMe } from '@/features/me/api/get-me'
import { useTodoBadge } from '@/features/me/api/get-todo'
import { TodoCard } from '@/features/me/components/todo-card'
import { workbenchCommunities } from '@/features/me/workbench'
import { useMyClaims } from '@/features/residency/api/get-my-claims'
import { t } from '@/i18n/zh-cn'
import { invalidateQueries } from '@/lib/api/use-query'
import { cx, greetingFor } from '@/lib/format'
import { openBoard } from '@/lib/routes'
import { CommunityChooser } from './community-chooser'
import { ClaimBanner, CommunityCard, HomeSkeleton, QuickEntries, WorkbenchCard } from './home-sections'
import { NextSessions } from './next-sessions'
import './index.scss'

/**
 * 首页: greeting, my community, what waits for me (待办; for staff their community's work and the
 * 社区工作台), what stands in the way of taking part, quick entries, this month's 三率, the next sessions.
 */
export default function HomePage() {
  const me = useMe()
  const claims = useMyClaims()
  const todo = useTodoBadge(!!me.data)
  const primary = me.data?.memberships[0]
  const communities = useCommunities(!!me.data && !primary)
  const workbench = workbenchCommunities(me.data)
  const residentItems = todo.data?.items.filter((i) => i.side === 'resident')
  const staffItems = todo.data?.items.filter((i) => i.side === 'staff')

  useDidShow(() => {
    void me.refetch()
    void claims.refetch()
    invalidateQueries('kpis/monthly')
  })

  usePullDownRefresh(async () => {
    invalidateQueries('kpis/monthly')
    invalidateQueries('communities/')
    await Promise.all([me.refetch(), claims.refetch(), todo.refetch(), primary ? Promise.resolve() : communities.refetch()])
    Taro.stopPullDownRefresh()
  })

  if (me.loading) return <HomeSkeleton />
  if (!me.data) {
    return (
      <Screen testId='page-home'>
        <View className='home-hero home-hero--short' />
        {me.error ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : null}
      </Screen>
    )
  }

  return (
    <Screen testId='page-home' className='home'>
      <View className={cx('home-hero', !primary && 'home-hero--short')}>
        <Text className='home-hero__greeting'>{t.greeting.withName(greetingFor(), me.data.user.nickname)}</Text>
        <Text className='home-hero__subtitle'>{t.greeting.subtitle}</Text>
      </View>
      {primary ? <CommunityCard primary={primary} /> : null}
      {workbench.length > 0 ? (
        <>
          <WorkbenchCard community={workbench[0]} />
          {me.data.staffOf.length > 0 ? (
            <TodoCard
              title={t.home.todo.staffTitle}
              items={staffItems}
              loading={todo.loading}
              error={todo.error}
              onRetry={() => void todo.refetch()}
              testId='staff-todo'
            />
          ) : null}
        </>
      ) : (
        <ClaimBanner
          me={me.data}
          claims={claims.data}
          communityId={primary?.communityId}
          claimInTodo={!!residentItems?.some((i) => i.kind === 'claim')}
        />
      )}
      {workbench.length === 0 || (residentItems?.length ?? 0) > 0 ? (
        <TodoCard
          title={t.home.todo.title}
          items={residentItems}
          loading={todo.loading}
          error={todo.error}
          onRetry={() => void todo.refetch()}
          testId='todo'
        />
      ) : null}
      {primary ? (
        <>
          <QuickEntries communityId={primary.communityId} hasHome={me.data.households.length > 0} />
          <MonthlyKpiCard communityId={primary.communityId} onMore={() => void openBoard(primary.communityId)} />
          <NextSessions communityId={primary.communityId} />
        </>
      ) : (
        <CommunityChooser
          loading={communities.loading}
          items={communities.data?.items}
          onRetry={() => void communities.refetch()}
          error={communities.error}
        />
      )}
    </Screen>
  )
}
