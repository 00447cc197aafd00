import type { z } from 'zod'
import type { AcknowledgeInput, ArriveInput } from '@domain/schemas/grids.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { boardKeyPrefix } from './get-concern-board'
import { storeConcern, type ConcernDetailData } from './get-concern'
import { inboxKeyPrefix } from './get-inbox'

export type AcknowledgeBody = z.input<typeof AcknowledgeInput>
export type ArriveBody = z.input<typeof ArriveInput>
export type Milestone = 'acknowledge' | 'arrive'

/**
 * POST /api/concerns/:concernId/acknowledge (签收, the grid worker takes it) and
 * POST /api/concerns/:concernId/arrive (到场, with an on-site photo when there is one).
 */
export function recordMilestone(concernId: string, milestone: Milestone, body: AcknowledgeBody | ArriveBody): Promise<ConcernDetailData> {
  return apiRequest<ConcernDetailData>(`/concerns/${encodeURIComponent(concernId)}/${milestone}`, { method: 'POST', body })
}

export function useRecordMilestone(options: { onSuccess?: (detail: ConcernDetailData) => void } = {}) {
  return useMutation(
    (input: { concernId: string; milestone: Milestone; body: AcknowledgeBody | ArriveBody }) =>
      recordMilestone(input.concernId, input.milestone, input.body),
    {
      onSuccess: (detail) => {
        storeConcern(detail)
        invalidateQueries(inboxKeyPrefix)
        invalidateQueries(boardKeyPrefix)
        invalidateQueries('kpis/')
        options.onSuccess?.(detail)
      },
    },
  )
}
