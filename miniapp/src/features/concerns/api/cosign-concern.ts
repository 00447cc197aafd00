import type { z } from 'zod'
import type { CosignState } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'

export type CosignStateData = z.infer<typeof CosignState>

/** POST /api/concerns/:concernId/cosign — 附议: a resident of the community backs the concern. */
export function cosignConcern(concernId: string): Promise<CosignStateData> {
  return apiRequest<CosignStateData>(`/concerns/${encodeURIComponent(concernId)}/cosign`, { method: 'POST' })
}
