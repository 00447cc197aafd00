/**
 * The dot vote (点赞排序) before a 每月一议: each verified resident has `allowance` dots for the
 * round and may put several on one need (cumulative: a strong preference counts). Pure: the
 * server checks a placement with the resident's other dots, under a lock on their ballot row.
 */

/** Dots each resident gets when staff open a round without saying otherwise. */
export const DEFAULT_DOTS = 3
export const MAX_DOTS = 10

export type RoundPhase = 'upcoming' | 'open' | 'closed'

export function roundPhase(round: { opensAt: Date; closesAt: Date }, now: Date): RoundPhase {
  if (now < round.opensAt) return 'upcoming'
  return now < round.closesAt ? 'open' : 'closed'
}

export type Placement = { ok: true; used: number; left: number } | { ok: false; reason: 'round_not_open' | 'too_many_dots'; left: number }

/**
 * Set `count` dots on one need, given the dots already on the resident's other needs in the round.
 * Setting is idempotent (the count replaces the need's previous count); 0 takes the dots back.
 */
export function placeDots(input: { allowance: number; onOtherNeeds: number; count: number; phase: RoundPhase }): Placement {
  const left = Math.max(0, input.allowance - input.onOtherNeeds)
  if (input.phase !== 'open') return { ok: false, reason: 'round_not_open', left }
  if (input.count > left) return { ok: false, reason: 'too_many_dots', left }
  return { ok: true, used: input.onOtherNeeds + input.count, left: left - input.count }
}

export interface Ranked {
  needId: string
  dots: number
  supporters: number
  rank: number
}

/**
 * Order needs by dots, then supporters, then age (older first): ties share a rank (1, 2, 2, 4),
 * so no need is shown above an equal one by accident of order.
 */
export function rankNeeds(rows: ReadonlyArray<{ needId: string; dots: number; supporters: number; createdAt: Date }>): Ranked[] {
  const sorted = [...rows].sort((a, b) => b.dots - a.dots || b.supporters - a.supporters || a.createdAt.getTime() - b.createdAt.getTime())
  return sorted.map((r, i) => {
    const first = sorted.findIndex((s) => s.dots === r.dots && s.supporters === r.supporters)
    return { needId: r.needId, dots: r.dots, supporters: r.supporters, rank: first < i ? first + 1 : i + 1 }
  })
}
