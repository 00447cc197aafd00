import type { z } from 'zod'
import type { BuildingList } from '@domain/schemas/communities.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type Buildings = z.infer<typeof BuildingList>
export type BuildingItem = Buildings['items'][number]
export type UnitItem = BuildingItem['units'][number]

/** GET /api/communities/:communityId/buildings — buildings with their units. */
export function getBuildings(communityId: string): Promise<Buildings> {
  return apiRequest<Buildings>(`/communities/${encodeURIComponent(communityId)}/buildings`)
}

export function useBuildings(communityId: string | undefined) {
  return useQuery(communityId ? `communities/${communityId}/buildings` : null, () => getBuildings(communityId!))
}
