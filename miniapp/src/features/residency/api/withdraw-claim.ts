import type { z } from 'zod'
import type { Claim } from '@domain/schemas/residency.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { myClaimsKey } from './get-my-claims'

type ClaimData = z.infer<typeof Claim>

/** POST /api/residency/claims/:claimId/withdraw — the claimant takes back a pending claim. */
export function withdrawClaim(claimId: string): Promise<ClaimData> {
  return apiRequest<ClaimData>(`/residency/claims/${encodeURIComponent(claimId)}/withdraw`, { method: 'POST' })
}

export function useWithdrawClaim() {
  return useMutation(withdrawClaim, {
    onSuccess: () => invalidateQueries(myClaimsKey),
  })
}
