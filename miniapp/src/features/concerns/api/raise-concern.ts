import type { z } from 'zod'
import type { RaiseConcernInput } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import { boardKeyPrefix } from './get-concern-board'
import { storeConcern, type ConcernDetailData } from './get-concern'

export type RaiseConcernBody = z.input<typeof RaiseConcernInput>

/**
 * POST /api/concerns with `Idempotency-Key` — 201 with the new concern. The key is made once per
 * form and sent again on every retry (automatic, a second tap, or the draft sent later), so the
 * server files it once.
 */
export function raiseConcern(body: RaiseConcernBody, idempotencyKey: string): Promise<ConcernDetailData> {
  return apiRequest<ConcernDetailData>('/concerns', {
    method: 'POST',
    body,
    headers: { 'Idempotency-Key': idempotencyKey },
    idempotent: true,
    // The form says what went wrong itself (a lost network is not the same as a refusal).
    toast: false,
  })
}

/** A fresh key for one form: time plus randomness, unique enough per person and device. */
export function newIdempotencyKey(): string {
  const random = () => Math.random().toString(36).slice(2, 10).padEnd(8, '0')
  return `${Date.now().toString(36)}-${random()}-${random()}`
}

export function useRaiseConcern() {
  return useMutation((input: { body: RaiseConcernBody; idempotencyKey: string }) => raiseConcern(input.body, input.idempotencyKey), {
    onSuccess: (detail) => {
      storeConcern(detail)
      invalidateQueries(boardKeyPrefix)
    },
  })
}
