import type { z } from 'zod'
import type { ConcernDetail } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'
import { setQueryData, useQuery } from '@/lib/api/use-query'

export type ConcernDetailData = z.infer<typeof ConcernDetail>
export type ConcernEventData = ConcernDetailData['timeline'][number]
export type PhotoData = ConcernDetailData['photos'][number]

export const concernKey = (concernId: string) => `concerns/detail/${concernId}`

/** GET /api/concerns/:concernId — the concern with its timeline and what this viewer may do. */
export function getConcern(concernId: string): Promise<ConcernDetailData> {
  // The page shows its own error state (404 / 403 read better there than in a toast).
  return apiRequest<ConcernDetailData>(`/concerns/${encodeURIComponent(concernId)}`, { toast: false })
}

export function useConcern(concernId: string | undefined) {
  return useQuery(concernId ? concernKey(concernId) : null, () => getConcern(concernId!))
}

/** Put a fresh `ConcernDetail` (the reply of every write) into the cache. */
export function storeConcern(detail: ConcernDetailData) {
  setQueryData<ConcernDetailData>(concernKey(detail.id), () => detail)
}

/** Patch the cached detail (e.g. the cosign count after 附议). */
export function patchConcern(concernId: string, patch: (detail: ConcernDetailData) => ConcernDetailData) {
  setQueryData<ConcernDetailData>(concernKey(concernId), (current) => (current ? patch(current) : current))
}
