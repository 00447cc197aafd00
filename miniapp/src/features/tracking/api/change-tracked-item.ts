import type { z } from 'zod'
import type { TrackedItemPatch, TrackedUpdateInput } from '@domain/schemas/tracking.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { storeTrackedItem, type TrackedItemData } from './get-tracked-item'
import { trackingKeyPrefix } from './get-tracked-items'

export type TrackedPatchBody = z.input<typeof TrackedItemPatch>
export type TrackedUpdateBody = z.input<typeof TrackedUpdateInput>

/** PATCH /api/tracked-items/:itemId — staff change status and/or progress (已搁置 with a reason). */
export function patchTrackedItem(id: string, body: TrackedPatchBody): Promise<TrackedItemData> {
  return apiRequest<TrackedItemData>(`/tracked-items/${encodeURIComponent(id)}`, { method: 'PATCH', body })
}

/** POST /api/tracked-items/:itemId/updates — a progress update with photos. */
export function postTrackedUpdate(id: string, body: TrackedUpdateBody): Promise<TrackedItemData> {
  return apiRequest<TrackedItemData>(`/tracked-items/${encodeURIComponent(id)}/updates`, { method: 'POST', body })
}

function stored(item: TrackedItemData) {
  storeTrackedItem(item)
  invalidateQueries(`${trackingKeyPrefix}list/`)
  // The session page shows each resolution's progress; a finished item resolves its concern.
  invalidateQueries('councils/session/')
  invalidateQueries('concerns/')
}

export function usePatchTrackedItem() {
  return useMutation((input: { id: string; body: TrackedPatchBody }) => patchTrackedItem(input.id, input.body), { onSuccess: stored })
}

export function usePostTrackedUpdate() {
  return useMutation((input: { id: string; body: TrackedUpdateBody }) => postTrackedUpdate(input.id, input.body), { onSuccess: stored })
}
