import type { z } from 'zod'
import type { TopicDecisionInput } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries } from '@/lib/api/use-query'
import type { TopicData } from './book-topic'
import { refreshSession, sessionKeyPrefix } from './get-session'
import { topicsKeyPrefix } from './get-topics'

export type TopicDecisionBody = z.input<typeof TopicDecisionInput>

/** POST /api/topics/:topicId/decision — accept onto the agenda (order, minutes), defer to a later session, or decline. */
export function decideTopic(topicId: string, body: TopicDecisionBody): Promise<TopicData> {
  return apiRequest<TopicData>(`/topics/${encodeURIComponent(topicId)}/decision`, { method: 'POST', body })
}

export function useDecideTopic() {
  return useMutation((input: { topicId: string; body: TopicDecisionBody }) => decideTopic(input.topicId, input.body), {
    onSuccess: (topic, input) => {
      invalidateQueries(topicsKeyPrefix)
      refreshSession(topic.sessionId)
      // A deferred topic lands on another session.
      if (input.body.action === 'defer') invalidateQueries(sessionKeyPrefix)
    },
  })
}
