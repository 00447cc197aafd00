import { describe, expect, it } from 'vitest'
import { chinaTimeLabel, daysInMonth, fromChinaLocal, toChinaLocal } from './china-time.js'

describe('China Standard Time', () => {
  it('puts 19:00 in Beijing at 11:00 UTC', () => {
    expect(fromChinaLocal(2026, 3, 13, 19, 0).toISOString()).toBe('2026-03-13T11:00:00.000Z')
    expect(toChinaLocal(new Date('2026-03-13T11:00:00Z'))).toEqual({ year: 2026, month: 3, day: 13, weekday: 5, hour: 19, minute: 0 })
  })

  it('reads an early-morning UTC instant as the next day in Beijing', () => {
    // 2026-12-31 16:30 UTC is already New Year's Day, a Friday, in China.
    expect(toChinaLocal(new Date('2026-12-31T16:30:00Z'))).toMatchObject({ year: 2027, month: 1, day: 1, weekday: 5, hour: 0, minute: 30 })
  })

  it('shows an instant as month, day and time in Beijing', () => {
    expect(chinaTimeLabel(new Date('2026-12-31T16:05:00Z'))).toBe('1月1日 00:05')
  })

  it('knows the length of February in common and leap years', () => {
    expect(daysInMonth(2027, 2)).toBe(28)
    expect(daysInMonth(2028, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2026, 12)).toBe(31)
  })
})
