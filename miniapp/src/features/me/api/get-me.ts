import type { z } from 'zod'
import type { Me } from '@domain/schemas/me.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type MeData = z.infer<typeof Me>
export type MembershipItem = MeData['memberships'][number]
export type VerifiedHouseholdItem = MeData['households'][number]

export const meKey = 'me'

/** GET /api/me — who I am, my memberships, verified households and staff communities. */
export function getMe(): Promise<MeData> {
  return apiRequest<MeData>('/me')
}

export function useMe() {
  return useQuery(meKey, getMe)
}
