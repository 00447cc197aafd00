import { t } from '@/i18n/zh-cn'
import { chinaClock, chinaDateLabel, chinaDayOffset } from '@/lib/china-date'

/**
 * Vote times read in China time (UTC+8) whatever the phone's zone: a vote closes at 20:00 in the
 * community, and that is what a resident travelling abroad must read too.
 */

/** "今天 20:00", "明天 08:00", "3月14日 20:00", "2027年1月4日 20:00" (China time). */
export function voteMoment(iso: string, now: Date = new Date()): string {
  const clock = chinaClock(iso)
  const offset = chinaDayOffset(iso, now)
  if (offset === 0) return t.time.today(clock)
  if (offset === 1) return t.time.tomorrow(clock)
  if (offset === -1) return t.time.yesterday(clock)
  return `${chinaDateLabel(iso, now)} ${clock}`
}

/** "3月20日" (China time): the last day of the 公示. */
export function voteDate(iso: string, now: Date = new Date()): string {
  return chinaDateLabel(iso, now)
}

/** How long until `iso`, in the two largest units: "2 天 3 小时", "5 小时 12 分钟", "8 分钟"; null once passed. */
export function countdown(iso: string, now: Date = new Date()): string | null {
  const ms = Date.parse(iso) - now.getTime()
  if (!(ms > 0)) return null
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  if (days > 0) return hours > 0 ? t.votes.span.daysHours(days, hours) : t.votes.span.days(days)
  if (hours > 0) return mins > 0 ? t.votes.span.hoursMinutes(hours, mins) : t.votes.span.hours(hours)
  return t.votes.span.minutes(mins)
}

/** Whole percent of `part` in `whole`, rounded down as the API's explanation lines are (2/3 → 66). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.floor((part / whole) * 100) : 0
}

/** "123.5 ㎡" with at most one decimal. */
export function area(m2: number): string {
  return `${Math.round(m2 * 10) / 10} ㎡`
}
