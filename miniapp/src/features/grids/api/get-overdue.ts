import type { z } from 'zod'
import type { OverduePage } from '@domain/schemas/grids.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'

export type OverduePageData = z.infer<typeof OverduePage>
export type OverdueItemData = OverduePageData['items'][number]

const PAGE_SIZE = 20

/** GET /api/overdue?streetId|communityId — every milestone past its deadline, one row per concern and milestone. */
export function useOverdue(where: { streetId: string } | { communityId: string } | null) {
  const key = where ? `overdue/${'streetId' in where ? where.streetId : where.communityId}` : null
  return usePagedQuery(key, (cursor) => apiRequest<OverduePageData>('/overdue', { query: { ...where!, cursor, limit: PAGE_SIZE } }))
}
