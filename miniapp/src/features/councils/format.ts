import { fromChinaLocal, toChinaLocal } from '@domain/councils/china-time.js'
import { weekdayLabels } from '@domain/councils/labels.js'
import { t } from '@/i18n/zh-cn'

/**
 * Council times are China time (UTC+8) whatever the phone's zone: a session is at 19:00 in the
 * community, and that is what a resident travelling abroad must read too.
 */
const pad = (n: number) => String(n).padStart(2, '0')

export function chinaClock(iso: string): string {
  const c = toChinaLocal(new Date(iso))
  return `${pad(c.hour)}:${pad(c.minute)}`
}

/** "2026-03-13" in China (the value of a date picker). */
export function chinaDate(iso: string): string {
  const c = toChinaLocal(new Date(iso))
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`
}

/** A date picker's day and a time picker's clock, read as China time, as an ISO instant with +08:00. */
export function chinaIso(date: string, clock: string): string {
  const [y, m, d] = date.split('-').map(Number)
  const [h, min] = clock.split(':').map(Number)
  const instant = fromChinaLocal(y, m, d, h, min)
  const c = toChinaLocal(instant)
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:00+08:00`
}

/** Which China calendar day `iso` falls on relative to today: 0 today, 1 tomorrow, -1 yesterday. */
function dayOffset(iso: string, now: Date): number {
  const a = toChinaLocal(new Date(iso))
  const b = toChinaLocal(now)
  return Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000)
}

/** "今天", "明天", "3月14日" or "2027年1月4日", then the weekday: "3月14日 周五". */
export function chinaDay(iso: string, now: Date = new Date()): string {
  const c = toChinaLocal(new Date(iso))
  const offset = dayOffset(iso, now)
  const weekday = weekdayLabels[c.weekday]
  if (offset === 0) return `${t.councils.today} ${weekday}`
  if (offset === 1) return `${t.councils.tomorrow} ${weekday}`
  const year = c.year !== toChinaLocal(now).year ? `${c.year}年` : ''
  return `${year}${c.month}月${c.day}日 ${weekday}`
}

/** "3月14日 周五 19:00–21:00" (China time). */
export function sessionWhen(startsAt: string, endsAt: string, now: Date = new Date()): string {
  return `${chinaDay(startsAt, now)} ${chinaClock(startsAt)}–${chinaClock(endsAt)}`
}

/** "3月13日 19:00": a deadline in China time. */
export function chinaMoment(iso: string, now: Date = new Date()): string {
  const c = toChinaLocal(new Date(iso))
  const offset = dayOffset(iso, now)
  const clock = chinaClock(iso)
  if (offset === 0) return `${t.councils.today} ${clock}`
  if (offset === 1) return `${t.councils.tomorrow} ${clock}`
  const year = c.year !== toChinaLocal(now).year ? `${c.year}年` : ''
  return `${year}${c.month}月${c.day}日 ${clock}`
}

/** The big date block of a session card: month and day. */
export function chinaMonthDay(iso: string): { month: string; day: string } {
  const c = toChinaLocal(new Date(iso))
  return { month: `${c.month}月`, day: String(c.day) }
}
