import type { z } from 'zod'
import type { TopicPage, TopicsQuery } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type TopicPageData = z.infer<typeof TopicPage>
export type TopicsParams = Partial<z.output<typeof TopicsQuery>>

export const topicsKeyPrefix = 'councils/topics/'
export const topicsKey = (sessionId: string) => `${topicsKeyPrefix}${sessionId}`

/** GET /api/sessions/:sessionId/topics — staff: every topic; others: the agenda and their own. Oldest first. */
export function getTopics(sessionId: string, query: TopicsParams = {}): Promise<TopicPageData> {
  return apiRequest<TopicPageData>(`/sessions/${encodeURIComponent(sessionId)}/topics`, { query })
}

/** One session's topics (a session holds at most a few dozen: one page of 100). */
export function useTopics(sessionId: string | undefined) {
  return useQuery(sessionId ? topicsKey(sessionId) : null, () => getTopics(sessionId!, { limit: 100 }))
}
