import { View, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { sessionKindInfo, sessionKinds, type SessionKind } from '@domain/councils/kinds.js'
import { Chips } from '@/components/chips'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { NoticeLink } from '@/components/notice-link'
import { useSessions, type SessionsWhen } from '@/features/councils/api/get-sessions'
import { SessionCard, SessionListSkeleton } from '@/features/councils/components/session-card'
import { useMe } from '@/features/me/api/get-me'
import { useTodoBadge } from '@/features/me/api/get-todo'
import { VotesEntry } from '@/features/votes/components/votes-entry'
import { t } from '@/i18n/zh-cn'
import { openClaimForm, openNeeds, openSession, openStaffSessions, openVotes } from '@/lib/routes'
import './index.scss'

type KindFilter = SessionKind | 'all'

const whens: ReadonlyArray<{ key: SessionsWhen; label: string }> = [
  { key: 'upcoming', label: t.councils.when.upcoming },
  { key: 'past', label: t.councils.when.past },
]
const kinds: ReadonlyArray<{ key: KindFilter; label: string }> = [
  { key: 'all', label: t.councils.kindAll },
  ...sessionKinds.map((k) => ({ key: k, label: sessionKindInfo[k].label })),
]

/** The 议事 tab: upcoming sessions by kind (time, place, open topic slots, seats), past ones with their minutes. */
export default function CouncilsPage() {
  const me = useMe()
  useTodoBadge(!!me.data)
  const community = me.data?.memberships[0]
  const isStaff = !!community && !!me.data?.staffOf.includes(community.communityId)
  const [when, setWhen] = useState<SessionsWhen>('upcoming')
  const [kind, setKind] = useState<KindFilter>('all')
  const list = useSessions(community?.communityId, when, kind === 'all' ? undefined : kind)

  // Seats and slots change while the resident is elsewhere: refresh quietly on return.
  useDidShow(() => {
    if (!list.loading) void list.refresh()
  })

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), list.refresh()])
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(list)

  if (me.loading || (me.error && !me.data)) {
    return (
      <Screen testId='page-councils' className='councils'>
        {me.error ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : <SessionListSkeleton />}
      </Screen>
    )
  }

  if (!community) {
    return (
      <Screen testId='page-councils' className='councils'>
        <EmptyState
          icon='council'
          text={t.councils.noCommunity}
          action={
            <Button className='btn btn--primary' hoverClass='btn--hover' onClick={() => void openClaimForm()}>
              {t.councils.noCommunityAction}
            </Button>
          }
        />
      </Screen>
    )
  }

  const emptyText = kind !== 'all' && when === 'upcoming' ? t.councils.emptyKind(sessionKindInfo[kind].label) : t.councils.empty[when]

  return (
    <Screen testId='page-councils' className='councils'>
      <View className='councils-head'>
        <Segmented items={whens} value={when} onChange={setWhen} testIdPrefix='when' />
        <Chips items={kinds} value={kind} onChange={setKind} testIdPrefix='kind' scroll className='councils-kinds' />
      </View>

      {isStaff ? (
        <NoticeLink
          icon='briefcase'
          title={t.councils.staffEntryAction}
          desc={t.councils.staffEntry}
          onClick={() => void openStaffSessions(community.communityId)}
          testId='open-staff-sessions'
          className='councils-staff'
        />
      ) : null}

      {when === 'upcoming' ? (
        <NoticeLink
          icon='list'
          title={t.needs.title}
          desc={t.needs.entryDesc}
          onClick={() => void openNeeds(community.communityId)}
          testId='open-needs'
          className='councils-staff'
        />
      ) : null}
      {when === 'upcoming' ? (
        <VotesEntry communityId={community.communityId} onClick={() => void openVotes({ communityId: community.communityId })} />
      ) : null}

      <PagedList
        list={list}
        testId='session-list'
        skeleton={<SessionListSkeleton />}
        empty={<EmptyState icon={when === 'upcoming' ? 'calendar' : 'fileText'} text={emptyText} />}
      >
        {(items) => items.map((s) => <SessionCard key={s.id} session={s} past={when === 'past'} onClick={() => void openSession(s.id)} />)}
      </PagedList>
    </Screen>
  )
}
