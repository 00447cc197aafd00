import { toChinaLocal } from '@domain/councils/china-time.js'
import { weekdayLabels } from '@domain/councils/labels.js'
import { t } from '@/i18n/zh-cn'
import { chinaClock, chinaDayOffset } from './china-date'

/**
 * When things happen, as the community reads it: China time (UTC+8) whatever the phone's zone, the
 * weekday beside a date — "12月7日 周一 19:00".
 */
function moment(iso: string, now: Date): { offset: number; clock: string; date: string } | null {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  const c = toChinaLocal(date)
  const sameYear = c.year === toChinaLocal(now).year
  return {
    offset: chinaDayOffset(iso, now),
    clock: chinaClock(iso),
    date: sameYear ? `${t.time.date(c.month, c.day)} ${weekdayLabels[c.weekday]}` : t.time.fullDate(c.year, c.month, c.day),
  }
}

/** "刚刚", "5 分钟前", "今天 14:30", "昨天 09:05", "3月2日 周一 10:00", "2025年12月1日": lists and cards. */
export function formatTime(iso: string, now: Date = new Date()): string {
  const m = moment(iso, now)
  if (!m) return ''
  const diffMin = Math.floor((now.getTime() - new Date(iso).getTime()) / 60000)
  if (diffMin >= 0 && diffMin < 1) return t.time.justNow
  if (diffMin >= 0 && diffMin < 60) return t.time.minutesAgo(diffMin)
  return atClock(m, now, iso)
}

/** Always the clock, never "5 分钟前": "今天 14:30", "昨天 09:05", "3月2日 周一 10:00", "2025年12月1日 10:00" (timelines). */
export function formatMoment(iso: string, now: Date = new Date()): string {
  const m = moment(iso, now)
  if (!m) return ''
  if (m.offset === 0) return t.time.today(m.clock)
  if (m.offset === -1) return t.time.yesterday(m.clock)
  return `${m.date} ${m.clock}`
}

/** A moment that may lie ahead (a deadline): "今天 18:00", "明天 09:00", "3月5日 周四 18:00", "2027年1月4日". */
export function formatDay(iso: string, now: Date = new Date()): string {
  const m = moment(iso, now)
  if (!m) return ''
  if (m.offset === 1) return t.time.tomorrow(m.clock)
  return atClock(m, now, iso)
}

function atClock(m: { offset: number; clock: string; date: string }, now: Date, iso: string): string {
  if (m.offset === 0) return t.time.today(m.clock)
  if (m.offset === -1) return t.time.yesterday(m.clock)
  const sameYear = toChinaLocal(new Date(iso)).year === toChinaLocal(now).year
  return sameYear ? `${m.date} ${m.clock}` : m.date
}

export function greetingFor(date: Date = new Date()): string {
  const h = date.getHours()
  if (h < 11) return t.greeting.morning
  if (h < 13) return t.greeting.noon
  if (h < 18) return t.greeting.afternoon
  return t.greeting.evening
}

/** First visible character of a nickname, for the avatar placeholder. */
export function initialOf(name: string): string {
  return Array.from(name.trim())[0] ?? t.avatar.fallback
}

/** Join class names, skipping falsy ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ')
}
