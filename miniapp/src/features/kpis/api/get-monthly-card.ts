import type { z } from 'zod'
import type { PublicKpiCard } from '@domain/schemas/kpis.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type MonthlyCard = z.infer<typeof PublicKpiCard>

/** GET /api/communities/:communityId/kpis/monthly — the month's 三率 for residents (this month when `month` is absent). */
export function getMonthlyCard(communityId: string, month?: string): Promise<MonthlyCard> {
  const query = month ? `?month=${encodeURIComponent(month)}` : ''
  return apiRequest<MonthlyCard>(`/communities/${encodeURIComponent(communityId)}/kpis/monthly${query}`)
}

export function useMonthlyCard(communityId: string | undefined) {
  return useQuery(communityId ? `kpis/monthly/${communityId}` : null, () => getMonthlyCard(communityId!))
}
