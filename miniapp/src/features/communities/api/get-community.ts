import type { z } from 'zod'
import type { CommunitySummary } from '@domain/schemas/communities.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type Community = z.infer<typeof CommunitySummary>

/** GET /api/communities/:communityId — name, street and counts. */
export function getCommunity(communityId: string): Promise<Community> {
  return apiRequest<Community>(`/communities/${encodeURIComponent(communityId)}`)
}

export function useCommunity(communityId: string | undefined) {
  return useQuery(communityId ? `communities/${communityId}` : null, () => getCommunity(communityId!))
}
