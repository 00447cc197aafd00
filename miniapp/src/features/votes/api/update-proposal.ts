import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import type { ProposalBody } from './create-proposal'
import { proposalsKeyPrefix } from './get-proposals'
import { storeProposal, type ProposalDetailData } from './get-proposal'

/** PATCH /api/proposals/:id — staff change a draft, the whole form (refused once it is published). */
export function updateProposal(proposalId: string, body: ProposalBody): Promise<ProposalDetailData> {
  return apiRequest<ProposalDetailData>(`/proposals/${encodeURIComponent(proposalId)}`, { method: 'PATCH', body })
}

export function useUpdateProposal() {
  return useMutation((input: { proposalId: string; body: ProposalBody }) => updateProposal(input.proposalId, input.body), {
    onSuccess: (detail) => {
      storeProposal(detail)
      invalidateQueries(proposalsKeyPrefix)
    },
  })
}
