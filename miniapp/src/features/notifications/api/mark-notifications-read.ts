import type { z } from 'zod'
import type { MarkReadInput, UnreadCount } from '@domain/schemas/notifications.js'
import { apiRequest } from '@/lib/api/client'
import { setQueryData } from '@/lib/api/use-query'
import { unreadKey } from './get-notifications'

export type MarkReadBody = z.input<typeof MarkReadInput>
export type UnreadCountData = z.infer<typeof UnreadCount>

/** POST /api/notifications/read `{ ids? }` — mark these (or, without ids, all) as read; replies with the unread count. */
export async function markNotificationsRead(body: MarkReadBody, opts: { toast?: boolean } = {}): Promise<UnreadCountData> {
  const result = await apiRequest<UnreadCountData>('/notifications/read', { method: 'POST', body, toast: opts.toast })
  setQueryData<number>(unreadKey, () => result.unread)
  return result
}
