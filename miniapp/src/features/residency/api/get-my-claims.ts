import type { z } from 'zod'
import type { ClaimList } from '@domain/schemas/residency.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type MyClaims = z.infer<typeof ClaimList>
export type MyClaimItem = MyClaims['items'][number]

export const myClaimsKey = 'residency/claims/mine'

/** GET /api/residency/claims/mine — every claim I made, newest first. */
export function getMyClaims(): Promise<MyClaims> {
  return apiRequest<MyClaims>('/residency/claims/mine')
}

export function useMyClaims() {
  return useQuery(myClaimsKey, getMyClaims)
}
