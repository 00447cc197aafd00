import type { z } from 'zod'
import type { RecurringRuleList } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type RecurringRuleListData = z.infer<typeof RecurringRuleList>
export type RecurringRuleData = RecurringRuleListData['items'][number]

export const rulesKey = (communityId: string) => `councils/rules/${communityId}`

/** GET /api/communities/:communityId/rules — the standing schedule (staff). */
export function getRules(communityId: string): Promise<RecurringRuleListData> {
  return apiRequest<RecurringRuleListData>(`/communities/${encodeURIComponent(communityId)}/rules`)
}

export function useRules(communityId: string | undefined) {
  return useQuery(communityId ? rulesKey(communityId) : null, () => getRules(communityId!))
}
