import type { z } from 'zod'
import type { ProposalInput } from '@domain/schemas/votes.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { proposalsKeyPrefix } from './get-proposals'
import { storeProposal, type ProposalDetailData } from './get-proposal'

export type ProposalBody = z.input<typeof ProposalInput>

/** POST /api/communities/:communityId/proposals — staff draft a vote (it opens with the 发布 action). */
export function createProposal(communityId: string, body: ProposalBody): Promise<ProposalDetailData> {
  return apiRequest<ProposalDetailData>(`/communities/${encodeURIComponent(communityId)}/proposals`, { method: 'POST', body })
}

export function useCreateProposal() {
  return useMutation((input: { communityId: string; body: ProposalBody }) => createProposal(input.communityId, input.body), {
    onSuccess: (detail) => {
      storeProposal(detail)
      invalidateQueries(proposalsKeyPrefix)
    },
  })
}
