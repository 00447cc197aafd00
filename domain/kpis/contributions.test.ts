import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { concernStatuses } from '../concerns/lifecycle.js'
import { defaultLimits } from '../concerns/milestones.js'
import { fromChinaLocal } from '../councils/china-time.js'
import { contributions, type DayCounters, diffContributions, type KpiConcern, outcome } from './contributions.js'
import { addCounters, type Counters, emptyCounters, type measures, rates, sumCounters } from './formulas.js'
import { histogramOf } from './median.js'
import { contains } from './period.js'

const urgent = defaultLimits.utilities
const noise = defaultLimits.noise

/** A burst pipe on Friday evening: 签收 in 5 minutes, fixed in 40, rated 4★ the next morning. */
const pipe: KpiConcern = {
  status: 'closed',
  receivedAt: fromChinaLocal(2026, 3, 13, 19, 0),
  acknowledgedAt: fromChinaLocal(2026, 3, 13, 19, 5),
  resolvedAt: fromChinaLocal(2026, 3, 13, 19, 40),
  reopenCount: 0,
  rating: 4,
  ratedAt: fromChinaLocal(2026, 3, 14, 10, 0),
}

/**
 * Noise reported late on Tuesday 31 March, acknowledged on Thursday 2 April at 9:00 — after its
 * one-working-day limit — so due three working days later on Tuesday 7 April; resolved, rated 2★
 * on 5 April and reopened, now being worked on again.
 */
const noisy: KpiConcern = {
  status: 'in_progress',
  receivedAt: fromChinaLocal(2026, 3, 31, 23, 30),
  acknowledgedAt: fromChinaLocal(2026, 4, 2, 9, 0),
  resolvedAt: null,
  reopenCount: 1,
  rating: 2,
  ratedAt: fromChinaLocal(2026, 4, 5, 20, 0),
}

const counters = (over: Partial<Counters>): Counters => ({ ...emptyCounters(), ...over })

describe('one concern’s contributions, by hand', () => {
  it('counts a fast urgent fix on its receipt day (also its deadline day) and its rating the next day', () => {
    expect(contributions(pipe, urgent)).toEqual([
      {
        day: '2026-03-13',
        counters: counters({
          received: 1,
          acknowledged: 1,
          ackOnTime: 1,
          ackMinutes: histogramOf(5),
          // Deadline: 19:05 + 20 + 30 minutes = 19:55, the same day.
          due: 1,
          resolved: 1,
          resolvedNotReopened: 1,
          onTime: 1,
          resolveMinutes: histogramOf(40),
        }),
      },
      { day: '2026-03-14', counters: counters({ rated: 1, ratings: [0, 0, 0, 1, 0] }) },
    ])
  })

  it('counts a late acknowledgement as a miss, and a reopened concern as due but not solved, across months', () => {
    expect(contributions(noisy, noise)).toEqual([
      { day: '2026-03-31', counters: counters({ received: 1, acknowledged: 1, ackOnTime: 0, ackMinutes: histogramOf(33 * 60 + 30) }) },
      { day: '2026-04-07', counters: counters({ due: 1, resolved: 1, resolvedNotReopened: 0, onTime: 0, reopened: 1 }) },
      { day: '2026-04-05', counters: counters({ rated: 1, ratings: [0, 1, 0, 0, 0] }) },
    ])
  })

  it('counts a concern nobody has acknowledged as received and missed, not yet due', () => {
    const waiting: KpiConcern = { ...pipe, status: 'submitted', acknowledgedAt: null, resolvedAt: null, rating: null, ratedAt: null }
    expect(contributions(waiting, urgent)).toEqual([{ day: '2026-03-13', counters: counters({ received: 1 }) }])
  })

  it('counts a decline as the response and never as due; a merged duplicate not at all', () => {
    const declined: KpiConcern = { ...pipe, status: 'declined', resolvedAt: null, rating: null, ratedAt: null }
    expect(contributions(declined, urgent)).toEqual([
      { day: '2026-03-13', counters: counters({ received: 1, acknowledged: 1, ackOnTime: 1, ackMinutes: histogramOf(5) }) },
    ])
    expect(contributions({ ...pipe, status: 'merged' }, urgent)).toEqual([])
  })

  it('uses the deadlines stored with the concern over limits changed since', () => {
    const stored: KpiConcern = {
      ...pipe,
      deadlines: { acknowledge: fromChinaLocal(2026, 3, 13, 19, 2), resolve: fromChinaLocal(2026, 3, 20, 19, 0) },
    }
    const [received, due] = contributions(stored, urgent)
    expect(received.counters.ackOnTime).toBe(0)
    expect(due.day).toBe('2026-03-20')
  })

  it('counts a resolution after the deadline as solved but not on time', () => {
    const slow: KpiConcern = { ...pipe, resolvedAt: fromChinaLocal(2026, 3, 13, 21, 0) }
    expect(contributions(slow, urgent)[0].counters).toMatchObject({ due: 1, resolvedNotReopened: 1, onTime: 0 })
  })
})

describe('a month’s figures from the daily counters', () => {
  const rows = [pipe, noisy].flatMap((c) => contributions(c, c === pipe ? urgent : noise))
  const inPeriod = (from: string, to: string) => sumCounters(rows.filter((r) => contains({ from, to }, r.day)).map((r) => r.counters))

  it('gives March 响应 1/2, 解决 1/1, 满意 1/1 and April 解决 0/1, 重办 1/1, 满意 0/1', () => {
    const march = rates(inPeriod('2026-03-01', '2026-03-31'))
    expect([march.response.percent, march.resolution.percent, march.satisfaction.percent]).toEqual(['50.0%', '100.0%', '100.0%'])
    const april = rates(inPeriod('2026-04-01', '2026-04-30'))
    expect([april.response.percent, april.resolution.percent, april.reopen.percent, april.satisfaction.percent]).toEqual([
      '—',
      '0.0%',
      '100.0%',
      '0.0%',
    ])
  })
})

describe('changes', () => {
  it('moves a concern’s counts when it is resolved: only the deadline day changes', () => {
    const before: KpiConcern = { ...pipe, status: 'in_progress', resolvedAt: null, rating: null, ratedAt: null }
    const after: KpiConcern = { ...before, status: 'resolved', resolvedAt: pipe.resolvedAt }
    expect(diffContributions(contributions(before, urgent), contributions(after, urgent))).toEqual([
      { day: '2026-03-13', counters: counters({ resolved: 1, resolvedNotReopened: 1, onTime: 1, resolveMinutes: histogramOf(40) }) },
    ])
  })

  it('takes a rating away from its old day when a new one replaces it', () => {
    const rerated: KpiConcern = { ...pipe, rating: 5, ratedAt: fromChinaLocal(2026, 3, 20, 8, 0) }
    expect(diffContributions(contributions(pipe, urgent), contributions(rerated, urgent))).toEqual([
      { day: '2026-03-14', counters: counters({ rated: -1, ratings: [0, 0, 0, -1, 0] }) },
      { day: '2026-03-20', counters: counters({ rated: 1, ratings: [0, 0, 0, 0, 1] }) },
    ])
  })

  it('is empty when nothing changes', () => {
    expect(diffContributions(contributions(pipe, urgent), contributions({ ...pipe }, urgent))).toEqual([])
  })
})

// ── Properties over random concerns ───────────────────────────────────────────────────────────

const base = fromChinaLocal(2026, 1, 1).getTime()
const minutes = (n: number) => n * 60_000
const concernArb = fc
  .record({
    status: fc.constantFrom(...concernStatuses),
    received: fc.nat(60 * 24 * 120),
    ack: fc.option(fc.nat(60 * 24 * 5), { nil: null }),
    resolve: fc.option(fc.nat(60 * 24 * 30), { nil: null }),
    reopenCount: fc.nat(2),
    rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    rated: fc.nat(60 * 24 * 10),
    urgent: fc.boolean(),
  })
  .map((g): { concern: KpiConcern; urgent: boolean } => {
    const receivedAt = new Date(base + minutes(g.received))
    const acknowledgedAt = g.ack === null ? null : new Date(receivedAt.getTime() + minutes(g.ack))
    const resolvedAt = acknowledgedAt && g.resolve !== null ? new Date(acknowledgedAt.getTime() + minutes(g.resolve)) : null
    return {
      urgent: g.urgent,
      concern: {
        status: g.status,
        receivedAt,
        acknowledgedAt,
        resolvedAt,
        reopenCount: g.reopenCount,
        rating: resolvedAt ? g.rating : null,
        ratedAt: resolvedAt && g.rating ? new Date(resolvedAt.getTime() + minutes(g.rated)) : null,
      },
    }
  })
const limitsOf = (x: { urgent: boolean }) => (x.urgent ? urgent : noise)
const periodArb = fc
  .tuple(fc.nat(150), fc.nat(150))
  .map(([a, b]) => [a, b].sort((x, y) => x - y).map((d) => new Date(base + d * 86400_000 + 12 * 3600_000).toISOString().slice(0, 10)))

function total(rows: DayCounters[], from = '0000', to = '9999'): Counters {
  return sumCounters(rows.filter((r) => r.day >= from && r.day <= to).map((r) => r.counters))
}

describe('properties', () => {
  it('gives the same figures whichever way the concerns are split (grids, workers, days)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(concernArb, fc.nat(3)), { maxLength: 60 }), ([...pairs]) => {
        const all = total(pairs.flatMap(([x]) => contributions(x.concern, limitsOf(x))))
        const parts = [0, 1, 2, 3].map((k) =>
          total(pairs.filter(([, p]) => p === k).flatMap(([x]) => contributions(x.concern, limitsOf(x)))),
        )
        expect(rates(sumCounters(parts))).toEqual(rates(all))
        expect(sumCounters(parts)).toEqual(all)
      }),
    )
  })

  it('makes each figure’s numerator and denominator the exact size of the list of concerns behind it', () => {
    fc.assert(
      fc.property(fc.array(concernArb, { maxLength: 40 }), periodArb, (xs, [from, to]) => {
        const c = total(
          xs.flatMap((x) => contributions(x.concern, limitsOf(x))),
          from,
          to,
        )
        const list = (m: (typeof measures)[number]) =>
          xs.map((x) => outcome(m, x.concern, limitsOf(x))).filter((o) => o !== null && contains({ from, to }, o.day))
        const size = (m: (typeof measures)[number]) => [list(m).filter((o) => o!.hit).length, list(m).length]
        expect(size('response')).toEqual([c.ackOnTime, c.received])
        expect(size('resolution')).toEqual([c.resolvedNotReopened, c.due])
        expect(size('onTime')).toEqual([c.onTime, c.due])
        expect(size('reopen')).toEqual([c.reopened, c.resolved])
        expect(size('satisfaction')).toEqual([c.ratings[2] + c.ratings[3] + c.ratings[4], c.rated])
      }),
    )
  })

  it('adds up: the rows before a change plus its difference are the rows after it', () => {
    fc.assert(
      fc.property(concernArb, concernArb, (a, b) => {
        const before = contributions(a.concern, limitsOf(a))
        const after = contributions(b.concern, limitsOf(b))
        expect(addCounters(total(before), total(diffContributions(before, after)))).toEqual(total(after))
      }),
    )
  })

  it('counts each concern once as received, on at most three days, with no negative count', () => {
    fc.assert(
      fc.property(concernArb, (x) => {
        const rows = contributions(x.concern, limitsOf(x))
        const t = total(rows)
        return (
          t.received === (x.concern.status === 'merged' ? 0 : 1) &&
          rows.length <= 3 &&
          rows.every((r) => Object.values(r.counters).every((v) => (Array.isArray(v) ? v.every((n) => n >= 0) : v >= 0))) &&
          t.resolvedNotReopened <= t.resolved &&
          t.reopened <= t.resolved &&
          t.resolved <= t.due &&
          t.ackOnTime <= t.acknowledged
        )
      }),
    )
  })
})
