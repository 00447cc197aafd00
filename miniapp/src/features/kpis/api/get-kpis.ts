import type { z } from 'zod'
import type { KpiBreakdown, KpiReport, KpiTrend } from '@domain/schemas/kpis.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type KpiReportData = z.infer<typeof KpiReport>
export type KpiBreakdownData = z.infer<typeof KpiBreakdown>
export type KpiTrendData = z.infer<typeof KpiTrend>
export type RateData = KpiReportData['rates']['response']
export type KpiScope = KpiReportData['scope']['kind']
export type BreakdownBy = KpiBreakdownData['by']

/** A unit and a period: what every 三率 figure is about. */
export interface KpiUnitQuery {
  scope: KpiScope
  id: string
  from: string
  to: string
  category?: string
}

export const kpisKeyPrefix = 'kpis/'
const keyOf = (what: string, q: Record<string, string | number | undefined>) =>
  `${kpisKeyPrefix}${what}/${Object.values(q)
    .map((v) => v ?? '')
    .join('/')}`

/**
 * GET /api/kpis?scope&id&from&to&category — one unit's counts, exact rates, medians and formulas.
 * No toast: the page shows a refused period under the field it names, any other failure in place.
 */
export function useKpis(q: KpiUnitQuery | null) {
  return useQuery(q ? keyOf('report', { ...q }) : null, () => apiRequest<KpiReportData>('/kpis', { query: { ...q! }, toast: false }))
}

/** GET /api/kpis/breakdown?…&by — the same unit split by grid, worker, partner or category. */
export function useKpiBreakdown(q: KpiUnitQuery | null, by: BreakdownBy) {
  return useQuery(q ? keyOf('breakdown', { ...q, by }) : null, () =>
    apiRequest<KpiBreakdownData>('/kpis/breakdown', { query: { ...q!, by } }),
  )
}

export type TrendQuery = Pick<KpiUnitQuery, 'scope' | 'id' | 'category'> & { months: number }

/** GET /api/kpis/trend?scope&id&months&category — the last `months` whole months up to the current one. */
export function useKpiTrend(q: TrendQuery | null) {
  return useQuery(q ? keyOf('trend', { ...q }) : null, () =>
    apiRequest<KpiTrendData>('/kpis/trend', { query: { scope: q!.scope, id: q!.id, months: q!.months, category: q!.category } }),
  )
}
