import type { z } from 'zod'
import type { SimilarList, SimilarQuery } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'

export type SimilarListData = z.infer<typeof SimilarList>
export type SimilarParams = z.input<typeof SimilarQuery>

/**
 * GET /api/concerns/similar?communityId&category&description&buildingId?&householdId? — up to five
 * open concerns like this one. Quiet: a failure here must never stop a resident from submitting.
 */
export function getSimilarConcerns(query: SimilarParams): Promise<SimilarListData> {
  return apiRequest<SimilarListData>('/concerns/similar', { query, toast: false, retries: 0 })
}
