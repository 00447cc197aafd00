import { toChinaLocal } from '@domain/councils/china-time.js'
import { weekdayLabels } from '@domain/councils/labels.js'
import { t } from '@/i18n/zh-cn'
import { chinaClock, chinaDateLabel, chinaDayOffset } from '@/lib/china-date'

/** Council times are China time (UTC+8) whatever the phone's zone (see lib/china-date.ts). */

/** "今天", "明天", "3月14日" or "2027年1月4日", then the weekday: "3月14日 周五". */
export function chinaDay(iso: string, now: Date = new Date()): string {
  const weekday = weekdayLabels[toChinaLocal(new Date(iso)).weekday]
  const offset = chinaDayOffset(iso, now)
  if (offset === 0) return `${t.councils.today} ${weekday}`
  if (offset === 1) return `${t.councils.tomorrow} ${weekday}`
  return `${chinaDateLabel(iso, now)} ${weekday}`
}

/** "3月14日 周五 19:00–21:00" (China time). */
export function sessionWhen(startsAt: string, endsAt: string, now: Date = new Date()): string {
  return `${chinaDay(startsAt, now)} ${chinaClock(startsAt)}–${chinaClock(endsAt)}`
}

/** "3月13日 19:00": a deadline in China time. */
export function chinaMoment(iso: string, now: Date = new Date()): string {
  const offset = chinaDayOffset(iso, now)
  const clock = chinaClock(iso)
  if (offset === 0) return `${t.councils.today} ${clock}`
  if (offset === 1) return `${t.councils.tomorrow} ${clock}`
  return `${chinaDateLabel(iso, now)} ${clock}`
}

/** The big date block of a session card: month and day. */
export function chinaMonthDay(iso: string): { month: string; day: string } {
  const c = toChinaLocal(new Date(iso))
  return { month: t.time.month(c.month), day: String(c.day) }
}
