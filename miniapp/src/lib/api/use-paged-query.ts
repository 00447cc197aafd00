import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from './client'
import { onInvalidate } from './use-query'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedResult<T> {
  items: T[]
  loading: boolean
  loadingMore: boolean
  /** A quiet reload of the first page is running while the older items stay on screen. */
  refreshing: boolean
  error: ApiError | undefined
  hasMore: boolean
  loadMore: () => Promise<void>
  /** Reload from the first page, showing the loading state; never rejects. */
  refetch: () => Promise<void>
  /** Reload the first page but keep showing the current items until it arrives (pull to refresh). */
  refresh: () => Promise<void>
  /** Drop one item locally (after it was approved, rejected, …). */
  remove: (predicate: (item: T) => boolean) => void
}

/**
 * Keyset pagination: first page on `key` change, then `loadMore` with the server's `nextCursor`.
 * `invalidateQueries(prefix)` with a prefix of `key` refreshes the list quietly, so a list further
 * down the page stack is current when the person comes back to it.
 */
export function usePagedQuery<T>(key: string | null, fetchPage: (cursor: string | undefined) => Promise<Page<T>>): PagedResult<T> {
  const [items, setItems] = useState<T[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loading, setLoading] = useState(key !== null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [refreshing, setRefreshing] = useState(false)
  const [error, setError] = useState<ApiError>()
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage
  const generation = useRef(0)

  const load = useCallback(async (after: string | undefined) => {
    const gen = generation.current
    try {
      const page = await fetchRef.current(after)
      if (gen !== generation.current) return
      setItems((prev) => (after ? [...prev, ...page.items] : page.items))
      setCursor(page.nextCursor)
      setError(undefined)
    } catch (err) {
      if (gen !== generation.current) return
      setError(err instanceof ApiError ? err : new ApiError(0, { code: 'CLIENT_ERROR', message: String(err) }))
    }
  }, [])

  const refetch = useCallback(async () => {
    if (!key) return
    const gen = ++generation.current
    setLoading(true)
    await load(undefined)
    if (gen === generation.current) setLoading(false)
  }, [key, load])

  const refresh = useCallback(async () => {
    if (!key) return
    const gen = ++generation.current
    setRefreshing(true)
    await load(undefined)
    if (gen === generation.current) {
      setRefreshing(false)
      setLoading(false)
    }
  }, [key, load])

  useEffect(() => {
    setItems([])
    setCursor(null)
    void refetch()
  }, [refetch])

  const refreshRef = useRef(refresh)
  refreshRef.current = refresh
  useEffect(() => {
    if (!key) return undefined
    return onInvalidate((prefix) => {
      if (key.startsWith(prefix)) void refreshRef.current()
    })
  }, [key])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    await load(cursor)
    setLoadingMore(false)
  }, [cursor, loadingMore, load])

  const remove = useCallback((predicate: (item: T) => boolean) => {
    setItems((prev) => prev.filter((item) => !predicate(item)))
  }, [])

  return { items, loading, loadingMore, refreshing, error, hasMore: cursor !== null, loadMore, refetch, refresh, remove }
}
