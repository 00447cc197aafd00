import { View, Text, Button } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import { Chips } from '@/components/chips'
import { colors } from '@/components/colors'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Icon } from '@/components/icon'
import { Screen } from '@/components/screen'
import { Segmented } from '@/components/segmented'
import { useConcernBoard, type BoardScope, type BoardStatus } from '@/features/concerns/api/get-concern-board'
import { ConcernCard, ConcernListSkeleton } from '@/features/concerns/components/concern-card'
import { useMe } from '@/features/me/api/get-me'
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
  const community = me.data?.memberships[0]
  const [scope, setScope] = useState<BoardScope>('public')
  const [status, setStatus] = useState<BoardStatus>('all')
  const board = useConcernBoard(community?.communityId, scope, status)

  usePullDownRefresh(async () => {
    await Promise.all([me.refetch(), board.refresh()])
    Taro.stopPullDownRefresh()
  })

  useReachBottom(() => {
    if (board.hasMore && !board.loadingMore) void board.loadMore()
  })

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

      {board.loading ? (
        <ConcernListSkeleton />
      ) : board.error && board.items.length === 0 ? (
        <ErrorState error={board.error} onRetry={() => void board.refetch()} />
      ) : board.items.length === 0 ? (
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
      ) : (
        <View data-testid='concern-list'>
          {board.items.map((c) => (
            <ConcernCard key={c.id} concern={c} onClick={() => void openConcern(c.id)} />
          ))}
          {board.hasMore ? (
            <View className='load-more'>
              <Button
                className='btn btn--plain btn--small'
                hoverClass='btn--hover'
                data-testid='load-more'
                onClick={() => void board.loadMore()}
              >
                {board.loadingMore ? t.common.loadingMore : t.common.loadMore}
              </Button>
            </View>
          ) : (
            <View className='load-more'>{t.common.noMore}</View>
          )}
        </View>
      )}

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
