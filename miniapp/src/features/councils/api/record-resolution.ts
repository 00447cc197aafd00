import type { z } from 'zod'
import type { ResolutionInput } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import type { TopicData } from './book-topic'
import { refreshSession } from './get-session'
import { topicsKeyPrefix } from './get-topics'

export type ResolutionBody = z.input<typeof ResolutionInput>

/** POST /api/topics/:topicId/resolution — 决议 (text, responsible party, deadline) while the session is held. */
export function recordResolution(topicId: string, body: ResolutionBody): Promise<TopicData> {
  return apiRequest<TopicData>(`/topics/${encodeURIComponent(topicId)}/resolution`, { method: 'POST', body })
}

export function useRecordResolution() {
  return useMutation((input: { topicId: string; body: ResolutionBody }) => recordResolution(input.topicId, input.body), {
    onSuccess: (topic) => {
      invalidateQueries(topicsKeyPrefix)
      // The linked concern moved on too.
      invalidateQueries('concerns/')
      refreshSession(topic.sessionId)
    },
  })
}
