import type { ConcernStatus } from '../concerns/lifecycle.js'
import { addLimit, dueAt, type MilestoneLimits } from '../concerns/milestones.js'
import { addCounters, type Counters, emptyCounters, isZero, type Measure } from './formulas.js'
import { histogramOf } from './median.js'
import { chinaDay } from './period.js'

/**
 * What one concern adds to the counters, and on which day — a pure function of its stored
 * milestone fields, so the server keeps aggregate rows per (community, grid, worker, partner,
 * category, day) in the same transaction as each milestone: compute the concern's contributions
 * before and after the change, and add `diffContributions(before, after)` to the rows. When the
 * concern's keys change (reassigned to another worker, regridded), take the old contributions off
 * the old keys and add the new ones to the new keys.
 *
 * Cohorts, and the day each counts on (China calendar days):
 * - 响应 — every concern received, on the day it was received. It counts as acknowledged on time
 *   when 签收 came by the acknowledgement deadline. Declining is a response too: the server records
 *   the decline as the acknowledgement. Until it is acknowledged a concern is a miss (the figure
 *   for the current month rises as work is done).
 * - 解决 / 按时办结 / 重办 — "due in the period" means: the resolution deadline (fixed at 签收, see
 *   milestones.ts) falls in the period, whatever the concern's state; a concern not yet
 *   acknowledged, or declined, has no deadline and is not due. Of those, resolved-and-not-reopened
 *   counts for 解决率 (resolved or closed now, never reopened), resolved by the deadline for 按时办结率,
 *   and reopened at least once over resolved at least once for 重办率.
 * - 满意 — every rating, on the day it was given; a new rating after a reopen replaces the old one.
 * - Medians — minutes to 签收 on the receipt day; minutes from receipt to the current resolution on
 *   the deadline day (with the resolution cohort, so the list behind a figure is one set).
 * Merged concerns are duplicates: they contribute nothing (the concern they were merged into counts).
 */
export interface KpiConcern {
  status: ConcernStatus
  receivedAt: Date
  /** 签收 (or the decline). */
  acknowledgedAt: Date | null
  /** The current resolution; null again while reopened. */
  resolvedAt: Date | null
  reopenCount: number
  /** 1–5, the latest. */
  rating: number | null
  /** When the latest rating was given. */
  ratedAt: Date | null
  /**
   * The deadlines stored with the concern. They win over `limits`, which may have changed since;
   * a missing one is computed from `limits` and the milestone times.
   */
  deadlines?: { acknowledge?: Date | null; resolve?: Date | null }
}

export interface DayCounters {
  /** YYYY-MM-DD in China time. */
  day: string
  counters: Counters
}

const minutesBetween = (from: Date, to: Date) => Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000))

function ackDeadline(c: KpiConcern, limits: MilestoneLimits): Date {
  return c.deadlines?.acknowledge ?? addLimit(c.receivedAt, limits.acknowledge)
}

function resolveDeadline(c: KpiConcern, limits: MilestoneLimits): Date | null {
  if (c.status === 'declined') return null
  if (c.deadlines?.resolve) return c.deadlines.resolve
  return c.acknowledgedAt ? dueAt('resolve', c.acknowledgedAt, limits) : null
}

const isResolvedNow = (c: KpiConcern) => !!c.resolvedAt && (c.status === 'resolved' || c.status === 'closed')

/**
 * Whether a concern is in a measure's denominator (`null`: not counted) and, if so, in its
 * numerator (`hit`) or not (`miss`), with the day it counts on — the definition the drill-down
 * lists follow, so a list's length is the figure's numerator (hits) or denominator (all).
 * 满意: a hit is a rating of 3★ or more (counted fully or, for 基本满意, with the factor).
 */
export function outcome(measure: Measure, c: KpiConcern, limits: MilestoneLimits): { day: string; hit: boolean } | null {
  if (c.status === 'merged') return null
  if (measure === 'response') {
    const hit = !!c.acknowledgedAt && c.acknowledgedAt.getTime() <= ackDeadline(c, limits).getTime()
    return { day: chinaDay(c.receivedAt), hit }
  }
  if (measure === 'satisfaction') {
    if (c.rating === null || !c.ratedAt) return null
    return { day: chinaDay(c.ratedAt), hit: c.rating >= 3 }
  }
  const deadline = resolveDeadline(c, limits)
  if (!deadline) return null
  const day = chinaDay(deadline)
  if (measure === 'resolution') return { day, hit: isResolvedNow(c) && c.reopenCount === 0 }
  if (measure === 'onTime') return { day, hit: isResolvedNow(c) && c.resolvedAt!.getTime() <= deadline.getTime() }
  // 重办率: among those resolved at least once.
  if (!c.resolvedAt && c.reopenCount === 0) return null
  return { day, hit: c.reopenCount > 0 }
}

/** The concern's counters, one entry per day it counts on (one to three days), none when merged. */
export function contributions(c: KpiConcern, limits: MilestoneLimits): DayCounters[] {
  if (c.status === 'merged') return []
  const byDay = new Map<string, Counters>()
  const at = (day: string) => {
    const counters = byDay.get(day) ?? emptyCounters()
    byDay.set(day, counters)
    return counters
  }

  const received = at(chinaDay(c.receivedAt))
  received.received = 1
  if (c.acknowledgedAt) {
    received.acknowledged = 1
    received.ackOnTime = outcome('response', c, limits)!.hit ? 1 : 0
    received.ackMinutes = histogramOf(minutesBetween(c.receivedAt, c.acknowledgedAt))
  }

  const resolution = outcome('resolution', c, limits)
  if (resolution) {
    const due = at(resolution.day)
    due.due = 1
    due.resolvedNotReopened = resolution.hit ? 1 : 0
    due.onTime = outcome('onTime', c, limits)!.hit ? 1 : 0
    const reopen = outcome('reopen', c, limits)
    due.resolved = reopen ? 1 : 0
    due.reopened = reopen?.hit ? 1 : 0
    if (c.resolvedAt) due.resolveMinutes = histogramOf(minutesBetween(c.receivedAt, c.resolvedAt))
  }

  const rated = outcome('satisfaction', c, limits)
  if (rated && c.rating !== null) {
    const r = at(rated.day)
    r.rated = 1
    r.ratings[c.rating - 1] = 1
  }

  return [...byDay].map(([day, counters]) => ({ day, counters }))
}

/**
 * What to add to the daily rows when a concern changes from `before` to `after` (negative counts
 * take away); days where nothing changes are left out. A new concern is a change from [].
 */
export function diffContributions(before: readonly DayCounters[], after: readonly DayCounters[]): DayCounters[] {
  const delta = new Map<string, Counters>()
  for (const [rows, sign] of [
    [after, 1],
    [before, -1],
  ] as const) {
    for (const { day, counters } of rows) delta.set(day, addCounters(delta.get(day) ?? emptyCounters(), counters, sign))
  }
  return [...delta]
    .filter(([, counters]) => !isZero(counters))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, counters]) => ({ day, counters }))
}
