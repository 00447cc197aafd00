import { apiRequest } from '@/lib/api/client'
import type { TopicData } from './book-topic'

/** POST /api/topics/:topicId/withdraw — the proposer takes back a topic still waiting for a decision. */
export function withdrawTopic(topicId: string): Promise<TopicData> {
  return apiRequest<TopicData>(`/topics/${encodeURIComponent(topicId)}/withdraw`, { method: 'POST' })
}
