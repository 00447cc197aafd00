import type { z } from 'zod'
import type { FollowState } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'

export type FollowStateData = z.infer<typeof FollowState>

/** POST /api/concerns/:concernId/follow — 关注: hear about each step. */
export function followConcern(concernId: string): Promise<FollowStateData> {
  return apiRequest<FollowStateData>(`/concerns/${encodeURIComponent(concernId)}/follow`, { method: 'POST' })
}
