import type { z } from 'zod'
import type { KpiConcernPage } from '@domain/schemas/kpis.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'
import { type KpiUnitQuery, kpisKeyPrefix } from './get-kpis'

export type KpiConcernPageData = z.infer<typeof KpiConcernPage>
export type KpiConcernItemData = KpiConcernPageData['items'][number]
export type Measure = KpiConcernPageData['measure']

export interface DrillQuery extends KpiUnitQuery {
  measure: Measure
  outcome?: 'hit' | 'miss'
}

const PAGE_SIZE = 20

/** GET /api/kpis/concerns — the concerns behind one figure, keyset-paged; `total` is the figure's count. */
export function getKpiConcerns(q: DrillQuery, cursor?: string): Promise<KpiConcernPageData> {
  return apiRequest<KpiConcernPageData>('/kpis/concerns', { query: { ...q, cursor, limit: PAGE_SIZE }, toast: false })
}

export function useKpiConcerns(q: DrillQuery | null, onTotal?: (total: number) => void) {
  const key = q
    ? `${kpisKeyPrefix}concerns/${[q.scope, q.id, q.from, q.to, q.category, q.measure, q.outcome].map((v) => v ?? '').join('/')}`
    : null
  return usePagedQuery(key, async (cursor) => {
    const page = await getKpiConcerns(q!, cursor)
    onTotal?.(page.total)
    return page
  })
}
