import type { z } from 'zod'
import type { RecurringRuleInput } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import type { RecurringRuleData } from './get-rules'
import { sessionsKeyPrefix } from './get-sessions'

export type RuleBody = z.input<typeof RecurringRuleInput>

/** POST /api/communities/:communityId/rules — 201; the next eight weeks of sessions are created at once. */
export function createRule(communityId: string, body: RuleBody): Promise<RecurringRuleData> {
  return apiRequest<RecurringRuleData>(`/communities/${encodeURIComponent(communityId)}/rules`, { method: 'POST', body })
}

export function useCreateRule() {
  return useMutation((input: { communityId: string; body: RuleBody }) => createRule(input.communityId, input.body), {
    onSuccess: (rule) => {
      invalidateQueries(`councils/rules/${rule.communityId}`)
      invalidateQueries(sessionsKeyPrefix)
    },
  })
}
