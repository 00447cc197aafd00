import { describe, expect, it } from 'vitest'
import { chinaDay, chinaMoment, chinaMonthDay, sessionWhen } from '@/features/councils/format'
import { area, countdown, percent, voteDate, voteMoment } from '@/features/votes/format'
import { chinaClock, chinaDate, chinaDateLabel, chinaDayOffset, chinaIso } from '@/lib/china-date'
import { cx, formatDay, formatMoment, formatTime, initialOf } from '@/lib/format'

/** An instant given as China wall-clock time (UTC+8), whatever zone the tests run in. */
const cn = (y: number, m: number, d: number, h: number, min = 0, sec = 0) => new Date(Date.UTC(y, m - 1, d, h - 8, min, sec))

// The community's clock: China time whatever the phone's zone; 2026-03-13 is a Friday.
describe('formatTime (when something happened, China time)', () => {
  const now = cn(2026, 3, 13, 15, 30)
  it('says 刚刚, then minutes, then today / yesterday with the clock', () => {
    expect(formatTime(cn(2026, 3, 13, 15, 29, 40).toISOString(), now)).toBe('刚刚')
    expect(formatTime(cn(2026, 3, 13, 15, 5).toISOString(), now)).toBe('25 分钟前')
    expect(formatTime(cn(2026, 3, 13, 9, 5).toISOString(), now)).toBe('今天 09:05')
    expect(formatTime(cn(2026, 3, 12, 21, 0).toISOString(), now)).toBe('昨天 21:00')
    // Just after midnight in China is still 'yesterday' evening in UTC: China's day counts.
    expect(formatTime(cn(2026, 3, 13, 0, 30).toISOString(), now)).toBe('今天 00:30')
  })
  it('gives the date with its weekday this year, the full date another year', () => {
    expect(formatTime(cn(2026, 1, 2, 10, 0).toISOString(), now)).toBe('1月2日 周五 10:00')
    expect(formatTime(cn(2025, 12, 1, 10, 0).toISOString(), now)).toBe('2025年12月1日')
  })
  it('shows nothing for a broken timestamp', () => {
    expect(formatTime('not a date', now)).toBe('')
  })
})

describe('formatMoment (a timeline: always the clock)', () => {
  const now = cn(2026, 3, 13, 15, 30)
  it('never says 刚刚 or minutes ago', () => {
    expect(formatMoment(cn(2026, 3, 13, 15, 29, 40).toISOString(), now)).toBe('今天 15:29')
    expect(formatMoment(cn(2026, 3, 12, 21, 0).toISOString(), now)).toBe('昨天 21:00')
    expect(formatMoment(cn(2026, 3, 9, 8, 5).toISOString(), now)).toBe('3月9日 周一 08:05')
    expect(formatMoment(cn(2025, 12, 1, 10, 0).toISOString(), now)).toBe('2025年12月1日 10:00')
  })
})

describe('formatDay (a deadline, China time)', () => {
  const now = cn(2026, 3, 13, 15, 30)
  it('names today, tomorrow and yesterday, else the date with its weekday', () => {
    expect(formatDay(cn(2026, 3, 13, 18, 0).toISOString(), now)).toBe('今天 18:00')
    expect(formatDay(cn(2026, 3, 14, 9, 0).toISOString(), now)).toBe('明天 09:00')
    expect(formatDay(cn(2026, 3, 12, 9, 0).toISOString(), now)).toBe('昨天 09:00')
    expect(formatDay(cn(2026, 3, 20, 18, 0).toISOString(), now)).toBe('3月20日 周五 18:00')
    expect(formatDay(cn(2027, 1, 4, 18, 0).toISOString(), now)).toBe('2027年1月4日')
  })
})

describe('small helpers', () => {
  it('initialOf takes the first visible character, 邻 for an empty name', () => {
    expect(initialOf('  王秀英')).toBe('王')
    expect(initialOf('   ')).toBe('邻')
  })
  it('cx joins the class names that are set', () => {
    expect(cx('a', false, undefined, 'b', null, '')).toBe('a b')
  })
})

// China-time formatters: the same answer in any zone the tests run in.
describe('China time', () => {
  const now = new Date('2026-03-13T07:00:00Z') // 15:00 in China, a Friday
  it('reads clock, picker date and day offset in China', () => {
    expect(chinaClock('2026-03-13T11:00:00Z')).toBe('19:00')
    expect(chinaDate('2026-03-13T17:00:00Z')).toBe('2026-03-14')
    expect(chinaDayOffset('2026-03-13T17:00:00Z', now)).toBe(1)
    expect(chinaDayOffset('2026-03-12T15:59:00Z', now)).toBe(-1)
  })
  it('turns a picker date and clock into an instant at +08:00', () => {
    const iso = chinaIso('2026-03-20', '19:30')
    expect(iso).toBe('2026-03-20T19:30:00+08:00')
    expect(chinaDate(iso)).toBe('2026-03-20')
    expect(chinaClock(iso)).toBe('19:30')
  })
  it('labels a date with the year only when it is another year', () => {
    expect(chinaDateLabel('2026-03-20T11:00:00Z', now)).toBe('3月20日')
    expect(chinaDateLabel('2027-01-04T11:00:00Z', now)).toBe('2027年1月4日')
  })
  it('says when a session is: day, weekday, clock range', () => {
    expect(chinaDay('2026-03-13T11:00:00Z', now)).toBe('今天 周五')
    expect(chinaDay('2026-03-14T11:00:00Z', now)).toBe('明天 周六')
    expect(chinaDay('2026-03-20T11:00:00Z', now)).toBe('3月20日 周五')
    expect(sessionWhen('2026-03-20T11:00:00Z', '2026-03-20T13:00:00Z', now)).toBe('3月20日 周五 19:00–21:00')
    expect(chinaMoment('2026-03-14T10:00:00Z', now)).toBe('明天 18:00')
    expect(chinaMonthDay('2026-03-20T11:00:00Z')).toEqual({ month: '3月', day: '20' })
  })
  it('says when a vote closes and until when its result is published', () => {
    expect(voteMoment('2026-03-13T12:00:00Z', now)).toBe('今天 20:00')
    expect(voteMoment('2026-03-12T12:00:00Z', now)).toBe('昨天 20:00')
    expect(voteMoment('2026-03-20T12:00:00Z', now)).toBe('3月20日 20:00')
    expect(voteDate('2027-01-04T12:00:00Z', now)).toBe('2027年1月4日')
  })
})

describe('vote numbers', () => {
  const now = new Date('2026-03-13T07:00:00Z')
  it('counts down in the two largest units, null once passed', () => {
    expect(countdown('2026-03-15T10:00:00Z', now)).toBe('2 天 3 小时')
    expect(countdown('2026-03-13T12:12:00Z', now)).toBe('5 小时 12 分钟')
    expect(countdown('2026-03-13T07:08:00Z', now)).toBe('8 分钟')
    expect(countdown('2026-03-13T06:00:00Z', now)).toBeNull()
  })
  it('rounds a share down, as the result explanation does', () => {
    expect(percent(2, 3)).toBe(66)
    expect(percent(1, 0)).toBe(0)
  })
  it('shows an area with at most one decimal', () => {
    expect(area(89.04)).toBe('89 ㎡')
    expect(area(123.45)).toBe('123.5 ㎡')
  })
})
