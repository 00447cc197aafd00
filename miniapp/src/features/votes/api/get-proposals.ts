import type { z } from 'zod'
import type { ProposalPage, ProposalsQuery, ProposalSummary } from '@domain/schemas/votes.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'
import { useQuery } from '@/lib/api/use-query'

export type ProposalPageData = z.infer<typeof ProposalPage>
export type ProposalSummaryData = z.infer<typeof ProposalSummary>
export type ProposalsParams = Partial<z.output<typeof ProposalsQuery>>
export type VoteStatusKey = NonNullable<ProposalsParams['status']>

/** Every vote list's key starts with this: invalidate it after a write that changes a vote. */
export const proposalsKeyPrefix = 'votes/list/'

const PAGE_SIZE = 20

/** GET /api/communities/:communityId/proposals?status=&topicId=&cursor=&limit= — a community's votes, newest first. */
export function getProposals(communityId: string, query: ProposalsParams, opts: { toast?: boolean } = {}): Promise<ProposalPageData> {
  return apiRequest<ProposalPageData>(`/communities/${encodeURIComponent(communityId)}/proposals`, { query, toast: opts.toast })
}

export function useProposals(communityId: string | undefined, filter: { status?: VoteStatusKey; topicId?: string } = {}) {
  const key = communityId ? `${proposalsKeyPrefix}${communityId}/${filter.status ?? 'all'}/${filter.topicId ?? '-'}` : null
  return usePagedQuery(key, (cursor) => getProposals(communityId!, { ...filter, cursor, limit: PAGE_SIZE }))
}

/** The votes of a session's agenda items (a few topics: one small request each), by topic id. */
export function useTopicProposals(communityId: string | undefined, topicIds: readonly string[]) {
  const ids = [...topicIds].sort()
  return useQuery(communityId && ids.length ? `${proposalsKeyPrefix}${communityId}/topics/${ids.join(',')}` : null, async () => {
    const pages = await Promise.all(ids.map((topicId) => getProposals(communityId!, { topicId, limit: 20 }, { toast: false })))
    return pages.flatMap((p) => p.items)
  })
}
