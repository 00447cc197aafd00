import { fromChinaLocal, toChinaLocal } from '@domain/councils/china-time.js'
import { t } from '@/i18n/zh-cn'

/**
 * Dates as the community reads them: China time (UTC+8) whatever the phone's zone — a session at
 * 19:00 or a vote closing at 20:00 is that time for a resident travelling abroad too.
 */
const pad = (n: number) => String(n).padStart(2, '0')

/** "19:00" in China. */
export function chinaClock(iso: string): string {
  const c = toChinaLocal(new Date(iso))
  return `${pad(c.hour)}:${pad(c.minute)}`
}

/** Which China calendar day `iso` falls on relative to today: 0 today, 1 tomorrow, -1 yesterday. */
export function chinaDayOffset(iso: string, now: Date): number {
  const a = toChinaLocal(new Date(iso))
  const b = toChinaLocal(now)
  return Math.round((Date.UTC(a.year, a.month - 1, a.day) - Date.UTC(b.year, b.month - 1, b.day)) / 86_400_000)
}

/** "3月14日" this year, "2027年1月4日" another year (China time). */
export function chinaDateLabel(iso: string, now: Date): string {
  const c = toChinaLocal(new Date(iso))
  return c.year !== toChinaLocal(now).year ? t.time.fullDate(c.year, c.month, c.day) : t.time.date(c.month, c.day)
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
