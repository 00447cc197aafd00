import { describe, expect, it } from 'vitest'
import { categories, type categoryKeys } from '@domain/concerns/categories.js'
import { type LimitOverrides, limitsFor, limitsText } from '@domain/concerns/milestones.js'
import { LimitsInput } from '@domain/schemas/grids.js'
import { StreetSettingsInput } from '@domain/schemas/kpis.js'
import type { CategoryLimitsData } from '@/features/grids/api/limits'
import { trendWindow } from '@/staff/pages/kpis/trend-window'
import { draftsOf, milestoneOf, overridesAfter } from '@/staff/pages/limits/limit-drafts'
import { bodyOf, fieldOf, formOf, weightSum } from '@/staff/pages/street-settings/settings-form'

/** A category's row as GET /api/communities/{id}/limits gives it, for these overrides. */
function rowOf(category: (typeof categoryKeys)[number], overrides: LimitOverrides = {}): CategoryLimitsData {
  const l = limitsFor(category, overrides)
  return { category, label: categories[category].label, ...l, isDefault: !overrides[category], text: limitsText(l) }
}

describe('the 三率 trend follows the period', () => {
  it('asks for the months from the period’s last month to now plus twelve, at most 36', () => {
    expect(trendWindow('2026-11-30', '2026-11-30')).toEqual({ months: 12, lastMonth: '2026-11' })
    expect(trendWindow('2026-10-15', '2026-11-30')).toEqual({ months: 13, lastMonth: '2026-10' })
    expect(trendWindow('2025-11-30', '2026-11-30')).toEqual({ months: 24, lastMonth: '2025-11' })
    expect(trendWindow('2023-01-31', '2026-11-30')).toEqual({ months: 36, lastMonth: '2023-01' })
    // A period ending later than now: the twelve months up to now.
    expect(trendWindow('2026-12-31', '2026-11-30')).toEqual({ months: 12, lastMonth: '2026-12' })
  })
})

describe('考核设置 (the street settings form)', () => {
  const stored = { weights: { response: 10, resolution: 50, satisfaction: 40 }, basicSatisfiedPercent: 90, minSample: 10, formula: [] }

  it('round-trips what is stored into a body the API takes', () => {
    const form = formOf(stored)
    expect(weightSum(form)).toBe(100)
    expect(StreetSettingsInput.parse(bodyOf(form))).toEqual({
      weights: stored.weights,
      basicSatisfiedPercent: 90,
      minSample: 10,
    })
  })

  it('sends what is typed; the API names the field, which lands under the right input', () => {
    const form = { ...formOf(stored), response: '20' }
    expect(weightSum(form)).toBe(110)
    const refused = StreetSettingsInput.safeParse(bodyOf(form))
    expect(refused.success).toBe(false)
    const issue = refused.error!.issues[0]
    expect(fieldOf(issue.path.join('.'))).toBe('satisfaction')
    expect(issue.message).toBe('三项权重之和须为 100（现在是 110）')
    // A blank is sent as null: the API asks for it by name.
    const blank = StreetSettingsInput.safeParse(bodyOf({ ...formOf(stored), minSample: ' ' }))
    expect(blank.error!.issues.map((i) => [fieldOf(i.path.join('.')), i.message])).toEqual([['minSample', '请填写参与排名的最少件数']])
    expect(weightSum({ ...form, resolution: '' })).toBeNull()
  })
})

describe('办理时限 (the limits sheet)', () => {
  it('stores only the milestones that changed, over the community’s own', () => {
    const overrides = { utilities: { resolve: { unit: 'minutes' as const, amount: 45 } } }
    const row = rowOf('sanitation', overrides)
    const shown = draftsOf(row)
    expect(shown).toEqual({
      acknowledge: { unit: 'working_days', amount: '1' },
      arrive: { unit: 'off', amount: '' },
      resolve: { unit: 'working_days', amount: '3' },
    })
    const drafts = { ...shown, acknowledge: { unit: 'minutes' as const, amount: '90' } }
    const next = overridesAfter(overrides, 'sanitation', shown, drafts)
    expect(next).toEqual({ ...overrides, sanitation: { acknowledge: { unit: 'minutes', amount: 90 } } })
    expect(LimitsInput.parse({ overrides: next }).overrides).toEqual(next)
  })

  it('switches 到场 timing off with null and keeps earlier own limits of the category', () => {
    const overrides = { utilities: { resolve: { unit: 'minutes' as const, amount: 45 } } }
    const shown = draftsOf(rowOf('utilities', overrides))
    const next = overridesAfter(overrides, 'utilities', shown, { ...shown, arrive: { unit: 'off', amount: '20' } })
    expect(next).toEqual({ utilities: { resolve: { unit: 'minutes', amount: 45 }, arrive: null } })
    expect(LimitsInput.safeParse({ overrides: next }).success).toBe(true)
  })

  it('restores the defaults by dropping the category; a bad amount is named on its milestone', () => {
    const overrides = { sanitation: { acknowledge: { unit: 'minutes' as const, amount: 90 } } }
    const shown = draftsOf(rowOf('sanitation', overrides))
    expect(overridesAfter(overrides, 'sanitation', shown, shown, true)).toEqual({})
    const tooLong = overridesAfter(overrides, 'sanitation', shown, { ...shown, acknowledge: { unit: 'minutes', amount: '99999' } })
    const refused = LimitsInput.safeParse({ overrides: tooLong })
    const issue = refused.error!.issues[0]
    expect(milestoneOf(issue.path.join('.'))).toBe('acknowledge')
    expect(issue.message).toContain('以分钟计的时限最长 10080 分钟')
  })
})
