import type { z } from 'zod'
import type { RateInput } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { boardKeyPrefix } from './get-concern-board'
import { storeConcern, type ConcernDetailData } from './get-concern'

export type RateBody = z.input<typeof RateInput>

/** POST /api/concerns/:concernId/rating — the author rates the outcome (1–2 or unsolved reopens it once). */
export function rateConcern(concernId: string, body: RateBody): Promise<ConcernDetailData> {
  return apiRequest<ConcernDetailData>(`/concerns/${encodeURIComponent(concernId)}/rating`, { method: 'POST', body })
}

export function useRateConcern() {
  return useMutation((input: { concernId: string; body: RateBody }) => rateConcern(input.concernId, input.body), {
    onSuccess: (detail) => {
      storeConcern(detail)
      invalidateQueries(boardKeyPrefix)
    },
  })
}
