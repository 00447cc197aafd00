import { t } from '@/i18n/zh-cn'

const pad = (n: number) => String(n).padStart(2, '0')

/** "刚刚", "5 分钟前", "今天 14:30", "昨天 09:05", "3月2日 10:00", "2025年12月1日". */
export function formatTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const diffMin = Math.floor((now.getTime() - date.getTime()) / 60000)
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`
  if (diffMin >= 0 && diffMin < 1) return t.time.justNow
  if (diffMin >= 0 && diffMin < 60) return t.time.minutesAgo(diffMin)
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  if (date.getTime() >= startOfToday && date.getTime() < startOfToday + 86400000) return t.time.today(hm)
  if (date.getTime() >= startOfToday - 86400000 && date.getTime() < startOfToday) return t.time.yesterday(hm)
  return dateLabel(date, now, hm)
}

/** A moment that may lie ahead (a deadline): "今天 18:00", "明天 09:00", "3月5日 18:00", "2027年1月4日". */
export function formatDay(iso: string, now: Date = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return ''
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`
  const startOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime()
  const dayIndex = Math.floor((date.getTime() - startOfToday) / 86400000)
  if (dayIndex === 0) return t.time.today(hm)
  if (dayIndex === 1) return t.time.tomorrow(hm)
  if (dayIndex === -1) return t.time.yesterday(hm)
  return dateLabel(date, now, hm)
}

/** "3月2日 10:00" this year, "2025年12月1日" another year (phone's local time). */
function dateLabel(date: Date, now: Date, hm: string): string {
  if (date.getFullYear() === now.getFullYear()) return `${t.time.date(date.getMonth() + 1, date.getDate())} ${hm}`
  return t.time.fullDate(date.getFullYear(), date.getMonth() + 1, date.getDate())
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
