import type { z } from 'zod'
import type { TrackedItemPage, TrackedItemSummary, TrackedItemsQuery } from '@domain/schemas/tracking.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'

export type TrackedItemPageData = z.infer<typeof TrackedItemPage>
export type TrackedItemSummaryData = z.infer<typeof TrackedItemSummary>
export type TrackedFilterKey = z.output<typeof TrackedItemsQuery>['filter']

/** Every tracked-item query key starts with this: invalidate it after a write. */
export const trackingKeyPrefix = 'tracking/'

const PAGE_SIZE = 20

/** GET /api/communities/:communityId/tracked-items?filter=&sessionId=&cursor=&limit= — nearest deadline first. */
export function getTrackedItems(
  communityId: string,
  query: Partial<z.output<typeof TrackedItemsQuery>>,
  opts: { toast?: boolean } = {},
): Promise<TrackedItemPageData> {
  return apiRequest<TrackedItemPageData>(`/communities/${encodeURIComponent(communityId)}/tracked-items`, { query, toast: opts.toast })
}

export function useTrackedItems(communityId: string | undefined, filter: TrackedFilterKey, sessionId?: string) {
  const key = communityId ? `${trackingKeyPrefix}list/${communityId}/${filter}/${sessionId ?? '-'}` : null
  return usePagedQuery(key, (cursor) => getTrackedItems(communityId!, { filter, sessionId, cursor, limit: PAGE_SIZE }))
}
