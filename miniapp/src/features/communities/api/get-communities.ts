import type { z } from 'zod'
import type { CommunityList } from '@domain/schemas/communities.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type Communities = z.infer<typeof CommunityList>
export type CommunityItem = Communities['items'][number]

/** GET /api/communities */
export function getCommunities(): Promise<Communities> {
  return apiRequest<Communities>('/communities')
}

export function useCommunities(enabled = true) {
  return useQuery(enabled ? 'communities' : null, getCommunities)
}
