import { addDays } from './period.js'

/**
 * How a period of whole days is read from the counters: its whole calendar months from the
 * monthly rows (keyed by their first day), the days before and after them from the daily rows.
 * `months` is the first and last month's first day, inclusive; `days` are inclusive ranges.
 */
export interface PeriodParts {
  months: [string, string] | null
  days: Array<[string, string]>
}

const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`
const nextMonth = (day: string) => {
  const [y, m] = day.split('-').map(Number)
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}

export function periodParts(from: string, to: string): PeriodParts {
  const firstWhole = from.endsWith('-01') ? from : nextMonth(from)
  // The last day of a whole month at or before `to`: the day before `to`'s month, unless `to` ends its month.
  const lastWholeEnd = addDays(to, 1).endsWith('-01') ? to : addDays(firstOfMonth(to), -1)
  if (firstWhole > lastWholeEnd) return { months: null, days: [[from, to]] }
  const days: Array<[string, string]> = []
  if (from < firstWhole) days.push([from, addDays(firstWhole, -1)])
  if (lastWholeEnd < to) days.push([addDays(lastWholeEnd, 1), to])
  return { months: [firstWhole, firstOfMonth(lastWholeEnd)], days }
}
