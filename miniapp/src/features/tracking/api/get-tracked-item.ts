import type { z } from 'zod'
import type { TrackedItem } from '@domain/schemas/tracking.js'
import { apiRequest } from '@/lib/api/client'
import { setQueryData, useQuery } from '@/lib/api/use-query'
import { trackingKeyPrefix } from './get-tracked-items'

export type TrackedItemData = z.infer<typeof TrackedItem>
export type TrackedUpdateData = TrackedItemData['updates'][number]

export const trackedItemKey = (id: string) => `${trackingKeyPrefix}item/${id}`

/** GET /api/tracked-items/:itemId — the item, its updates with photos, what this viewer may do. */
export function getTrackedItem(id: string): Promise<TrackedItemData> {
  // The page shows its own error state (a 404 reads better there than in a toast).
  return apiRequest<TrackedItemData>(`/tracked-items/${encodeURIComponent(id)}`, { toast: false })
}

export function useTrackedItem(id: string | undefined) {
  return useQuery(id ? trackedItemKey(id) : null, () => getTrackedItem(id!))
}

/** Put the reply of a write (the item as it is now) into the cache. */
export function storeTrackedItem(item: TrackedItemData) {
  setQueryData<TrackedItemData>(trackedItemKey(item.id), () => item)
}
