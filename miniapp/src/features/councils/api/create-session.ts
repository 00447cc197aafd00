import type { z } from 'zod'
import type { SessionInput } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { storeSession, type SessionDetailData } from './get-session'

export type SessionBody = z.input<typeof SessionInput>

/** POST /api/communities/:communityId/sessions — 201, the new session (筹备中 until it is opened). */
export function createSession(communityId: string, body: SessionBody): Promise<SessionDetailData> {
  return apiRequest<SessionDetailData>(`/communities/${encodeURIComponent(communityId)}/sessions`, { method: 'POST', body })
}

export function useCreateSession() {
  return useMutation((input: { communityId: string; body: SessionBody }) => createSession(input.communityId, input.body), {
    onSuccess: storeSession,
  })
}
