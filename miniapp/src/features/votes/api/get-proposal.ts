import type { z } from 'zod'
import type { ProposalDetail } from '@domain/schemas/votes.js'
import { apiRequest } from '@/lib/api/client'
import { setQueryData, useQuery } from '@/lib/api/use-query'

export type ProposalDetailData = z.infer<typeof ProposalDetail>
export type VoteResultData = NonNullable<ProposalDetailData['result']>
export type BallotData = NonNullable<ProposalDetailData['viewer']['myBallot']>
export type ProposalOptionData = ProposalDetailData['options'][number]
export type VoteActionKey = ProposalDetailData['viewer']['actions'][number]
export type VotePhaseKey = ProposalDetailData['phase']

export const proposalKey = (proposalId: string) => `votes/detail/${proposalId}`

/** GET /api/proposals/:proposalId — the vote, its rule in words, my ballot, whether I may vote, and the result once out. */
export function getProposal(proposalId: string): Promise<ProposalDetailData> {
  // The page shows its own error state (a 404 reads better there than in a toast).
  return apiRequest<ProposalDetailData>(`/proposals/${encodeURIComponent(proposalId)}`, { toast: false })
}

export function useProposal(proposalId: string | undefined) {
  return useQuery(proposalId ? proposalKey(proposalId) : null, () => getProposal(proposalId!))
}

/** Put a fresh `ProposalDetail` (the reply of every staff action) into the cache. */
export function storeProposal(detail: ProposalDetailData) {
  setQueryData<ProposalDetailData>(proposalKey(detail.id), () => detail)
}
