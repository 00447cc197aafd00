/**
 * China Standard Time: UTC+8 all year, no daylight saving. A local calendar day is always exactly
 * 24 hours, so local fields are read on a clock shifted by eight hours and shifted back after.
 */
export const CHINA_OFFSET_MS = 8 * 3600_000

/** An instant's calendar fields in China (month 1–12, ISO weekday 1 Monday – 7 Sunday). */
export function toChinaLocal(instant: Date) {
  const shifted = new Date(instant.getTime() + CHINA_OFFSET_MS)
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: (shifted.getUTCDay() || 7) as 1 | 2 | 3 | 4 | 5 | 6 | 7,
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  }
}

/** The instant of a wall-clock time in China (month 1–12). */
export function fromChinaLocal(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - CHINA_OFFSET_MS)
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** "3月14日 19:00" in China time. */
export function chinaTimeLabel(instant: Date): string {
  const t = toChinaLocal(instant)
  return `${t.month}月${t.day}日 ${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`
}
