import { toChinaLocal } from '@domain/councils/china-time.js'
import { t } from '@/i18n/zh-cn'

/**
 * Vote times read in China time (UTC+8) whatever the phone's zone: a vote closes at 20:00 in the
 * community, and that is what a resident travelling abroad must read too.
 */
const pad = (n: number) => String(n).padStart(2, '0')

function dayOffset(iso: string, now: Date): number {
  const a = toChinaLocal(new Date(iso))
  const b = toChinaLocal(now)
  return Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000)
}

/** "今天 20:00", "明天 08:00", "3月14日 20:00", "2027年1月4日 20:00" (China time). */
export function voteMoment(iso: string, now: Date = new Date()): string {
  const c = toChinaLocal(new Date(iso))
  const clock = `${pad(c.hour)}:${pad(c.minute)}`
  const offset = dayOffset(iso, now)
  if (offset === 0) return t.time.today(clock)
  if (offset === 1) return t.time.tomorrow(clock)
  if (offset === -1) return t.time.yesterday(clock)
  const year = c.year !== toChinaLocal(now).year ? `${c.year}年` : ''
  return `${year}${c.month}月${c.day}日 ${clock}`
}

/** "3月20日" (China time): the last day of the 公示. */
export function voteDate(iso: string, now: Date = new Date()): string {
  const c = toChinaLocal(new Date(iso))
  const year = c.year !== toChinaLocal(now).year ? `${c.year}年` : ''
  return `${year}${c.month}月${c.day}日`
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
