import type { z } from 'zod'
import type { BoardQuery, ConcernPage, ConcernSummary } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'

export type ConcernPageData = z.infer<typeof ConcernPage>
export type ConcernSummaryData = z.infer<typeof ConcernSummary>
export type BoardParams = Partial<z.output<typeof BoardQuery>>
export type BoardScope = NonNullable<BoardParams['scope']>
export type BoardStatus = NonNullable<BoardParams['status']>

/** Every board list's key starts with this: invalidate it after a write that changes a concern. */
export const boardKeyPrefix = 'concerns/board/'

const PAGE_SIZE = 20

/** GET /api/communities/:communityId/concerns?scope=&status=&category=&cursor=&limit= — the 诉求 board. */
export function getConcernBoard(communityId: string, query: BoardParams): Promise<ConcernPageData> {
  return apiRequest<ConcernPageData>(`/communities/${encodeURIComponent(communityId)}/concerns`, { query })
}

export function useConcernBoard(communityId: string | undefined, scope: BoardScope, status: BoardStatus) {
  return usePagedQuery(communityId ? `${boardKeyPrefix}${communityId}/${scope}/${status}` : null, (cursor) =>
    getConcernBoard(communityId!, { scope, status, cursor, limit: PAGE_SIZE }),
  )
}
