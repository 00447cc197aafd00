import type { z } from 'zod'
import type { SessionActionInput } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { storeSession, type SessionDetailData } from './get-session'

export type SessionActionBody = z.input<typeof SessionActionInput>

/** POST /api/sessions/:sessionId/actions — open, fix_agenda, start, conclude, or cancel with a reason (staff). */
export function actOnSession(sessionId: string, body: SessionActionBody): Promise<SessionDetailData> {
  return apiRequest<SessionDetailData>(`/sessions/${encodeURIComponent(sessionId)}/actions`, { method: 'POST', body })
}

export function useActOnSession() {
  return useMutation((input: { sessionId: string; body: SessionActionBody }) => actOnSession(input.sessionId, input.body), {
    onSuccess: storeSession,
  })
}
