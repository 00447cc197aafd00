/** The trend's months, the API's limit: it counts back from the current month. */
const MAX_TREND_MONTHS = 36
const TREND_MONTHS = 12

const monthIndex = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1

/**
 * The twelve months ending with the period's last month: how many months the trend must ask for
 * (it always ends with the current month), and the last one to show.
 */
export function trendWindow(to: string, today: string): { months: number; lastMonth: string } {
  const back = Math.max(0, monthIndex(today) - monthIndex(to))
  return { months: Math.min(MAX_TREND_MONTHS, back + TREND_MONTHS), lastMonth: to.slice(0, 7) }
}
