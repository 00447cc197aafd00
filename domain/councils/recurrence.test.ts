import { describe, expect, it } from 'vitest'
import { daysInMonth, toChinaLocal } from './china-time.js'
import { describeRule, ensureAhead, occurrences, Recurrence, type MonthlyRule, type WeeklyRule } from './recurrence.js'

const monthly = (nth: MonthlyRule['nth'], weekday: MonthlyRule['weekday'], time = '19:00', durationMinutes = 120): MonthlyRule => ({
  freq: 'monthly',
  nth,
  weekday,
  time,
  durationMinutes,
})
const weekly = (weekdays: WeeklyRule['weekdays'], time = '19:30', durationMinutes = 90): WeeklyRule => ({
  freq: 'weekly',
  weekdays,
  time,
  durationMinutes,
})

const starts = (rule: Recurrence, from: string, to: string) =>
  occurrences(rule, new Date(from), new Date(to)).map((o) => o.startsAt.toISOString())

describe('occurrences of a monthly rule', () => {
  it('finds the second Friday at 19:00 CST, which is 11:00 UTC, with its end two hours later', () => {
    const [first] = occurrences(monthly(2, 5), new Date('2026-03-01T00:00:00Z'), new Date('2026-04-01T00:00:00Z'))
    expect(first.startsAt.toISOString()).toBe('2026-03-13T11:00:00.000Z')
    expect(first.endsAt.toISOString()).toBe('2026-03-13T13:00:00.000Z')
  })

  it('skips the months that have no fifth Friday', () => {
    expect(starts(monthly(5, 5), '2026-01-01T00:00:00+08:00', '2028-01-01T00:00:00+08:00')).toEqual([
      '2026-01-30T11:00:00.000Z',
      '2026-05-29T11:00:00.000Z',
      '2026-07-31T11:00:00.000Z',
      '2026-10-30T11:00:00.000Z',
      '2027-01-29T11:00:00.000Z',
      '2027-04-30T11:00:00.000Z',
      '2027-07-30T11:00:00.000Z',
      '2027-10-29T11:00:00.000Z',
      '2027-12-31T11:00:00.000Z',
    ])
  })

  it('finds the last Friday of February 2027 on the 26th', () => {
    expect(starts(monthly(-1, 5), '2027-02-01T00:00:00+08:00', '2027-03-01T00:00:00+08:00')).toEqual(['2027-02-26T11:00:00.000Z'])
  })

  it('finds the last Tuesday of February 2028 on the leap day', () => {
    expect(starts(monthly(-1, 2), '2028-02-01T00:00:00+08:00', '2028-03-01T00:00:00+08:00')).toEqual(['2028-02-29T11:00:00.000Z'])
  })

  it('falls once in every month for the first to fourth and the last weekday', () => {
    const from = new Date('2026-01-01T00:00:00+08:00')
    const to = new Date('2031-01-01T00:00:00+08:00')
    for (const nth of [1, 2, 3, 4, -1] as const) {
      for (const weekday of [1, 2, 3, 4, 5, 6, 7] as const) {
        const found = occurrences(monthly(nth, weekday), from, to)
        expect(found, `nth ${nth} weekday ${weekday}`).toHaveLength(60)
        for (const o of found) {
          const local = toChinaLocal(o.startsAt)
          expect(local.weekday).toBe(weekday)
          if (nth === -1) expect(local.day + 7).toBeGreaterThan(daysInMonth(local.year, local.month))
          else expect(Math.ceil(local.day / 7)).toBe(nth)
        }
      }
    }
  })

  it('crosses New Year: second Friday of December, then of January', () => {
    expect(starts(monthly(2, 5), '2026-12-01T00:00:00+08:00', '2027-02-01T00:00:00+08:00')).toEqual([
      '2026-12-11T11:00:00.000Z',
      '2027-01-08T11:00:00.000Z',
    ])
  })

  it('places a 07:00 session on New Year’s Day at 23:00 UTC on New Year’s Eve', () => {
    // The first Friday of January 2027 is the 1st; 07:00 in Beijing is still 2026 in UTC.
    expect(starts(monthly(1, 5, '07:00'), '2026-12-31T00:00:00+08:00', '2027-01-31T00:00:00+08:00')).toEqual(['2026-12-31T23:00:00.000Z'])
  })
})

describe('occurrences of a weekly rule', () => {
  it('finds every Wednesday at 19:30 across New Year', () => {
    expect(starts(weekly([3]), '2026-12-20T00:00:00+08:00', '2027-01-10T00:00:00+08:00')).toEqual([
      '2026-12-23T11:30:00.000Z',
      '2026-12-30T11:30:00.000Z',
      '2027-01-06T11:30:00.000Z',
    ])
  })

  it('judges the weekday in China, not in UTC', () => {
    // Wednesday 07:00 in Beijing is Tuesday 23:00 UTC.
    expect(starts(weekly([3], '07:00'), '2026-11-01T00:00:00+08:00', '2026-11-08T00:00:00+08:00')).toEqual(['2026-11-03T23:00:00.000Z'])
  })

  it('lists several weekdays in time order', () => {
    expect(starts(weekly([5, 1]), '2026-11-02T00:00:00+08:00', '2026-11-09T00:00:00+08:00')).toEqual([
      '2026-11-02T11:30:00.000Z',
      '2026-11-06T11:30:00.000Z',
    ])
  })

  it('includes a start exactly at `from` and excludes one exactly at `to`', () => {
    const at = '2026-11-04T11:30:00.000Z'
    expect(starts(weekly([3]), at, '2026-11-05T00:00:00Z')).toEqual([at])
    expect(starts(weekly([3]), '2026-11-01T00:00:00Z', at)).toEqual([])
  })

  it('returns nothing for an empty or reversed range', () => {
    expect(starts(weekly([3]), '2026-11-04T00:00:00Z', '2026-11-04T00:00:00Z')).toEqual([])
    expect(starts(weekly([3]), '2026-11-10T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual([])
  })
})

describe('ensureAhead', () => {
  const rule = weekly([3])
  const now = new Date('2026-11-01T02:00:00Z') // Sunday 10:00 in Beijing

  it('creates the next eight weeks of sessions', () => {
    const created = ensureAhead(rule, [], now)
    expect(created).toHaveLength(8)
    expect(created[0].startsAt.toISOString()).toBe('2026-11-04T11:30:00.000Z')
    expect(created[7].startsAt.toISOString()).toBe('2026-12-23T11:30:00.000Z')
  })

  it('creates nothing the second time it runs', () => {
    const created = ensureAhead(rule, [], now)
    expect(
      ensureAhead(
        rule,
        created.map((o) => o.startsAt),
        now,
      ),
    ).toEqual([])
  })

  it('fills only the gaps', () => {
    const all = ensureAhead(rule, [], now).map((o) => o.startsAt)
    const missing = ensureAhead(rule, [all[0], all[1], all[5]], now).map((o) => o.startsAt.toISOString())
    expect(missing).toEqual([all[2], all[3], all[4], all[6], all[7]].map((d) => d.toISOString()))
  })

  it('adds one week at the far end when run a week later', () => {
    const first = ensureAhead(rule, [], now).map((o) => o.startsAt)
    const weekLater = new Date(now.getTime() + 7 * 86_400_000)
    expect(ensureAhead(rule, first, weekLater).map((o) => o.startsAt.toISOString())).toEqual(['2026-12-30T11:30:00.000Z'])
  })

  it('does not create a session that starts now or has started', () => {
    const atStart = new Date('2026-11-04T11:30:00Z')
    expect(ensureAhead(rule, [], atStart)[0].startsAt.toISOString()).toBe('2026-11-11T11:30:00.000Z')
  })

  it('keeps a monthly rule to the months within reach, skipping a month with no fifth Friday', () => {
    // From 1 May 2026, eight weeks reach 26 June: May has a fifth Friday (29th), June does not.
    expect(ensureAhead(monthly(5, 5), [], new Date('2026-05-01T00:00:00+08:00')).map((o) => o.startsAt.toISOString())).toEqual([
      '2026-05-29T11:00:00.000Z',
    ])
  })

  it('takes another horizon in weeks, and refuses a nonsensical one', () => {
    expect(ensureAhead(rule, [], now, 2)).toHaveLength(2)
    expect(() => ensureAhead(rule, [], now, 0)).toThrow(RangeError)
    expect(() => ensureAhead(rule, [], now, 1.5)).toThrow(RangeError)
  })
})

describe('the recurrence schema', () => {
  it('accepts the two rules of the issue', () => {
    expect(Recurrence.safeParse(monthly(2, 5, '19:00')).success).toBe(true)
    expect(Recurrence.safeParse(weekly([3], '19:30')).success).toBe(true)
  })

  it.each([
    [{ ...monthly(2, 5), nth: 0 }, 'nth', '每月第几个'],
    [{ ...monthly(2, 5), weekday: 8 }, 'weekday', '星期几'],
    [{ ...monthly(2, 5), time: '24:00' }, 'time', '时:分'],
    [{ ...monthly(2, 5), time: '7:00' }, 'time', '时:分'],
    [{ ...monthly(2, 5), durationMinutes: 10 }, 'durationMinutes', '至少 15 分钟'],
    [weekly([]), 'weekdays', '至少选择一天'],
    [weekly([3, 3]), 'weekdays', '不能重复'],
  ])('rejects %o at %s with a Chinese message', (input, field, words) => {
    const result = Recurrence.safeParse(input)
    expect(result.success).toBe(false)
    const issue = result.error?.issues[0]
    expect(issue?.path[0]).toBe(field)
    expect(issue?.message).toContain(words)
  })
})

describe('describeRule', () => {
  it('says the rule in plain words', () => {
    expect(describeRule(monthly(2, 5))).toBe('每月第二个周五 19:00–21:00')
    expect(describeRule(monthly(-1, 5, '19:00', 90))).toBe('每月最后一个周五 19:00–20:30')
    expect(describeRule(weekly([5, 3]))).toBe('每周三、周五 19:30–21:00')
  })

  it('warns that a fifth-weekday rule skips some months', () => {
    expect(describeRule(monthly(5, 5))).toBe('每月第五个周五 19:00–21:00（没有第五个的月份不召开）')
  })

  it('marks an end past midnight', () => {
    expect(describeRule(weekly([6], '23:00', 120))).toBe('每周六 23:00–次日01:00')
  })
})
