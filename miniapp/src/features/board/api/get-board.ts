import type { BoardView } from '@domain/schemas/board.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type BoardData = BoardView

/** GET /api/communities/:communityId/board — the 公示栏 of a month (this month when `month` is absent). */
export function getBoard(communityId: string, month?: string): Promise<BoardData> {
  const query = month ? `?month=${encodeURIComponent(month)}` : ''
  return apiRequest<BoardData>(`/communities/${encodeURIComponent(communityId)}/board${query}`)
}

export function useBoard(communityId: string | undefined, month?: string) {
  return useQuery(communityId ? `board/${communityId}/${month ?? ''}` : null, () => getBoard(communityId!, month))
}
