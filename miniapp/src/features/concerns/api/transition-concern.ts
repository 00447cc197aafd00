import type { z } from 'zod'
import type { TransitionInput } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { boardKeyPrefix } from './get-concern-board'
import { storeConcern, type ConcernDetailData } from './get-concern'
import { inboxKeyPrefix } from './get-inbox'

export type TransitionBody = z.input<typeof TransitionInput>
export type StaffAction = TransitionBody['action']

/**
 * POST /api/concerns/:concernId/transitions — staff (and the assignee for start, note, resolve)
 * move the concern on: accept, decline, merge, assign, start, send_to_council, note, resolve.
 */
export function transitionConcern(concernId: string, body: TransitionBody): Promise<ConcernDetailData> {
  return apiRequest<ConcernDetailData>(`/concerns/${encodeURIComponent(concernId)}/transitions`, { method: 'POST', body })
}

export function useTransitionConcern(options: { onSuccess?: (detail: ConcernDetailData) => void } = {}) {
  return useMutation((input: { concernId: string; body: TransitionBody }) => transitionConcern(input.concernId, input.body), {
    onSuccess: (detail) => {
      storeConcern(detail)
      invalidateQueries(inboxKeyPrefix)
      invalidateQueries(boardKeyPrefix)
      options.onSuccess?.(detail)
    },
  })
}
