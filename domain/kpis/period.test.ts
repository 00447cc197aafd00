import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  currentPeriod,
  addDays,
  checkPeriod,
  chinaDay,
  contains,
  currentMonth,
  daysOf,
  latestTo,
  monthPeriod,
  monthsOf,
  namedPeriod,
  parseDay,
  quarterPeriod,
  rangePeriod,
  trailingMonths,
  yearPeriod,
} from './period.js'

describe('days in China time', () => {
  it('files an instant under its Beijing calendar day', () => {
    // 16:30 UTC on 31 December is already New Year's Day in Beijing.
    expect(chinaDay(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01')
    expect(chinaDay(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31')
  })

  it('accepts only real calendar days', () => {
    expect(parseDay('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 })
    expect(parseDay('2026-02-29')).toBeNull()
    expect(parseDay('2026-13-01')).toBeNull()
    expect(parseDay('2026-3-1')).toBeNull()
    expect(parseDay('20260301')).toBeNull()
  })

  it('steps across month and year ends', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01')
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31')
  })
})

describe('named periods', () => {
  it('bounds a month by Beijing midnights', () => {
    const march = monthPeriod(2026, 3)
    expect(march).toMatchObject({ from: '2026-03-01', to: '2026-03-31', label: '2026年3月' })
    expect(march.start.toISOString()).toBe('2026-02-28T16:00:00.000Z')
    expect(march.end.toISOString()).toBe('2026-03-31T16:00:00.000Z')
  })

  it('knows quarters and years, including a leap February', () => {
    expect(quarterPeriod(2028, 1)).toMatchObject({ from: '2028-01-01', to: '2028-03-31', label: '2028年第1季度' })
    expect(quarterPeriod(2026, 4)).toMatchObject({ from: '2026-10-01', to: '2026-12-31', label: '2026年第4季度' })
    expect(yearPeriod(2026)).toMatchObject({ from: '2026-01-01', to: '2026-12-31', label: '2026年' })
    expect(monthPeriod(2028, 2).to).toBe('2028-02-29')
  })

  it('reads 2026-03, 2026-Q1 and 2026, and refuses anything else on the field given', () => {
    expect(namedPeriod('2026-03')).toMatchObject({ ok: true, period: { from: '2026-03-01', to: '2026-03-31' } })
    expect(namedPeriod('2026-q2')).toMatchObject({ ok: true, period: { from: '2026-04-01', to: '2026-06-30' } })
    expect(namedPeriod('2026')).toMatchObject({ ok: true, period: { label: '2026年' } })
    expect(namedPeriod('2026-13', 'to')).toMatchObject({ ok: false, field: 'to', code: 'PERIOD_INVALID' })
    expect(namedPeriod('March')).toMatchObject({ ok: false, field: 'from' })
  })

  it('takes the current month in Beijing, not in UTC', () => {
    expect(currentMonth(new Date('2026-03-31T16:10:00Z')).label).toBe('2026年4月')
  })
})

describe('from–to', () => {
  it('accepts a single day and labels an arbitrary range', () => {
    expect(rangePeriod('2026-03-05', '2026-03-05')).toMatchObject({ ok: true, period: { label: '2026年3月5日' } })
    expect(rangePeriod('2026-03-05', '2026-04-15')).toMatchObject({ ok: true, period: { label: '2026年3月5日—2026年4月15日' } })
  })

  it('names the field of each problem', () => {
    expect(checkPeriod('2026-02-30', '2026-03-01')).toMatchObject({ field: 'from', code: 'PERIOD_INVALID' })
    expect(checkPeriod('2026-03-01', 'tomorrow')).toMatchObject({ field: 'to', code: 'PERIOD_INVALID' })
    expect(checkPeriod('2026-03-02', '2026-03-01')).toEqual({ field: 'to', code: 'PERIOD_REVERSED', message: '结束日期不能早于开始日期' })
  })

  it('allows three years exactly and not a day more', () => {
    expect(checkPeriod('2024-01-01', '2026-12-31')).toBeNull()
    expect(checkPeriod('2024-01-01', '2027-01-01')).toMatchObject({
      field: 'to',
      code: 'PERIOD_TOO_LONG',
      message: '统计区间最长 3 年，结束日期最晚为 2026-12-31',
    })
    expect(latestTo('2024-02-29')).toBe('2027-02-27')
    expect(rangePeriod('2100-01-01', '2100-12-31')).toMatchObject({ ok: true, period: { label: '2100年' } })
  })
})

describe('days and months of a period', () => {
  it('lists every day, inclusive, and tests membership by key', () => {
    const p = { from: '2026-02-27', to: '2026-03-02' }
    expect(daysOf(p)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02'])
    expect(contains(p, '2026-03-02')).toBe(true)
    expect(contains(p, '2026-03-03')).toBe(false)
  })

  it('cuts a range into months, clipping the first and last', () => {
    const months = monthsOf({ from: '2025-12-15', to: '2026-02-10' })
    expect(months.map((m) => [m.from, m.to])).toEqual([
      ['2025-12-15', '2025-12-31'],
      ['2026-01-01', '2026-01-31'],
      ['2026-02-01', '2026-02-10'],
    ])
  })

  it('gives the twelve months ending this month, oldest first, across a year end', () => {
    const trend = trailingMonths(new Date('2026-03-10T00:00:00Z'))
    expect(trend).toHaveLength(12)
    expect(trend[0].label).toBe('2025年4月')
    expect(trend[11].label).toBe('2026年3月')
  })

  it('covers a period exactly with its months and its days (no gap, no overlap)', () => {
    const day = fc.date({ min: new Date('2001-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }).map(chinaDay)
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), (from, span) => {
        const r = rangePeriod(from, addDays(from, span))
        if (!r.ok) return false
        const months = monthsOf(r.period)
        const days = months.flatMap(daysOf)
        return (
          days.length === span + 1 &&
          days.join() === daysOf(r.period).join() &&
          months[0].start.getTime() === r.period.start.getTime() &&
          months.at(-1)!.end.getTime() === r.period.end.getTime() &&
          r.period.end.getTime() - r.period.start.getTime() === (span + 1) * 86400_000
        )
      }),
    )
  })
})

describe('the current period of the 三率 page', () => {
  it.each([
    ['month', '2026年11月', '2026-11-01', '2026-11-30'],
    ['quarter', '2026年第4季度', '2026-10-01', '2026-12-31'],
    ['year', '2026年', '2026-01-01', '2026-12-31'],
  ] as const)('本%s in China time', (kind, label, from, to) => {
    expect(currentPeriod(kind, new Date('2026-11-23T01:00:00Z'))).toMatchObject({ label, from, to })
  })

  it('is already next year on 31 December at 20:00 UTC (04:00 in Beijing)', () => {
    expect(currentPeriod('year', new Date('2026-12-31T20:00:00Z')).label).toBe('2027年')
  })
})
