import { compareFractions, type Counters, type KpiSettings, type Rate, type Rates, rates } from './formulas.js'

/**
 * The street's monthly ranking, fairly: a unit is ranked only on enough cases (the street's
 * minimum sample, counted as concerns received in the period) and only when its combined figure
 * exists; the others are listed apart with the reason, never ranked — a league table built on
 * three cases says more about chance than about the community.
 */
export interface RankingInput<K> {
  key: K
  counters: Counters
}

export interface RankedRow<K> {
  key: K
  /** 1-based; equal 综合 fractions share a rank and the next rank is skipped (1, 2, 2, 4). */
  rank: number
  sample: number
  rates: Rates
}

export interface ApartRow<K> {
  key: K
  sample: number
  rates: Rates
  /** Why it is not ranked, in Chinese. */
  reason: string
}

export interface Ranking<K> {
  ranked: RankedRow<K>[]
  apart: ApartRow<K>[]
}

/**
 * Orders two 综合 figures: by their floating values when those are clearly apart (exact fractions
 * can have large numerators, and the BigInt products made every sort of a street's hundred units
 * slow), exactly when they are close — so equal fractions still tie and only equal ones.
 */
function byComposite(a: Rate, b: Rate): number {
  if (a.value !== null && b.value !== null && Math.abs(a.value - b.value) > 1e-9) return a.value < b.value ? -1 : 1
  return compareFractions(a, b)
}

export function rank<K>(rows: readonly RankingInput<K>[], settings: KpiSettings): Ranking<K> {
  const ranked: Array<Omit<RankedRow<K>, 'rank'>> = []
  const apart: ApartRow<K>[] = []
  for (const row of rows) {
    const r = rates(row.counters, settings)
    const sample = row.counters.received
    if (sample < settings.minSample) {
      apart.push({ key: row.key, sample, rates: r, reason: `样本不足：收到 ${sample} 件，少于 ${settings.minSample} 件，不参与排名` })
    } else if (r.composite.den === 0n) {
      const missing = [r.response, r.resolution, r.satisfaction].filter((x) => x.den === 0n).map((x) => x.label)
      apart.push({ key: row.key, sample, rates: r, reason: `${missing.join('、')}本期无数据，无法计算综合得分，不参与排名` })
    } else {
      ranked.push({ key: row.key, sample, rates: r })
    }
  }
  // Best first; ties keep their input order (the caller sorts by name first, for a stable page).
  ranked.sort((a, b) => byComposite(b.rates.composite, a.rates.composite))
  const out: RankedRow<K>[] = []
  ranked.forEach((row, i) => {
    const tied = i > 0 && byComposite(row.rates.composite, ranked[i - 1].rates.composite) === 0
    out.push({ ...row, rank: tied ? out[i - 1].rank : i + 1 })
  })
  apart.sort((a, b) => b.sample - a.sample)
  return { ranked: out, apart }
}
