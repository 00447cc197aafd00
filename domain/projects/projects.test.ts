import { describe, expect, it } from 'vitest'
import { budgetLabel, needStatusFor, parseYuan } from './projects.js'

describe('项目清单 rules', () => {
  it('a linked need is 已解决 only when the project is done', () => {
    expect(needStatusFor('done')).toBe('met')
    for (const s of ['not_started', 'in_progress', 'shelved'] as const) expect(needStatusFor(s)).toBe('in_project')
  })

  it('shows a budget in yuan with thousands separators', () => {
    expect(budgetLabel(null)).toBe('无预算')
    expect(budgetLabel(0)).toBe('¥0')
    expect(budgetLabel(1_280_000)).toBe('¥12,800')
    expect(budgetLabel(1_280_050)).toBe('¥12,800.50')
    expect(budgetLabel(5)).toBe('¥0.05')
  })

  it('reads yuan typed into the form as fen', () => {
    expect(parseYuan('')).toBeNull()
    expect(parseYuan(' 12800 ')).toBe(1_280_000)
    expect(parseYuan('12800.5')).toBe(1_280_050)
    expect(parseYuan('0.05')).toBe(5)
    expect(parseYuan('12,800')).toBeUndefined()
    expect(parseYuan('-3')).toBeUndefined()
    expect(parseYuan('1.234')).toBeUndefined()
  })
})
