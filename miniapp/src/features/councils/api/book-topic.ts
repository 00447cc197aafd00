import type { z } from 'zod'
import type { Topic, TopicInput } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { refreshSession } from './get-session'

export type TopicData = z.infer<typeof Topic>
export type TopicBody = z.input<typeof TopicInput>

/** POST /api/sessions/:sessionId/topics — 议题申报 by a verified resident, before the booking deadline. */
export function bookTopic(sessionId: string, body: TopicBody): Promise<TopicData> {
  return apiRequest<TopicData>(`/sessions/${encodeURIComponent(sessionId)}/topics`, { method: 'POST', body })
}

export function useBookTopic() {
  return useMutation((input: { sessionId: string; body: TopicBody }) => bookTopic(input.sessionId, input.body), {
    onSuccess: (topic) => refreshSession(topic.sessionId),
  })
}
