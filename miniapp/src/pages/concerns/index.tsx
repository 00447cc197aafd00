import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { PagedList, useLoadMoreAtBottom } from '@/components/paged-list'
import { useConcernBoard, type BoardScope, type BoardStatus } from '@/features/concerns/api/get-concern-board'
import { ConcernCard, ConcernListSkeleton } from '@/features/concerns/components/concern-card'
import { useMe } from '@/features/me/api/get-me'
import { useTodoBadge } from '@/features/me/api/get-todo'
import { t } from '@/i18n/zh-cn'
import { a11y } from '@/lib/a11y'
import { openClaimForm, openConcern, openRaiseForm } from '@/lib/routes'
import './index.scss'

const scopes: ReadonlyArray<{ key: BoardScope; label: string }> = [
  { key: 'public', label: t.concerns.scopes.public },
  { key: 'mine', label: t.concerns.scopes.mine },
  { key: 'following', label: t.concerns.scopes.following },
]
const statuses: ReadonlyArray<{ key: BoardStatus; label: string }> = [
  { key: 'all', label: t.concerns.statuses.all },
  { key: 'open', label: t.concerns.statuses.open },
  { key: 'resolved', label: t.concerns.statuses.resolved },
]

/** The 诉求 tab: the community's public board, my concerns, the ones I follow; 反映诉求 at hand. */
export default function ConcernsPage() {
  const me = useMe()
  useTodoBadge(!!me.data)
  const community = me.data?.memberships[0]
  const [scope, setScope] = useState<BoardScope>('public')
  const [status, setStatus] = useState<BoardStatus>('all')
  const board = useConcernBoard(community?.communityId, scope, status)

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), board.refresh()])
    Taro.stopPullDownRefresh()
  })

  useLoadMoreAtBottom(board)

  if (me.loading || (me.error && !me.data)) {
    return (
      <Screen testId='page-concerns' className='board'>
        {me.error ? <ErrorState error={me.error} onRetry={() => void me.refetch()} /> : <ConcernListSkeleton />}
      </Screen>
    )
  }

  if (!community) {
    return (
      <Screen testId='page-concerns' className='board'>
        <EmptyState
          icon='megaphone'
          text={t.concerns.noCommunity}
          action={
            <Button className='btn btn--primary' hoverClass='btn--hover' onClick={() => void openClaimForm()}>
              {t.concerns.noCommunityAction}
            </Button>
          }
        />
      </Screen>
    )
  }

  const emptyText = status !== 'all' && scope === 'public' ? t.concerns.empty[status] : t.concerns.empty[scope]

  return (
    <Screen testId='page-concerns' className='board'>
      <View className='board-head'>
        <Segmented items={scopes} value={scope} onChange={setScope} testIdPrefix='scope' />
        <Chips items={statuses} value={status} onChange={setStatus} testIdPrefix='status' className='board-filters' />
      </View>

      <PagedList
        list={board}
        testId='concern-list'
        skeleton={<ConcernListSkeleton />}
        empty={
          <EmptyState
            icon={scope === 'following' ? 'eye' : 'megaphone'}
            text={emptyText}
            action={
              scope !== 'following' ? (
                <Button
                  className='btn btn--outline btn--small'
                  hoverClass='btn--hover'
                  onClick={() => void openRaiseForm(community.communityId)}
                >
                  {t.concerns.raise}
                </Button>
              ) : undefined
            }
          />
        }
      >
        {(items) => items.map((c) => <ConcernCard key={c.id} concern={c} onClick={() => void openConcern(c.id)} />)}
      </PagedList>

      <View
        className='board-fab'
        hoverClass='board-fab--hover'
        onClick={() => void openRaiseForm(community.communityId)}
        data-testid='raise-concern'
        {...a11y({ role: 'button' })}
      >
        <Icon name='plus' size={44} color={colors.white} strokeWidth={2.4} />
        <Text className='board-fab__text'>{t.concerns.raise}</Text>
      </View>
    </Screen>
  )
}
