import type { z } from 'zod'
import type { CommunityLimits, LimitsInput } from '@domain/schemas/grids.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries, useQuery } from '@/lib/api/use-query'

export type CommunityLimitsData = z.infer<typeof CommunityLimits>
export type CategoryLimitsData = CommunityLimitsData['categories'][number]
export type LimitData = CategoryLimitsData['acknowledge']
export type LimitOverridesBody = z.input<typeof LimitsInput>['overrides']

export const limitsKeyPrefix = 'limits/'

/** GET /api/communities/:communityId/limits — each category's 签收 · 到场 · 办结 limits in force, and the community's own overrides. */
export function useCommunityLimits(communityId: string | undefined) {
  return useQuery(communityId ? `${limitsKeyPrefix}${communityId}` : null, () =>
    apiRequest<CommunityLimitsData>(`/communities/${encodeURIComponent(communityId!)}/limits`),
  )
}

/** PUT /api/communities/:communityId/limits — replaces all the overrides (only what differs from the defaults). */
export function saveLimits(input: { communityId: string; overrides: LimitOverridesBody }): Promise<CommunityLimitsData> {
  return apiRequest<CommunityLimitsData>(`/communities/${encodeURIComponent(input.communityId)}/limits`, {
    method: 'PUT',
    body: { overrides: input.overrides },
    toast: false,
  })
}

export function useSaveLimits(options: { onSuccess?: (data: CommunityLimitsData) => void } = {}) {
  return useMutation(saveLimits, {
    onSuccess: (data) => {
      invalidateQueries(limitsKeyPrefix)
      options.onSuccess?.(data)
    },
  })
}
