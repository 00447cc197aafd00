import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { emptyCounters, KpiSettings } from '../kpis/formulas.js'
import { histogramOf } from '../kpis/median.js'
import { kpiFigures } from '../kpis/report.js'
import { GridInput, GridPatch, LimitsInput, OverdueQuery } from './grids.js'
import { KpiConcernPage, KpiConcernsQuery, KpiQuery, KpiReport, RankingQuery } from './kpis.js'

const ID = '3f2b8c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'

/** The issues of a failed parse, as { path: message }. */
function issues(schema: z.ZodType, input: unknown): Record<string, string> {
  const result = schema.safeParse(input)
  expect(result.success).toBe(false)
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))
}

describe('KpiQuery', () => {
  const query = { scope: 'community', id: ID, from: '2026-03-01', to: '2026-03-31' }

  it('accepts a month of a community, with or without a category', () => {
    expect(KpiQuery.parse(query)).toEqual(query)
    expect(KpiQuery.parse({ ...query, category: 'noise' }).category).toBe('noise')
  })

  it('names `to` when it is before `from` or more than three years after it', () => {
    expect(issues(KpiQuery, { ...query, to: '2026-02-28' })).toEqual({ to: '结束日期不能早于开始日期' })
    expect(issues(KpiQuery, { ...query, from: '2023-01-01', to: '2026-01-01' })).toEqual({
      to: '统计区间最长 3 年，结束日期最晚为 2025-12-31',
    })
  })

  it('names the date that is not a date', () => {
    expect(issues(KpiQuery, { ...query, from: '2026-02-30' })).toEqual({ from: '开始日期不是有效的日期' })
    expect(issues(KpiQuery, { ...query, to: '31/03/2026' })).toEqual({ to: '结束日期格式应为 YYYY-MM-DD，例如 2026-03-31' })
  })

  it('refuses unknown parameters', () => {
    expect(KpiQuery.safeParse({ ...query, sort: 'desc' }).success).toBe(false)
  })
})

describe('RankingQuery and KpiConcernsQuery', () => {
  it('takes a level of the street and explains a wrong one in Chinese', () => {
    const ok = { street: ID, level: 'grid', from: '2026-01-01', to: '2026-03-31' }
    expect(RankingQuery.parse(ok).level).toBe('grid')
    expect(issues(RankingQuery, { ...ok, level: 'building' }).level).toContain('排名层级')
  })

  it('pages the concerns behind a figure, hits, misses or all of them', () => {
    const q = KpiConcernsQuery.parse({
      scope: 'worker',
      id: ID,
      from: '2026-03-01',
      to: '2026-03-31',
      measure: 'response',
      outcome: 'miss',
      limit: '50',
    })
    expect(q).toMatchObject({ measure: 'response', outcome: 'miss', limit: 50 })
    expect(
      KpiConcernsQuery.parse({ scope: 'grid', id: ID, from: '2026-03-01', to: '2026-03-31', measure: 'reopen' }).outcome,
    ).toBeUndefined()
    expect(issues(KpiConcernsQuery, { scope: 'grid', id: ID, from: '2026-03-01', to: '2026-03-31', measure: 'speed' }).measure).toContain(
      '响应率',
    )
  })
})

describe('KpiReport', () => {
  it('carries the figures of kpiFigures as they are, fractions as exact strings', () => {
    const counters = {
      ...emptyCounters(),
      received: 60,
      acknowledged: 57,
      ackOnTime: 41,
      ackMinutes: histogramOf(12),
      rated: 1,
      ratings: [0, 0, 1, 0, 0],
    }
    const settings = KpiSettings.parse({})
    const figures = kpiFigures(counters, settings)
    expect(figures.rates.response).toMatchObject({ num: '41', den: '60', percent: '68.3%' })
    expect(figures.rates.satisfaction).toMatchObject({ num: '9', den: '10', percent: '90.0%' })
    expect(figures.counts.ratings).toEqual({
      very_satisfied: 0,
      satisfied: 0,
      basically_satisfied: 1,
      dissatisfied: 0,
      very_dissatisfied: 0,
    })
    expect(figures.medians.ackMinutes).toMatchObject({ low: 10, high: 15, unit: 'minutes', sample: 1 })
    expect(figures.medians.resolveHours).toBeNull()
    const report = {
      scope: { kind: 'community', id: ID, name: '兴隆社区' },
      period: { from: '2026-03-01', to: '2026-03-31', label: '2026年3月' },
      category: null,
      settings,
      ...figures,
    }
    expect(KpiReport.parse(report)).toEqual(report)
  })

  it('says what a page of concerns adds up to', () => {
    expect(KpiConcernPage.parse({ measure: 'satisfaction', outcome: null, total: 0, items: [], nextCursor: null }).total).toBe(0)
  })
})

describe('grid and dispatch inputs', () => {
  it('creates a grid from buildings and workers, refusing duplicates and an empty name', () => {
    expect(GridInput.parse({ communityId: ID, name: ' 一网格 ' })).toEqual({
      communityId: ID,
      name: '一网格',
      buildingIds: [],
      workerIds: [],
    })
    expect(issues(GridInput, { communityId: ID, name: '', buildingIds: [ID, ID] })).toEqual({
      name: '请填写网格名称',
      buildingIds: '楼栋不能重复',
    })
  })

  it('refuses an empty change', () => {
    expect(issues(GridPatch, {})).toEqual({ name: '请至少修改一项：名称、楼栋或网格员' })
  })

  it('takes limit overrides per category, field by field', () => {
    expect(LimitsInput.parse({ overrides: { noise: { acknowledge: { unit: 'minutes', amount: 60 } } } }).overrides.noise).toBeDefined()
    expect(Object.keys(issues(LimitsInput, { overrides: { noise: { resolve: { unit: 'working_days', amount: 0 } } } }))).toEqual([
      'overrides.noise.resolve.amount',
    ])
  })

  it('lists what is overdue in one community or one street, not both', () => {
    expect(OverdueQuery.parse({ streetId: ID, milestone: 'arrive' }).limit).toBe(20)
    expect(issues(OverdueQuery, { streetId: ID, communityId: ID })).toHaveProperty('communityId')
    expect(issues(OverdueQuery, {})).toHaveProperty('communityId')
  })
})
