import type { z } from 'zod'
import type { RegistrationState } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'

export type RegistrationStateData = z.infer<typeof RegistrationState>

/** POST /api/sessions/:sessionId/registration — a seat while one is free, else the waiting list. */
export function register(sessionId: string): Promise<RegistrationStateData> {
  return apiRequest<RegistrationStateData>(`/sessions/${encodeURIComponent(sessionId)}/registration`, { method: 'POST' })
}
