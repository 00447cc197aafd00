import type { z } from 'zod'
import type { ClaimsQuery, StaffClaimPage } from '@domain/schemas/residency.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'

export type StaffClaims = z.infer<typeof StaffClaimPage>
export type StaffClaimItem = StaffClaims['items'][number]
export type CommunityClaimsParams = Partial<z.output<typeof ClaimsQuery>>
export type ReviewStatus = NonNullable<CommunityClaimsParams['status']>

const PAGE_SIZE = 20

/** GET /api/communities/:communityId/residency/claims?status=&cursor=&limit= — staff only. */
export function getCommunityClaims(
  communityId: string,
  query: CommunityClaimsParams,
  opts: { toast?: boolean } = {},
): Promise<StaffClaims> {
  return apiRequest<StaffClaims>(`/communities/${encodeURIComponent(communityId)}/residency/claims`, { query, toast: opts.toast })
}

export function useCommunityClaims(communityId: string | undefined, status: ReviewStatus) {
  return usePagedQuery(communityId ? `${communityId}/${status}` : null, (cursor) =>
    getCommunityClaims(communityId!, { status, cursor, limit: PAGE_SIZE }),
  )
}
