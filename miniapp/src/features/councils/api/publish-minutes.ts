import type { z } from 'zod'
import type { MinutesInput } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { storeSession, type SessionDetailData } from './get-session'

export type MinutesBody = z.input<typeof MinutesInput>

/** POST /api/sessions/:sessionId/minutes — 会议纪要 of a concluded session; registrants and proposers are told. */
export function publishMinutes(sessionId: string, body: MinutesBody): Promise<SessionDetailData> {
  return apiRequest<SessionDetailData>(`/sessions/${encodeURIComponent(sessionId)}/minutes`, { method: 'POST', body })
}

export function usePublishMinutes() {
  return useMutation((input: { sessionId: string; body: MinutesBody }) => publishMinutes(input.sessionId, input.body), {
    onSuccess: storeSession,
  })
}
