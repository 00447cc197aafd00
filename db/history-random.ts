import { type Category, categoryKeys } from '../domain/concerns/categories.js'
import { toChinaLocal } from '../domain/councils/china-time.js'

/** The seeded history's randomness (db/history-plan.ts): a seeded PRNG and the calendar of receipts. */

const MINUTE = 60_000
const later = (t: Date, minutes: number) => new Date(t.getTime() + Math.round(minutes * MINUTE))

/** mulberry32: a small, well-mixed 32-bit PRNG; never Math.random. */
export function prng(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    /** A number in [lo, hi). */
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    chance: (p: number) => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    weighted: <T>(entries: ReadonlyArray<readonly [T, number]>): T => {
      let r = next() * entries.reduce((s, [, w]) => s + w, 0)
      for (const [v, w] of entries) {
        r -= w
        if (r < 0) return v
      }
      return entries[entries.length - 1][0]
    },
  }
}
export type Rng = ReturnType<typeof prng>

/** Heating and burst pipes in winter, renovation noise in summer: the month changes the mix. */
export function categoryOf(rng: Rng, at: Date): Category {
  const month = toChinaLocal(at).month
  const winter = month >= 11 || month <= 3
  const summer = month >= 6 && month <= 8
  const weights: Record<Category, number> = {
    noise: summer ? 16 : 9,
    utilities: winter ? 24 : 11,
    sanitation: 14,
    parking: 12,
    property: 14,
    facilities: 12,
    renovation: 4,
    safety: 6,
    dispute: 8,
    other: 5,
  }
  return rng.weighted(categoryKeys.map((c) => [c, weights[c]] as const))
}

/** A receipt time on day `d` after `start` (a China midnight) at a waking hour. */
export function receivedOn(rng: Rng, start: Date, d: number): Date {
  const hour = rng.weighted([
    [7, 4],
    [9, 10],
    [11, 8],
    [14, 9],
    [16, 9],
    [19, 8],
    [21, 3],
  ] as const)
  return later(start, d * 1440 + hour * 60 + rng.between(0, 120))
}

/** Day `d`'s share of a year's concerns: a little more on weekdays and in winter. */
export function dayWeight(start: Date, d: number): number {
  const t = toChinaLocal(later(start, d * 1440))
  const weekday = new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()
  const winter = t.month >= 11 || t.month <= 2
  return (weekday === 0 || weekday === 6 ? 0.7 : 1.1) * (winter ? 1.25 : 1)
}
