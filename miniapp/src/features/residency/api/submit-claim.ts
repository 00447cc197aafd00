import type { z } from 'zod'
import type { Claim, ClaimInput } from '@domain/schemas/residency.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { myClaimsKey } from './get-my-claims'

export type SubmitClaimBody = z.input<typeof ClaimInput>
export type ClaimData = z.infer<typeof Claim>

/** POST /api/residency/claims — 201 with the pending claim; 409 when already pending/verified. */
export function submitClaim(body: SubmitClaimBody): Promise<ClaimData> {
  return apiRequest<ClaimData>('/residency/claims', { method: 'POST', body })
}

export function useSubmitClaim() {
  return useMutation(submitClaim, {
    onSuccess: () => invalidateQueries(myClaimsKey),
  })
}
