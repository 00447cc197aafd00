import type { z } from 'zod'
import type { SessionDetail } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { invalidateQueries, setQueryData, useQuery } from '@/lib/api/use-query'
import { sessionsKeyPrefix } from './get-sessions'

export type SessionDetailData = z.infer<typeof SessionDetail>
export type AgendaItemData = SessionDetailData['agenda'][number]
export type MyTopicData = SessionDetailData['viewer']['myTopics'][number]

export const sessionKeyPrefix = 'councils/session/'
export const sessionKey = (sessionId: string) => `${sessionKeyPrefix}${sessionId}`

/** GET /api/sessions/:sessionId — agenda, registration, my topics, minutes; the check-in code for staff. */
export function getSession(sessionId: string): Promise<SessionDetailData> {
  // The page shows its own error state (a 404 reads better there than in a toast).
  return apiRequest<SessionDetailData>(`/sessions/${encodeURIComponent(sessionId)}`, { toast: false })
}

export function useSession(sessionId: string | undefined) {
  return useQuery(sessionId ? sessionKey(sessionId) : null, () => getSession(sessionId!))
}

/** Put a fresh `SessionDetail` (the reply of most session writes) into the cache; lists refresh quietly. */
export function storeSession(detail: SessionDetailData) {
  setQueryData<SessionDetailData>(sessionKey(detail.id), () => detail)
  invalidateQueries(sessionsKeyPrefix)
}

/** After a write whose reply is not the session (a topic, a registration): fetch the session again. */
export function refreshSession(sessionId: string) {
  invalidateQueries(sessionKey(sessionId))
  invalidateQueries(sessionsKeyPrefix)
}
