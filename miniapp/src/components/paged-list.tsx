import { Button, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import type { ReactNode } from 'react'
import { t } from '@/i18n/zh-cn'
import type { ApiError } from '@/lib/api/client'
import type { PagedResult } from '@/lib/api/use-paged-query'
import { ErrorState } from './error-state'

export interface PagedListProps<T> {
  /** What `usePagedQuery` returned. */
  list: PagedResult<T>
  /** Shown while the first page loads. */
  skeleton: ReactNode
  /** Shown when the list has nothing in it. */
  empty: ReactNode
  /** The items (and anything that belongs above or around them), once there are some. */
  children: (items: T[]) => ReactNode
  /** The test id of the wrapper around the items; without it, no wrapper. */
  testId?: string
  /** A smaller error state, for a list inside a card. */
  compact?: boolean
  /** Show 没有更多了 once everything is loaded (default); off for a list inside a card. */
  showEnd?: boolean
  /** A failure that deserves its own words instead of 重新加载 (e.g. a 404 saying what is missing). */
  renderError?: (error: ApiError) => ReactNode | undefined
}

/**
 * One paged list, the same everywhere: a skeleton while the first page loads, the error with
 * 重新加载 if it failed (items already shown stay on screen), the empty state, then the items
 * with 加载更多 under them while the server has more.
 */
export function PagedList<T>({ list, skeleton, empty, children, testId, compact, showEnd = true, renderError }: PagedListProps<T>) {
  if (list.loading) return <>{skeleton}</>
  if (list.error && list.items.length === 0) {
    return <>{renderError?.(list.error) ?? <ErrorState compact={compact} error={list.error} onRetry={() => void list.refetch()} />}</>
  }
  if (list.items.length === 0) return <>{empty}</>
  const footer = list.hasMore ? (
    <View className='load-more'>
      <Button className='btn btn--plain btn--small' hoverClass='btn--hover' data-testid='load-more' onClick={() => void list.loadMore()}>
        {list.loadingMore ? t.common.loadingMore : t.common.loadMore}
      </Button>
    </View>
  ) : showEnd ? (
    <View className='load-more'>
      <Text>{t.common.noMore}</Text>
    </View>
  ) : null
  if (!testId) {
    return (
      <>
        {children(list.items)}
        {footer}
      </>
    )
  }
  return (
    <View data-testid={testId}>
      {children(list.items)}
      {footer}
    </View>
  )
}

/** Call in the page: scrolling to the bottom loads the next page, once at a time. */
export function useLoadMoreAtBottom(list: Pick<PagedResult<unknown>, 'hasMore' | 'loadingMore' | 'loadMore'>) {
  useReachBottom(() => {
    if (list.hasMore && !list.loadingMore) void list.loadMore()
  })
}
