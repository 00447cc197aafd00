import { describe, expect, it } from 'vitest'
import { periodParts } from './months.js'

describe('periodParts: whole months from the monthly rows, the rest from the daily ones', () => {
  it.each([
    ['a calendar month', '2026-03-01', '2026-03-31', { months: ['2026-03-01', '2026-03-01'], days: [] }],
    ['a year', '2026-01-01', '2026-12-31', { months: ['2026-01-01', '2026-12-01'], days: [] }],
    ['February of a leap year', '2028-02-01', '2028-02-29', { months: ['2028-02-01', '2028-02-01'], days: [] }],
    ['part of one month', '2026-03-05', '2026-03-20', { months: null, days: [['2026-03-05', '2026-03-20']] }],
    ['a month less its last day', '2026-03-01', '2026-03-30', { months: null, days: [['2026-03-01', '2026-03-30']] }],
    [
      'ragged ends around whole months',
      '2026-01-15',
      '2026-04-10',
      {
        months: ['2026-02-01', '2026-03-01'],
        days: [
          ['2026-01-15', '2026-01-31'],
          ['2026-04-01', '2026-04-10'],
        ],
      },
    ],
    ['across a new year', '2025-12-20', '2026-01-31', { months: ['2026-01-01', '2026-01-01'], days: [['2025-12-20', '2025-12-31']] }],
    ['one day', '2026-03-31', '2026-03-31', { months: null, days: [['2026-03-31', '2026-03-31']] }],
  ])('%s', (_name, from, to, parts) => {
    expect(periodParts(from, to)).toEqual(parts)
  })
})
