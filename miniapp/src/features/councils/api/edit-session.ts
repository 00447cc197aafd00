import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import type { SessionBody } from './create-session'
import { storeSession, type SessionDetailData } from './get-session'

/** PATCH /api/sessions/:sessionId — the whole form again, before the session is held. */
export function editSession(sessionId: string, body: SessionBody): Promise<SessionDetailData> {
  return apiRequest<SessionDetailData>(`/sessions/${encodeURIComponent(sessionId)}`, { method: 'PATCH', body })
}

export function useEditSession() {
  return useMutation((input: { sessionId: string; body: SessionBody }) => editSession(input.sessionId, input.body), {
    onSuccess: storeSession,
  })
}
