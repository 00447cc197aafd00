import type { z } from 'zod'
import type { DevLoginInput, Session } from '@domain/schemas/auth.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { clearQueryCache } from '@/lib/api/use-query'
import { saveSession } from '@/lib/session'

export type DevLoginBody = z.input<typeof DevLoginInput>
type SessionData = z.infer<typeof Session>

/** POST /api/auth/dev — sign in as a demo user (not in production). */
export function loginDev(body: DevLoginBody): Promise<SessionData> {
  return apiRequest<SessionData>('/auth/dev', { method: 'POST', body, auth: false })
}

export function useDevLogin() {
  return useMutation(loginDev, {
    onSuccess: (session) => {
      saveSession(session)
      clearQueryCache()
    },
  })
}
