import type { z } from 'zod'
import type { ProposalActionInput } from '@domain/schemas/votes.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { proposalsKeyPrefix } from './get-proposals'
import { storeProposal, type ProposalDetailData } from './get-proposal'
import { participationKeyPrefix } from './get-participation'

export type ProposalActionBody = z.input<typeof ProposalActionInput>

/** POST /api/proposals/:proposalId/actions — staff: open (fix the roll, tell everyone), close and count, cancel with a reason. */
export function actOnProposal(proposalId: string, body: ProposalActionBody): Promise<ProposalDetailData> {
  return apiRequest<ProposalDetailData>(`/proposals/${encodeURIComponent(proposalId)}/actions`, { method: 'POST', body })
}

export function useActOnProposal(options: { onSuccess?: (detail: ProposalDetailData, body: ProposalActionBody) => void } = {}) {
  return useMutation((input: { proposalId: string; body: ProposalActionBody }) => actOnProposal(input.proposalId, input.body), {
    onSuccess: (detail, input) => {
      storeProposal(detail)
      invalidateQueries(proposalsKeyPrefix)
      invalidateQueries(participationKeyPrefix)
      options.onSuccess?.(detail, input.body)
    },
  })
}
