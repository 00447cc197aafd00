import { apiRequest } from '@/lib/api/client'
import type { FollowStateData } from './follow-concern'

/** DELETE /api/concerns/:concernId/follow — stop following. */
export function unfollowConcern(concernId: string): Promise<FollowStateData> {
  return apiRequest<FollowStateData>(`/concerns/${encodeURIComponent(concernId)}/follow`, { method: 'DELETE' })
}
