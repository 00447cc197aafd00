import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { chinaDay, currentPeriod, type PeriodKind } from '@domain/kpis/period.js'
import { type KpiScope, type KpiUnitQuery, useKpis, useKpiTrend } from '@/features/kpis/api/get-kpis'
import { useMe } from '@/features/me/api/get-me'
import { workbenchCommunities } from '@/features/me/workbench'
import { ApiError } from '@/lib/api/client'
import { fieldErrorsOf } from '@/lib/api/field-errors'
import { trendWindow } from './trend-window'

/** 本月 / 本季度 / 本年, or any from–to the person picks. */
export type Kind = PeriodKind | 'custom'
export type PeriodField = 'from' | 'to'

/** Which unit: from the link (a ranking row, a breakdown row), else the first community this person is staff of. */
function useUnitParams() {
  const router = useRouter()
  const me = useMe()
  const fallback = workbenchCommunities(me.data).find((c) => c.kind === 'staff')?.communityId
  const p = router.params
  const scope = (p.scope as KpiScope | undefined) || 'community'
  const id = p.id || (scope === 'community' ? fallback : undefined)
  const range = p.from && p.to ? { from: p.from, to: p.to } : null
  const isStreetAdmin = scope === 'street' && !!me.data?.streets.some((s) => s.streetId === id)
  return { scope, id, category: p.category || undefined, range, isStreetAdmin, loadingMe: !p.id && me.loading }
}

/**
 * The 三率 page's state: the unit, the period (a preset or from–to, China days) and the category;
 * the report and the trend that follow them; a period the API refuses, as the field it names.
 */
export function useKpisPage() {
  const unitParams = useUnitParams()
  const { scope, id } = unitParams
  const today = chinaDay(new Date())
  const [kind, setKind] = useState<Kind>(unitParams.range ? 'custom' : 'month')
  const [range, setRange] = useState(unitParams.range ?? { from: currentPeriod('month', new Date()).from, to: today })
  const [category, setCategory] = useState<string | undefined>(unitParams.category)
  const preset = kind === 'custom' ? null : currentPeriod(kind, new Date())
  const period = preset ? { from: preset.from, to: preset.to, label: preset.label } : { ...range, label: `${range.from} — ${range.to}` }
  const unit: KpiUnitQuery | null = id ? { scope, id, from: period.from, to: period.to, category } : null
  const report = useKpis(unit)
  const span = trendWindow(period.to, today)
  const trend = useKpiTrend(id ? { scope, id, category, months: span.months } : null)

  const refused =
    report.error instanceof ApiError ? fieldErrorsOf<PeriodField>(report.error, (p) => (p === 'from' || p === 'to' ? p : null)) : {}
  const periodRefused = Object.keys(refused).length > 0

  usePullDownRefresh(async () => {
    await Promise.all([report.refetch(), trend.refetch()])
    Taro.stopPullDownRefresh()
  })

  /** A preset: its dates also become the custom range's starting point. */
  function chooseKind(next: Kind) {
    if (next === 'custom' && preset) setRange({ from: preset.from, to: preset.to })
    setKind(next)
  }

  return {
    ...unitParams,
    unit,
    kind,
    chooseKind,
    range,
    setRange,
    category,
    setCategory,
    period,
    report,
    trend,
    trendLastMonth: span.lastMonth,
    refused,
    periodRefused,
  }
}
