import type { z } from 'zod'
import type { CheckInInput } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import type { RegistrationStateData } from './register'

export type CheckInBody = z.input<typeof CheckInInput>

/** POST /api/sessions/:sessionId/check-in — the six digits shown at the venue (typed or read from its QR code). */
export function checkIn(sessionId: string, body: CheckInBody, opts: { toast?: boolean } = {}): Promise<RegistrationStateData> {
  return apiRequest<RegistrationStateData>(`/sessions/${encodeURIComponent(sessionId)}/check-in`, {
    method: 'POST',
    body,
    toast: opts.toast,
  })
}
