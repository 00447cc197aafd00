import type { z } from 'zod'
import type { Claim, RejectInput } from '@domain/schemas/residency.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'

type ClaimData = z.infer<typeof Claim>
export type RejectBody = z.input<typeof RejectInput>

/** POST /api/residency/claims/:claimId/reject — staff give a reason (≥ 2 characters). */
export function rejectClaim(claimId: string, body: RejectBody): Promise<ClaimData> {
  return apiRequest<ClaimData>(`/residency/claims/${encodeURIComponent(claimId)}/reject`, { method: 'POST', body })
}

export function useRejectClaim(options: { onSuccess?: (claim: ClaimData) => void } = {}) {
  return useMutation((input: { claimId: string } & RejectBody) => rejectClaim(input.claimId, { reason: input.reason }), options)
}
