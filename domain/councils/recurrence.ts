import * as z from 'zod'
import { CHINA_OFFSET_MS, daysInMonth, toChinaLocal } from './china-time.js'
import { weekdayLabels } from './labels.js'

/**
 * Recurring sessions (每月一议 on the second Friday at 19:00, 邻里事周议 every Wednesday at 19:30):
 * the rule as a schema, and its pure expansion into start and end instants.
 *
 * Every local time here is China Standard Time (UTC+8, no daylight saving; see china-time.ts).
 */
const DAY_MS = 86_400_000
const WEEK_MS = 7 * DAY_MS
/** Longest range `occurrences` expands in one call: a guard against runaway loops, not a product limit. */
const MAX_RANGE_MS = 3660 * DAY_MS

/** ISO weekday: 1 is Monday (周一), 7 is Sunday (周日). */
export const Weekday = z.literal([1, 2, 3, 4, 5, 6, 7], { error: '请选择星期几（1 为周一，7 为周日）' })
export type Weekday = z.infer<typeof Weekday>

/** Which one of that weekday in the month: the first to the fifth, or -1 for the last. */
export const NthOfMonth = z.literal([1, 2, 3, 4, 5, -1], { error: '请选择每月第几个（第一至第五个，或最后一个）' })
export type NthOfMonth = z.infer<typeof NthOfMonth>

/** A local wall-clock time in China, "HH:mm". */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为「时:分」，例如 19:00')

export const MIN_DURATION_MINUTES = 15
export const MAX_DURATION_MINUTES = 480
const DurationMinutes = z
  .number({ error: '请填写时长（分钟）' })
  .int('时长须是整数分钟')
  .min(MIN_DURATION_MINUTES, `时长至少 ${MIN_DURATION_MINUTES} 分钟`)
  .max(MAX_DURATION_MINUTES, `时长最多 ${MAX_DURATION_MINUTES / 60} 小时`)

/** "The second Friday of each month at 19:00"; `nth: -1` is "the last Friday". */
export const MonthlyRule = z.strictObject({
  freq: z.literal('monthly'),
  nth: NthOfMonth,
  weekday: Weekday,
  time: LocalTime,
  durationMinutes: DurationMinutes,
})
export type MonthlyRule = z.infer<typeof MonthlyRule>

/** "Every Wednesday at 19:30" (or several days of each week, at the same time). */
export const WeeklyRule = z.strictObject({
  freq: z.literal('weekly'),
  weekdays: z
    .array(Weekday)
    .min(1, '请至少选择一天')
    .max(7, '一周最多七天')
    .refine((days) => new Set(days).size === days.length, '星期不能重复选择'),
  time: LocalTime,
  durationMinutes: DurationMinutes,
})
export type WeeklyRule = z.infer<typeof WeeklyRule>

export const Recurrence = z.discriminatedUnion('freq', [MonthlyRule, WeeklyRule])
export type Recurrence = z.infer<typeof Recurrence>

export interface Occurrence {
  startsAt: Date
  endsAt: Date
}

function minutesOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number)
  return h * 60 + m
}

/** Does the rule fall on this local calendar day (given as midnight on the shifted clock)? */
function fallsOn(rule: Recurrence, localMidnight: Date): boolean {
  const weekday = (localMidnight.getUTCDay() || 7) as Weekday
  if (rule.freq === 'weekly') return rule.weekdays.includes(weekday)
  if (weekday !== rule.weekday) return false
  const date = localMidnight.getUTCDate()
  if (rule.nth === -1) return date + 7 > daysInMonth(localMidnight.getUTCFullYear(), localMidnight.getUTCMonth() + 1)
  // The nth such weekday falls on days 7(n-1)+1 … 7n; a month with no fifth one simply has no match.
  return Math.ceil(date / 7) === rule.nth
}

/**
 * The occurrences of `rule` that start in [from, to), in order. Months without a fifth such
 * weekday are skipped for `nth: 5`; `nth: -1` (the last) falls in every month.
 */
export function occurrences(rule: Recurrence, from: Date, to: Date): Occurrence[] {
  const span = to.getTime() - from.getTime()
  if (!(span > 0)) return []
  if (span > MAX_RANGE_MS) throw new RangeError('occurrences: the range is longer than ten years')
  const offset = minutesOfDay(rule.time) * 60_000
  const duration = rule.durationMinutes * 60_000
  const first = toChinaLocal(from)
  const last = toChinaLocal(to)
  const out: Occurrence[] = []
  for (let day = Date.UTC(first.year, first.month - 1, first.day); day <= Date.UTC(last.year, last.month - 1, last.day); day += DAY_MS) {
    if (!fallsOn(rule, new Date(day))) continue
    const start = day + offset - CHINA_OFFSET_MS
    if (start < from.getTime() || start >= to.getTime()) continue
    out.push({ startsAt: new Date(start), endsAt: new Date(start + duration) })
  }
  return out
}

export const DEFAULT_WEEKS_AHEAD = 8

/**
 * The occurrences in the next `weeks` weeks (after `now`, before now + weeks) that have no
 * session yet. Idempotent: run again with the sessions it created and it returns nothing.
 *
 * `existingStarts` must be the rule's own slot start of every session ever generated from this
 * rule, including cancelled ones and ones whose time staff later moved; otherwise a cancelled or
 * moved session would be created again.
 */
export function ensureAhead(rule: Recurrence, existingStarts: Iterable<Date>, now: Date, weeks = DEFAULT_WEEKS_AHEAD): Occurrence[] {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) throw new RangeError('ensureAhead: weeks must be 1–52')
  const existing = new Set<number>()
  for (const s of existingStarts) existing.add(s.getTime())
  return occurrences(rule, now, new Date(now.getTime() + weeks * WEEK_MS)).filter(
    (o) => o.startsAt.getTime() > now.getTime() && !existing.has(o.startsAt.getTime()),
  )
}

const nthLabels: Record<NthOfMonth, string> = {
  1: '第一个',
  2: '第二个',
  3: '第三个',
  4: '第四个',
  5: '第五个',
  [-1]: '最后一个',
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
}

/** The rule in plain words: "每月第二个周五 19:00–21:00", "每周三 19:30–21:00". */
export function describeRule(rule: Recurrence): string {
  const start = minutesOfDay(rule.time)
  const end = start + rule.durationMinutes
  const hours = `${rule.time}–${end >= 1440 ? '次日' : ''}${clock(end)}`
  if (rule.freq === 'weekly') {
    const days = [...rule.weekdays].sort((a, b) => a - b).map((d) => weekdayLabels[d])
    return `每${days.join('、')} ${hours}`
  }
  const skip = rule.nth === 5 ? '（没有第五个的月份不召开）' : ''
  return `每月${nthLabels[rule.nth]}${weekdayLabels[rule.weekday]} ${hours}${skip}`
}
