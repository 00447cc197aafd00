import { apiRequest } from '@/lib/api/client'
import type { RegistrationStateData } from './register'

/** DELETE /api/sessions/:sessionId/registration — give up the seat (or the place on the waiting list). */
export function cancelRegistration(sessionId: string): Promise<RegistrationStateData> {
  return apiRequest<RegistrationStateData>(`/sessions/${encodeURIComponent(sessionId)}/registration`, { method: 'DELETE' })
}
