import { daysInMonth, fromChinaLocal, toChinaLocal } from '../councils/china-time.js'

/**
 * Reporting periods, in China time. A period is a run of whole calendar days, `from` to `to`
 * inclusive, written as `YYYY-MM-DD` — the same keys the daily counters are stored under, so a
 * period's figures are the sum of its days' counters and strings compare as dates. `start` and
 * `end` are the instants that bound it (end exclusive), for queries on raw timestamps.
 */
export interface Period {
  from: string
  to: string
  start: Date
  end: Date
  /** "2026年3月", "2026年第1季度", "2026年", "2026年3月1日—2026年4月15日". */
  label: string
}

/** The longest period one request may cover: three years (a year-on-year view of the last ones). */
export const MAX_PERIOD_YEARS = 3

const pad = (n: number) => String(n).padStart(2, '0')

export function dayKey(year: number, month: number, day: number): string {
  return `${year}-${pad(month)}-${pad(day)}`
}

/** The China calendar day an instant falls on: the key its counters are stored under. */
export function chinaDay(instant: Date): string {
  const t = toChinaLocal(instant)
  return dayKey(t.year, t.month, t.day)
}

/** Years a period may lie in: anything else is a typo, not a report. */
const FIRST_YEAR = 2000
const LAST_YEAR = 2100

function fields(text: string) {
  const [year, month, day] = text.split('-').map(Number)
  return { year, month, day }
}

/** Parses `YYYY-MM-DD` into its fields; null unless it is a real calendar day (no 2 月 30 日) of 2000–2100. */
export function parseDay(text: string): { year: number; month: number; day: number } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null
  const { year, month, day } = fields(text)
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

/** The day `n` days after `day` (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = fields(day)
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n))
  return dayKey(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

function label(from: string, to: string): string {
  const a = fields(from)
  const b = fields(to)
  const wholeMonths = a.day === 1 && b.day === daysInMonth(b.year, b.month) && a.year === b.year
  if (wholeMonths && a.month === 1 && b.month === 12) return `${a.year}年`
  if (wholeMonths && a.month === b.month) return `${a.year}年${a.month}月`
  if (wholeMonths && a.month % 3 === 1 && b.month === a.month + 2) return `${a.year}年第${(a.month + 2) / 3}季度`
  if (from === to) return `${a.year}年${a.month}月${a.day}日`
  return `${a.year}年${a.month}月${a.day}日—${b.year}年${b.month}月${b.day}日`
}

/** Builds a period from two valid day keys; callers validate first (see `checkPeriod`). */
function build(from: string, to: string): Period {
  const a = fields(from)
  const next = fields(addDays(to, 1))
  return {
    from,
    to,
    start: fromChinaLocal(a.year, a.month, a.day),
    end: fromChinaLocal(next.year, next.month, next.day),
    label: label(from, to),
  }
}

export function monthPeriod(year: number, month: number): Period {
  return build(dayKey(year, month, 1), dayKey(year, month, daysInMonth(year, month)))
}

/** Quarter 1–4. */
export function quarterPeriod(year: number, quarter: number): Period {
  const first = quarter * 3 - 2
  return build(dayKey(year, first, 1), dayKey(year, first + 2, daysInMonth(year, first + 2)))
}

export function yearPeriod(year: number): Period {
  return build(dayKey(year, 1, 1), dayKey(year, 12, 31))
}

/** The month `now` falls in, in China: the default period of every page. */
export function currentMonth(now: Date): Period {
  const t = toChinaLocal(now)
  return monthPeriod(t.year, t.month)
}

export const periodKinds = ['month', 'quarter', 'year'] as const
export type PeriodKind = (typeof periodKinds)[number]

/** 本月 / 本季度 / 本年 at `now`, China time: the 三率 page's period switch. */
export function currentPeriod(kind: PeriodKind, now: Date): Period {
  const t = toChinaLocal(now)
  if (kind === 'year') return yearPeriod(t.year)
  if (kind === 'quarter') return quarterPeriod(t.year, Math.ceil(t.month / 3))
  return monthPeriod(t.year, t.month)
}

/** The last day a period starting on `from` may end on: three years later, less a day. */
export function latestTo(from: string): string {
  const a = fields(from)
  const year = a.year + MAX_PERIOD_YEARS
  // 29 February plus three years is 28 February: the period then ends on the 27th.
  return addDays(dayKey(year, a.month, Math.min(a.day, daysInMonth(year, a.month))), -1)
}

export type PeriodProblem = { field: 'from' | 'to'; code: 'PERIOD_INVALID' | 'PERIOD_REVERSED' | 'PERIOD_TOO_LONG'; message: string }

/** What is wrong with a from–to pair, naming the field to fix; null when it is a valid period. */
export function checkPeriod(from: string, to: string): PeriodProblem | null {
  if (!parseDay(from)) return { field: 'from', code: 'PERIOD_INVALID', message: '开始日期应为有效日期，格式 YYYY-MM-DD，例如 2026-03-01' }
  if (!parseDay(to)) return { field: 'to', code: 'PERIOD_INVALID', message: '结束日期应为有效日期，格式 YYYY-MM-DD，例如 2026-03-31' }
  if (to < from) return { field: 'to', code: 'PERIOD_REVERSED', message: '结束日期不能早于开始日期' }
  if (to > latestTo(from))
    return { field: 'to', code: 'PERIOD_TOO_LONG', message: `统计区间最长 ${MAX_PERIOD_YEARS} 年，结束日期最晚为 ${latestTo(from)}` }
  return null
}

export type PeriodResult = { ok: true; period: Period } | ({ ok: false } & PeriodProblem)

/** Any from–to, both days inclusive. */
export function rangePeriod(from: string, to: string): PeriodResult {
  const problem = checkPeriod(from, to)
  return problem ? { ok: false, ...problem } : { ok: true, period: build(from, to) }
}

/**
 * A named period as people write it: `2026-03` (month), `2026-Q1` (quarter), `2026` (year).
 * The problem is reported on `field` (the query parameter it came from).
 */
export function namedPeriod(text: string, field: 'from' | 'to' = 'from'): PeriodResult {
  const month = /^(\d{4})-(\d{2})$/.exec(text)
  const quarter = /^(\d{4})-Q([1-4])$/i.exec(text)
  const year = /^(\d{4})$/.exec(text)
  const y = Number((month ?? quarter ?? year)?.[1])
  if (y >= FIRST_YEAR && y <= LAST_YEAR) {
    if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return { ok: true, period: monthPeriod(y, Number(month[2])) }
    if (quarter) return { ok: true, period: quarterPeriod(y, Number(quarter[2])) }
    if (year) return { ok: true, period: yearPeriod(y) }
  }
  return { ok: false, field, code: 'PERIOD_INVALID', message: '统计期应为月（2026-03）、季度（2026-Q1）或年（2026）' }
}

export function contains(period: Pick<Period, 'from' | 'to'>, day: string): boolean {
  return day >= period.from && day <= period.to
}

/** Every day of a period, in order: the x-axis of a daily chart. */
export function daysOf(period: Pick<Period, 'from' | 'to'>): string[] {
  const days: string[] = []
  for (let d = period.from; d <= period.to; d = addDays(d, 1)) days.push(d)
  return days
}

/** The months a period touches, each clipped to the period: a monthly chart's bars. */
export function monthsOf(period: Pick<Period, 'from' | 'to'>): Period[] {
  const out: Period[] = []
  const a = fields(period.from)
  const b = fields(period.to)
  const first = a.year * 12 + a.month - 1
  const last = b.year * 12 + b.month - 1
  for (let index = first; index <= last; index++) {
    const whole = monthPeriod(Math.floor(index / 12), (index % 12) + 1)
    out.push(build(index === first ? period.from : whole.from, index === last ? period.to : whole.to))
  }
  return out
}

/** The `count` whole months ending with the month `now` falls in, oldest first: the 12-month trend. */
export function trailingMonths(now: Date, count = 12): Period[] {
  const t = toChinaLocal(now)
  const out: Period[] = []
  for (let i = count - 1; i >= 0; i--) {
    const index = t.year * 12 + (t.month - 1) - i
    out.push(monthPeriod(Math.floor(index / 12), (index % 12) + 1))
  }
  return out
}
