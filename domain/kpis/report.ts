import { type Counters, formulaLines, type KpiSettings, type Rate, rates, satisfactionLevel, type SatisfactionLevel } from './formulas.js'
import { durationText, type Median, medianOf, minutesToHours } from './median.js'

/**
 * The figures of one unit as the API sends them (schemas/kpis.ts): BigInt fractions become
 * decimal strings so no precision is lost on the way, medians carry their unit and text.
 */
export interface RateView {
  figure: Rate['figure']
  label: string
  num: string
  den: string
  value: number | null
  percent: string
  text: string
}

export function rateView(r: Rate): RateView {
  return { figure: r.figure, label: r.label, num: String(r.num), den: String(r.den), value: r.value, percent: r.percent, text: r.text }
}

export interface MedianView {
  estimate: number
  low: number
  high: number | null
  unit: 'minutes' | 'hours'
  sample: number
  text: string
}

function medianView(m: Median | null, unit: MedianView['unit']): MedianView | null {
  if (!m) return null
  const scale = unit === 'hours' ? minutesToHours : (n: number) => n
  return {
    estimate: scale(m.estimate),
    low: scale(m.low),
    high: m.high === null ? null : scale(m.high),
    unit,
    sample: m.sample,
    text: durationText(m),
  }
}

export interface KpiFigures {
  counts: Omit<Counters, 'ratings' | 'ackMinutes' | 'resolveMinutes'> & { ratings: Record<SatisfactionLevel, number> }
  rates: Record<'response' | 'resolution' | 'satisfaction' | 'composite' | 'onTime' | 'reopen', RateView>
  medians: { ackMinutes: MedianView | null; resolveHours: MedianView | null }
  formula: string[]
}

/** Everything the figures endpoint and the page show for summed counters under a street's settings. */
export function kpiFigures(c: Counters, settings: KpiSettings): KpiFigures {
  const r = rates(c, settings)
  const { ratings, ackMinutes, resolveMinutes, ...counts } = c
  const byLevel = Object.fromEntries([5, 4, 3, 2, 1].map((stars) => [satisfactionLevel(stars), ratings[stars - 1]])) as Record<
    SatisfactionLevel,
    number
  >
  return {
    counts: { ...counts, ratings: byLevel },
    rates: {
      response: rateView(r.response),
      resolution: rateView(r.resolution),
      satisfaction: rateView(r.satisfaction),
      composite: rateView(r.composite),
      onTime: rateView(r.onTime),
      reopen: rateView(r.reopen),
    },
    medians: { ackMinutes: medianView(medianOf(ackMinutes), 'minutes'), resolveHours: medianView(medianOf(resolveMinutes), 'hours') },
    formula: formulaLines(settings),
  }
}
