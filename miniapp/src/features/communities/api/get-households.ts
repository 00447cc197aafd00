import type { z } from 'zod'
import type { HouseholdOptionList, HouseholdsQuery } from '@domain/schemas/communities.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type Households = z.infer<typeof HouseholdOptionList>
export type HouseholdItem = Households['items'][number]
export type HouseholdsParams = z.input<typeof HouseholdsQuery>

/** GET /api/communities/:communityId/households?unitId= — the rooms of one unit. */
export function getHouseholds(communityId: string, query: HouseholdsParams): Promise<Households> {
  return apiRequest<Households>(`/communities/${encodeURIComponent(communityId)}/households`, { query })
}

export function useHouseholds(communityId: string | undefined, unitId: string | undefined) {
  return useQuery(communityId && unitId ? `communities/${communityId}/households/${unitId}` : null, () =>
    getHouseholds(communityId!, { unitId: unitId! }),
  )
}
