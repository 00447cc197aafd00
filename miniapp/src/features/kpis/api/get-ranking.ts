import type { z } from 'zod'
import type { KpiRanking } from '@domain/schemas/kpis.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'
import { kpisKeyPrefix } from './get-kpis'

export type KpiRankingData = z.infer<typeof KpiRanking>
export type RankingLevel = KpiRankingData['level']

/** GET /api/kpis/ranking?street&level&from&to — the street's units ranked on 综合, small samples apart. */
export function useRanking(q: { street: string; level: RankingLevel; from: string; to: string } | null) {
  return useQuery(q ? `${kpisKeyPrefix}ranking/${q.street}/${q.level}/${q.from}/${q.to}` : null, () =>
    apiRequest<KpiRankingData>('/kpis/ranking', { query: { ...q! } }),
  )
}
