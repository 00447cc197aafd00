import type { z } from 'zod'
import type { NotificationPage, NotificationsQuery } from '@domain/schemas/notifications.js'
import { t } from '@/i18n/zh-cn'
import { ApiError, apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'
import { useQuery } from '@/lib/api/use-query'

export type NotificationPageData = z.infer<typeof NotificationPage>
export type NotificationItem = NotificationPageData['items'][number]
export type NotificationsParams = Partial<z.output<typeof NotificationsQuery>>

export const notificationsKeyPrefix = 'notifications/'
export const unreadKey = 'notifications/unread'

const PAGE_SIZE = 20

/**
 * GET /api/notifications?cursor&limit — my messages, newest first, with the unread count.
 * Quiet (no toast): the list page shows its own error state and the 我的 badge simply stays away.
 */
export async function getNotifications(query: NotificationsParams): Promise<NotificationPageData> {
  try {
    return await apiRequest<NotificationPageData>('/notifications', { query, toast: false })
  } catch (err) {
    // Until the server has the route, say so plainly instead of "接口不存在".
    if (err instanceof ApiError && err.status === 404) throw new ApiError(404, { code: err.code, message: t.notifications.unavailable })
    throw err
  }
}

export function useNotifications() {
  return usePagedQuery(`${notificationsKeyPrefix}list`, (cursor) => getNotifications({ cursor, limit: PAGE_SIZE }))
}

/** The unread count for the 消息 badge. */
export function useUnreadCount() {
  return useQuery(unreadKey, async () => (await getNotifications({ limit: 1 })).unread)
}
