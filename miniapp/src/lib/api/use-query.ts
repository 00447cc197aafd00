import { useCallback, useEffect, useReducer, useRef } from 'react'
import { ApiError } from './client'

/**
 * A small shared query cache (the few things react-query would give us here):
 * one request per key at a time, cached data shared by every page that reads the key,
 * `invalidateQueries(prefix)` refetches whatever is on screen after a write.
 */

interface Entry {
  data?: unknown
  error?: ApiError
  promise?: Promise<void>
  stale: boolean
  fetcher?: () => Promise<unknown>
  listeners: Set<() => void>
}

const cache = new Map<string, Entry>()

function entryFor(key: string): Entry {
  let entry = cache.get(key)
  if (!entry) {
    entry = { stale: true, listeners: new Set() }
    cache.set(key, entry)
  }
  return entry
}

function notify(entry: Entry) {
  for (const listener of entry.listeners) listener()
}

function run(key: string): Promise<void> {
  const entry = entryFor(key)
  if (entry.promise) return entry.promise
  const fetcher = entry.fetcher
  if (!fetcher) return Promise.resolve()
  entry.promise = fetcher()
    .then((data) => {
      entry.data = data
      entry.error = undefined
      entry.stale = false
    })
    .catch((err: unknown) => {
      entry.error = err instanceof ApiError ? err : new ApiError(0, { code: 'CLIENT_ERROR', message: String(err) })
      entry.stale = false
    })
    .finally(() => {
      entry.promise = undefined
      notify(entry)
    })
  notify(entry)
  return entry.promise
}

const invalidationListeners = new Set<(prefix: string) => void>()

/** Hear about `invalidateQueries` (paged lists keep their own pages but follow the same keys). */
export function onInvalidate(listener: (prefix: string) => void): () => void {
  invalidationListeners.add(listener)
  return () => {
    invalidationListeners.delete(listener)
  }
}

/** Mark every key starting with `prefix` stale; keys on screen refetch now, others on next read. */
export function invalidateQueries(prefix: string) {
  cache.forEach((entry, key) => {
    if (!key.startsWith(prefix)) return
    entry.stale = true
    if (entry.listeners.size > 0) void run(key)
  })
  for (const listener of invalidationListeners) listener(prefix)
}

/** Forget everything (on sign-in and sign-out). */
export function clearQueryCache() {
  cache.forEach((entry) => {
    entry.data = undefined
    entry.error = undefined
    entry.stale = true
  })
}

export function setQueryData<T>(key: string, update: (current: T | undefined) => T | undefined) {
  const entry = entryFor(key)
  entry.data = update(entry.data as T | undefined)
  notify(entry)
}

export interface QueryResult<T> {
  data: T | undefined
  error: ApiError | undefined
  /** First load: nothing to show yet. */
  loading: boolean
  /** A refetch is running while older data is shown. */
  refreshing: boolean
  /** Fetch again; resolves when done and never rejects (errors land in `error`). */
  refetch: () => Promise<void>
}

/** Read `key` through `fetcher`. `key = null` waits (e.g. until an id is known). */
export function useQuery<T>(key: string | null, fetcher: () => Promise<T>): QueryResult<T> {
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  const fetcherRef = useRef(fetcher)
  fetcherRef.current = fetcher

  useEffect(() => {
    if (!key) return
    const entry = entryFor(key)
    entry.fetcher = () => fetcherRef.current()
    entry.listeners.add(rerender)
    if (entry.stale || entry.error) void run(key)
    else rerender()
    return () => {
      entry.listeners.delete(rerender)
    }
  }, [key])

  const refetch = useCallback(() => (key ? run(key) : Promise.resolve()), [key])

  const entry = key ? cache.get(key) : undefined
  const hasData = entry?.data !== undefined
  return {
    data: entry?.data as T | undefined,
    error: entry?.error,
    loading: key !== null && !hasData && (!entry || entry.stale || !!entry.promise),
    refreshing: hasData && !!entry?.promise,
    refetch,
  }
}
