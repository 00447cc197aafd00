import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addHistograms,
  BUCKET_COUNT,
  BUCKET_EDGES_MINUTES,
  bucketOf,
  durationText,
  emptyHistogram,
  histogramOf,
  medianOf,
  minutesToHours,
} from './median.js'

const histogram = (minutes: number[]) => minutes.map(histogramOf).reduce((a, b) => addHistograms(a, b), emptyHistogram())

describe('buckets', () => {
  it('puts a duration in the bucket whose lower edge it has reached', () => {
    expect(bucketOf(0)).toBe(0)
    expect(bucketOf(4.9)).toBe(0)
    expect(bucketOf(5)).toBe(1)
    expect(bucketOf(20)).toBe(4)
    expect(bucketOf(-3)).toBe(0)
    expect(bucketOf(10 ** 9)).toBe(BUCKET_COUNT - 1)
  })

  it('never makes a bucket wider than half its start, from a quarter of an hour on', () => {
    for (let i = 3; i < BUCKET_COUNT - 1; i++) {
      expect(BUCKET_EDGES_MINUTES[i + 1] - BUCKET_EDGES_MINUTES[i]).toBeLessThanOrEqual(BUCKET_EDGES_MINUTES[i] / 2)
    }
  })

  it('adds and takes away element-wise', () => {
    const a = histogram([3, 25, 25])
    expect(addHistograms(a, histogramOf(25), -1)).toEqual(histogram([3, 25]))
  })
})

describe('median from buckets', () => {
  it('is null for no durations (an empty period)', () => {
    expect(medianOf(emptyHistogram())).toBeNull()
    expect(durationText(null)).toBe('—')
  })

  it('interpolates inside the bucket holding the middle value', () => {
    // 12, 18, 22, 25, 40 minutes: the median 22 lies in [20, 30); rank 2.5 with two before and two
    // inside gives 20 + (2.5 − 2) / 2 × 10 = 22.5, shown as 23.
    const m = medianOf(histogram([12, 18, 22, 25, 40]))
    expect(m).toEqual({ estimate: 23, low: 20, high: 30, sample: 5 })
    expect(durationText(m)).toBe('约 23 分钟')
  })

  it('takes the lower median for an even count', () => {
    // 3 and 100 minutes: the lower median 3 lies in [0, 5).
    expect(medianOf(histogram([3, 100]))).toMatchObject({ low: 0, high: 5 })
  })

  it('reports beyond 90 days as an open bucket', () => {
    const m = medianOf(histogram([200_000, 300_000, 5]))
    expect(m).toEqual({ estimate: 129600, low: 129600, high: null, sample: 3 })
    expect(durationText(m)).toBe('超过 90 天')
  })

  it('speaks hours and days as they grow', () => {
    expect(durationText({ estimate: 210, low: 180, high: 240, sample: 1 })).toBe('约 3.5 小时')
    expect(durationText({ estimate: 4320, low: 4320, high: 5760, sample: 1 })).toBe('约 3 天')
    expect(minutesToHours(95)).toBe(1.6)
  })

  it('always reports the bucket that holds the true (lower) median', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 1, maxLength: 200 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b)
        const truth = sorted[Math.ceil(sorted.length / 2) - 1]
        const m = medianOf(histogram(values))!
        return m.sample === values.length && truth >= m.low && (m.high === null || truth < m.high) && m.estimate >= m.low
      }),
    )
  })

  it('gives the same median whichever way the durations were split into rows', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50_000 }), { maxLength: 100 }), fc.array(fc.nat(5)), (values, cuts) => {
        const rows = Array.from({ length: 6 }, () => emptyHistogram())
        values.forEach((v, i) => {
          rows[cuts[i] ?? 0] = addHistograms(rows[cuts[i] ?? 0], histogramOf(v))
        })
        const summed = rows.reduce((a, b) => addHistograms(a, b), emptyHistogram())
        expect(medianOf(summed)).toEqual(medianOf(histogram(values)))
      }),
    )
  })
})
