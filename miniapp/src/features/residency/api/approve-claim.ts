import type { z } from 'zod'
import type { Claim } from '@domain/schemas/residency.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'

type ClaimData = z.infer<typeof Claim>

/** POST /api/residency/claims/:claimId/approve — staff of the claim's community. */
export function approveClaim(claimId: string): Promise<ClaimData> {
  return apiRequest<ClaimData>(`/residency/claims/${encodeURIComponent(claimId)}/approve`, { method: 'POST' })
}

export function useApproveClaim(options: { onSuccess?: (claim: ClaimData) => void } = {}) {
  return useMutation(approveClaim, options)
}
