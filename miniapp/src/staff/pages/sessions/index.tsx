import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { SkeletonList } from '@/components/skeleton'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { useSessions, type SessionsWhen } from '@/features/councils/api/get-sessions'
import { SessionCard, SessionListSkeleton } from '@/features/councils/components/session-card'
import { useMe } from '@/features/me/api/get-me'
import { workbenchCommunities } from '@/features/me/workbench'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { openSessionForm, openStaffRules, openStaffSession } from '@/lib/routes'
import '../../shell.scss'
import './index.scss'

const whens: ReadonlyArray<{ key: SessionsWhen; label: string }> = [
  { key: 'upcoming', label: t.councils.when.upcoming },
  { key: 'past', label: t.councils.when.past },
]

/** 议事安排: the community's sessions for its workers, with 安排议事会 and the standing rules at hand. */
export default function StaffSessionsPage() {
  const router = useRouter()
  const me = useMe()
  const communities = workbenchCommunities(me.data).filter((c) => c.kind === 'staff')
  const current = communities.find((c) => c.communityId === router.params.communityId) ?? communities[0]
  const [when, setWhen] = useState<SessionsWhen>('upcoming')
  const list = useSessions(current?.communityId, when)

  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), list.refresh()])
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(list)

  if (me.loading) {
    return (
      <Screen testId='page-staff-sessions'>
        <SkeletonList count={3} lines={2} />
      </Screen>
    )
  }
  if (me.error && !me.data) {
    return (
      <Screen testId='page-staff-sessions'>
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </Screen>
    )
  }
  if (!current) {
    return (
      <Screen testId='page-staff-sessions'>
        <EmptyState icon='briefcase' text={t.workbench.notStaff} />
      </Screen>
    )
  }

  return (
    <Screen testId='page-staff-sessions' className='staff staff-sessions'>
      <View className='staff-head'>
        <View className='staff-head__icon'>
          <Icon name='council' size={48} color={colors.info} />
        </View>
        <View className='staff-head__text'>
          <Text className='staff-head__title'>{t.staffSessions.title}</Text>
          <Text className='staff-head__desc'>{current.communityName}</Text>
        </View>
      </View>

      <View className='staff-sessions__tools'>
        <Button
          className='btn btn--primary staff-sessions__create'
          hoverClass='btn--hover'
          data-testid='create-session'
          onClick={() => void openSessionForm({ communityId: current.communityId })}
        >
          <Icon name='plus' size={36} color={colors.white} strokeWidth={2.4} />
          <Text className='staff-sessions__btn-text'>{t.staffSessions.create}</Text>
        </Button>
      </View>

      <View
        className='card card--flush staff-sessions__rules'
        hoverClass='cell--hover'
        onClick={() => void openStaffRules(current.communityId)}
        data-testid='open-rules'
        {...a11y({ role: 'button' })}
      >
        <View className='cell'>
          <View className='cell__icon cell__icon--info'>
            <Icon name='repeat' size={40} color={colors.info} />
          </View>
          <View className='cell__body'>
            <View className='cell__title'>{t.staffSessions.rules}</View>
            <View className='cell__desc'>{t.staffSessions.rulesDesc}</View>
          </View>
          <Icon name='chevronRight' size={32} color={colors.text3} />
        </View>
      </View>

      <View className='staff-sessions__when'>
        <Segmented items={whens} value={when} onChange={setWhen} testIdPrefix='when' />
      </View>

      <PagedList
        list={list}
        testId='session-list'
        skeleton={<SessionListSkeleton />}
        empty={<EmptyState icon='calendar' text={t.staffSessions.empty[when]} />}
      >
        {(items) =>
          items.map((s) => <SessionCard key={s.id} session={s} past={when === 'past'} onClick={() => void openStaffSession(s.id)} />)
        }
      </PagedList>
    </Screen>
  )
}
