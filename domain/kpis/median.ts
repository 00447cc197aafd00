/**
 * Medians from counters. The figures are read from daily aggregate rows, and a median cannot be
 * summed — but a histogram can: each concern adds 1 to the bucket its duration falls in, the
 * buckets of any set of days, grids or workers add up, and the median is read from the sum.
 *
 * The buckets are fixed edges in minutes, fine where the urgent loop lives (5-minute steps up to
 * 20 minutes) and coarser as durations grow: from a quarter of an hour on, no bucket is wider than
 * half the time at which it starts. Precision: the true median (the lower one for an even count)
 * always lies in the bucket reported, `[low, high)`; the `estimate` interpolates linearly inside
 * that bucket, so it is off by less than the bucket's width — 5 minutes below 20 minutes, 15 below
 * an hour, 30 below 2 hours, an hour below 4, 2 hours below 8, 6 hours below a day, 12 hours below
 * 2 days, a day below 5 days, and beyond that less than half the duration itself. Past 90 days
 * there is one open bucket: a median there is reported as "more than 90 days".
 */
export const BUCKET_EDGES_MINUTES = [
  0, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 5760, 7200, 10080, 14400, 20160, 30240,
  43200, 64800, 86400, 129600,
] as const

export const BUCKET_COUNT = BUCKET_EDGES_MINUTES.length

/** Counts per bucket, `BUCKET_COUNT` long; bucket i holds durations in [edge i, edge i+1). */
export type Histogram = number[]

export function emptyHistogram(): Histogram {
  return new Array(BUCKET_COUNT).fill(0)
}

/** The bucket a duration falls in; negative durations (clock skew) count as 0. */
export function bucketOf(minutes: number): number {
  let i = BUCKET_COUNT - 1
  while (i > 0 && minutes < BUCKET_EDGES_MINUTES[i]) i--
  return i
}

/** A histogram with one duration in it: one concern's contribution. */
export function histogramOf(minutes: number): Histogram {
  const h = emptyHistogram()
  h[bucketOf(minutes)] = 1
  return h
}

/** Element-wise a + sign·b: summing contributions, or taking one away when a concern changes. */
export function addHistograms(a: readonly number[], b: readonly number[], sign: 1 | -1 = 1): Histogram {
  return a.map((n, i) => n + sign * (b[i] ?? 0))
}

export interface Median {
  /** Interpolated within the bucket, in minutes, rounded to a whole minute. */
  estimate: number
  /** The bucket holding the true median: `[low, high)` minutes; `high` null for the open last bucket. */
  low: number
  high: number | null
  /** How many durations it is the median of. */
  sample: number
}

/**
 * The median of the durations counted in `h`, or null when there are none. The median rank is
 * n/2 (the lower median for even n); inside its bucket the durations are taken as evenly spread,
 * the usual grouped-data median: low + (n/2 − before) / inBucket × width.
 */
export function medianOf(h: readonly number[]): Median | null {
  const n = h.reduce((a, b) => a + b, 0)
  if (n <= 0) return null
  const rank = n / 2
  let before = 0
  for (let i = 0; i < BUCKET_COUNT; i++) {
    const count = h[i] ?? 0
    if (count > 0 && before + count >= rank) {
      const low = BUCKET_EDGES_MINUTES[i]
      const high = i + 1 < BUCKET_COUNT ? BUCKET_EDGES_MINUTES[i + 1] : null
      const estimate = high === null ? low : Math.round(low + ((rank - before) / count) * (high - low))
      return { estimate, low, high, sample: n }
    }
    before += count
  }
  return null
}

/** "约 12 分钟" / "约 3.5 小时" / "约 2.1 天" / "超过 90 天": a median as people read it. */
export function durationText(m: Median | null): string {
  if (!m) return '—'
  if (m.high === null) return `超过 ${m.low / 1440} 天`
  const minutes = m.estimate
  if (minutes < 60) return `约 ${minutes} 分钟`
  if (minutes < 48 * 60) return `约 ${Math.round(minutes / 6) / 10} 小时`
  return `约 ${Math.round(minutes / 144) / 10} 天`
}

/** Minutes as hours with one decimal: the unit in which time to resolve is reported. */
export function minutesToHours(minutes: number): number {
  return Math.round(minutes / 6) / 10
}
