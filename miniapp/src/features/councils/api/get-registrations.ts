import type { z } from 'zod'
import type { RegistrationPage } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'
import { sessionKeyPrefix } from './get-session'

export type RegistrationPageData = z.infer<typeof RegistrationPage>
export type RegistrationData = RegistrationPageData['items'][number]

/** Under the session's key: refreshed with it after a registration or check-in changes. */
export const registrationsKey = (sessionId: string) => `${sessionKeyPrefix}${sessionId}/registrations`

/** GET /api/sessions/:sessionId/registrations — who registered, waits and came, earliest first (staff). */
export function getRegistrations(sessionId: string): Promise<RegistrationPageData> {
  return apiRequest<RegistrationPageData>(`/sessions/${encodeURIComponent(sessionId)}/registrations`, {
    query: { limit: 200 },
    toast: false,
  })
}

export function useRegistrations(sessionId: string | undefined) {
  return useQuery(sessionId ? registrationsKey(sessionId) : null, () => getRegistrations(sessionId!))
}
