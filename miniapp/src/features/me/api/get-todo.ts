import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import type { z } from 'zod'
import type { Todo } from '@domain/schemas/me.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type TodoData = z.infer<typeof Todo>
export type TodoEntry = TodoData['items'][number]

export const todoKey = 'me/todo'

/** GET /api/me/todo — what waits for me: a resident's votes, ratings, sessions, claim and notices; staff work. */
export function getTodo(): Promise<TodoData> {
  return apiRequest<TodoData>('/me/todo')
}

export function useTodo(enabled = true) {
  return useQuery(enabled ? todoKey : null, getTodo)
}

const HOME_TAB = 0

/** The 首页 tab's badge: unread notices plus the resident's own to-dos; none at 0. Quiet off a tab page. */
export function showTodoBadge(count: number) {
  try {
    const done =
      count > 0
        ? Taro.setTabBarBadge({ index: HOME_TAB, text: count > 99 ? '99+' : String(count) })
        : Taro.removeTabBarBadge({ index: HOME_TAB })
    void Promise.resolve(done).catch(() => undefined)
  } catch {
    // Not on a tab page (or no tab bar yet): the next 首页 visit sets it.
  }
}

/**
 * What waits for me, with the 首页 tab's badge kept current from whichever tab page is on screen:
 * fetched again each time a tab page shows (after rating, voting or reading notices elsewhere).
 */
export function useTodoBadge(enabled: boolean) {
  const todo = useTodo(enabled)
  const badge = todo.data?.badge
  useEffect(() => {
    if (badge !== undefined) showTodoBadge(badge)
  }, [badge])
  useDidShow(() => {
    if (enabled) void todo.refetch()
  })
  return todo
}
