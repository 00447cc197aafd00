import * as z from 'zod'
import { addHistograms, emptyHistogram, type Histogram } from './median.js'

/**
 * The 三率 and the figures beside them, defined once. Every figure is a pure function of summed
 * counters (see contributions.ts for what one concern adds to them) and the street's settings, so
 * any set of days, grids, workers or categories is assessed by adding their counters first.
 *
 * Arithmetic is exact: counts are integers, weights and the 基本满意 factor are whole percents, and
 * a rate is a fraction of BigInts — a community at exactly 90% is at 90% on every machine, and two
 * communities tie in a ranking only when their fractions are equal. Percentages are shown rounded
 * down to one decimal, so a figure is never shown better than it is.
 */

// ── Settings (the street's) ───────────────────────────────────────────────────────────────────

const percentField = (what: string) =>
  z
    .number({ error: `请填写${what}（0–100 的整数）` })
    .int(`${what}须是 0–100 的整数`)
    .min(0, `${what}不能小于 0`)
    .max(100, `${what}不能大于 100`)

/** The 综合 weights in whole percent; Beijing's 接诉即办 weighs 10 / 50 / 40, other places 30 / 35 / 35. */
export const KpiWeights = /*#__PURE__*/ z
  .strictObject({
    response: percentField('响应率权重'),
    resolution: percentField('解决率权重'),
    satisfaction: percentField('满意率权重'),
  })
  .superRefine((w, ctx) => {
    const sum = w.response + w.resolution + w.satisfaction
    if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: `三项权重之和须为 100（现在是 ${sum}）` })
  })
export type KpiWeights = z.infer<typeof KpiWeights>

export const DEFAULT_WEIGHTS: KpiWeights = { response: 10, resolution: 50, satisfaction: 40 }
export const DEFAULT_BASIC_SATISFIED_PERCENT = 90
/** Units with fewer concerns received than this are listed apart, never ranked. */
export const DEFAULT_MIN_SAMPLE = 10

export const KpiSettings = /*#__PURE__*/ z.strictObject({
  weights: KpiWeights.default(DEFAULT_WEIGHTS),
  /** How much a 基本满意 (3★) counts towards 满意率, in percent of a 满意. */
  basicSatisfiedPercent: percentField('基本满意折算比例').default(DEFAULT_BASIC_SATISFIED_PERCENT),
  minSample: z
    .number({ error: '请填写参与排名的最少件数' })
    .int('最少件数须是整数')
    .min(1, '最少件数至少为 1')
    .max(1000, '最少件数不能超过 1000')
    .default(DEFAULT_MIN_SAMPLE),
})
export type KpiSettings = z.infer<typeof KpiSettings>

export const defaultKpiSettings: KpiSettings = {
  weights: DEFAULT_WEIGHTS,
  basicSatisfiedPercent: DEFAULT_BASIC_SATISFIED_PERCENT,
  minSample: DEFAULT_MIN_SAMPLE,
}

// ── Satisfaction levels ───────────────────────────────────────────────────────────────────────

/** The 1–5 rating as the assessment names it, 5 → 1. */
export const satisfactionLevels = ['very_satisfied', 'satisfied', 'basically_satisfied', 'dissatisfied', 'very_dissatisfied'] as const
export type SatisfactionLevel = (typeof satisfactionLevels)[number]

export const satisfactionLabels: Record<SatisfactionLevel, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
  very_dissatisfied: '非常不满意',
}

export function satisfactionLevel(rating: number): SatisfactionLevel {
  return satisfactionLevels[5 - rating]
}

/** 差评: 不满意 or 非常不满意 (rating ≤ 2). It calls for a follow-up visit within a week. */
export function isBadReview(rating: number): boolean {
  return rating <= 2
}

export const BAD_REVIEW_FOLLOW_UP_DAYS = 7

/** When the follow-up of a 差评 is due: seven calendar days after the rating. */
export function followUpDueAt(ratedAt: Date): Date {
  return new Date(ratedAt.getTime() + BAD_REVIEW_FOLLOW_UP_DAYS * 86400_000)
}

// ── Counters ──────────────────────────────────────────────────────────────────────────────────

/**
 * What the figures are computed from. Each group is counted on its own day (contributions.ts):
 * receipt — `received`, `acknowledged`, `ackOnTime`, `ackMinutes`;
 * resolution deadline — `due`, `resolved`, `resolvedNotReopened`, `onTime`, `reopened`, `resolveMinutes`;
 * rating — `rated`, `ratings`.
 */
export interface Counters {
  /** Concerns received (merged duplicates excepted). */
  received: number
  /** … of which acknowledged (签收, or declined: a response too). */
  acknowledged: number
  /** … of which acknowledged by the acknowledgement deadline. */
  ackOnTime: number
  /** Concerns whose resolution deadline falls on the day. */
  due: number
  /** … of which resolved at least once (now resolved or closed, or reopened since). */
  resolved: number
  /** … of which resolved now and never reopened. */
  resolvedNotReopened: number
  /** … of which resolved now, by the deadline. */
  onTime: number
  /** … of which reopened at least once (重办). */
  reopened: number
  /** Ratings given on the day. */
  rated: number
  /** … by stars: index 0 is 1★ (非常不满意) … index 4 is 5★ (非常满意). */
  ratings: number[]
  /** Minutes from receipt to 签收, of the acknowledged ones (median.ts buckets). */
  ackMinutes: Histogram
  /** Minutes from receipt to the current resolution, of the resolved ones. */
  resolveMinutes: Histogram
}

const scalarKeys = [
  'received',
  'acknowledged',
  'ackOnTime',
  'due',
  'resolved',
  'resolvedNotReopened',
  'onTime',
  'reopened',
  'rated',
] as const
export const counterScalarKeys: readonly (typeof scalarKeys)[number][] = scalarKeys

export function emptyCounters(): Counters {
  return {
    received: 0,
    acknowledged: 0,
    ackOnTime: 0,
    due: 0,
    resolved: 0,
    resolvedNotReopened: 0,
    onTime: 0,
    reopened: 0,
    rated: 0,
    ratings: [0, 0, 0, 0, 0],
    ackMinutes: emptyHistogram(),
    resolveMinutes: emptyHistogram(),
  }
}

/** a + sign·b, field by field: summing rows, or the change when a concern moves on. */
export function addCounters(a: Counters, b: Counters, sign: 1 | -1 = 1): Counters {
  const out = emptyCounters()
  for (const k of scalarKeys) out[k] = a[k] + sign * b[k]
  out.ratings = addHistograms(a.ratings, b.ratings, sign)
  out.ackMinutes = addHistograms(a.ackMinutes, b.ackMinutes, sign)
  out.resolveMinutes = addHistograms(a.resolveMinutes, b.resolveMinutes, sign)
  return out
}

export function sumCounters(rows: Iterable<Counters>): Counters {
  let total = emptyCounters()
  for (const r of rows) total = addCounters(total, r)
  return total
}

export function isZero(c: Counters): boolean {
  return (
    scalarKeys.every((k) => c[k] === 0) &&
    c.ratings.every((n) => n === 0) &&
    c.ackMinutes.every((n) => n === 0) &&
    c.resolveMinutes.every((n) => n === 0)
  )
}

// ── Exact fractions ───────────────────────────────────────────────────────────────────────────

/** num/den; den 0 means "no cases": the figure is shown as "—", never as 0% or 100%. */
export interface Fraction {
  num: bigint
  den: bigint
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a
  let y = b < 0n ? -b : b
  while (y) [x, y] = [y, x % y]
  return x
}

export function reduce(f: Fraction): Fraction {
  const g = gcd(f.num, f.den)
  return g > 1n ? { num: f.num / g, den: f.den / g } : f
}

/** −1, 0, 1 as a < b, a = b, a > b; an empty fraction sorts below every real one. */
export function compareFractions(a: Fraction, b: Fraction): number {
  if (a.den === 0n || b.den === 0n) return a.den === b.den ? 0 : a.den === 0n ? -1 : 1
  const left = a.num * b.den
  const right = b.num * a.den
  return left < right ? -1 : left > right ? 1 : 0
}

/** "68.3%": one decimal, rounded down; "—" for no cases. */
export function percentText(f: Fraction): string {
  if (f.den <= 0n) return '—'
  const tenths = (f.num * 1000n) / f.den
  return `${tenths / 10n}.${tenths % 10n}%`
}

/** The 101 whole percents as decimals, made once: the ranking writes a formula per unit and figure. */
const weightTexts = Array.from({ length: 101 }, (_, percent) => String(percent / 100))

/** A percent weight as a decimal: 10 → "0.1", 35 → "0.35", 100 → "1". */
export function weightText(percent: number): string {
  return weightTexts[percent] ?? String(percent / 100)
}

// ── The figures ───────────────────────────────────────────────────────────────────────────────

/** The measures behind the drill-down lists (`measure=` in the API), then the combined one. */
export const measures = ['response', 'resolution', 'satisfaction', 'onTime', 'reopen'] as const
export type Measure = (typeof measures)[number]
export type Figure = Measure | 'composite'

export const figureLabels: Record<Figure, string> = {
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
  composite: '综合得分',
  onTime: '按时办结率',
  reopen: '重办率',
}

export interface Rate extends Fraction {
  figure: Figure
  label: string
  /** For charts and sorting only; compare `Fraction`s for anything that decides. Null when empty. */
  value: number | null
  /** "68.3%" or "—". */
  percent: string
  /** The formula with this unit's numbers in it, for the page: "按时签收 41 ÷ 收到 60 = 68.3%". */
  text: string
}

export interface Rates {
  response: Rate
  resolution: Rate
  satisfaction: Rate
  composite: Rate
  onTime: Rate
  reopen: Rate
}

function rate(figure: Figure, f: Fraction, text: (percent: string) => string): Rate {
  const percent = percentText(f)
  return {
    figure,
    label: figureLabels[figure],
    num: f.num,
    den: f.den,
    value: f.den > 0n ? Number(f.num) / Number(f.den) : null,
    percent,
    text: text(percent),
  }
}

const share = (num: number, den: number): Fraction => ({ num: BigInt(num), den: BigInt(den) })

/**
 * 满意率 = (非常满意 + 满意 + factor × 基本满意) ÷ rated, in lowest terms (with the factor a
 * percent, the numerator is counted in hundredths).
 */
export function satisfactionFraction(c: Pick<Counters, 'rated' | 'ratings'>, basicSatisfiedPercent: number): Fraction {
  if (c.rated <= 0) return { num: 0n, den: 0n }
  const [, , basic, satisfied, very] = c.ratings.map(BigInt)
  return reduce({ num: 100n * (very + satisfied) + BigInt(basicSatisfiedPercent) * basic, den: 100n * BigInt(c.rated) })
}

/**
 * 综合 = Σ weight × rate, exactly. A component with weight 0 is left out; if a weighted component
 * has no cases the combined figure has none either (den 0): it would otherwise reward a unit for
 * having, say, nothing rated.
 */
export function compositeFraction(parts: Array<{ weight: number; f: Fraction }>): Fraction {
  let num = 0n
  let den = 100n
  for (const { weight, f } of parts) {
    if (weight === 0) continue
    if (f.den <= 0n) return { num: 0n, den: 0n }
    // num/den + weight·f.num/(100·f.den), over the common denominator den·f.den.
    num = num * f.den + BigInt(weight) * f.num * (den / 100n)
    den = den * f.den
  }
  return reduce({ num, den })
}

/** Every figure of a unit from its summed counters and its street's settings. */
export function rates(c: Counters, settings: KpiSettings = defaultKpiSettings): Rates {
  const factor = weightText(settings.basicSatisfiedPercent)
  const [, , basic, satisfied, very] = c.ratings
  const response = rate('response', share(c.ackOnTime, c.received), (p) => `按时签收 ${c.ackOnTime} ÷ 收到 ${c.received} = ${p}`)
  const resolution = rate(
    'resolution',
    share(c.resolvedNotReopened, c.due),
    (p) => `办结且未重办 ${c.resolvedNotReopened} ÷ 到期 ${c.due} = ${p}`,
  )
  const satisfaction = rate(
    'satisfaction',
    satisfactionFraction(c, settings.basicSatisfiedPercent),
    (p) => `（非常满意 ${very} + 满意 ${satisfied} + ${factor} × 基本满意 ${basic}）÷ 评价 ${c.rated} = ${p}`,
  )
  const w = settings.weights
  const composite = rate(
    'composite',
    compositeFraction([
      { weight: w.response, f: response },
      { weight: w.resolution, f: resolution },
      { weight: w.satisfaction, f: satisfaction },
    ]),
    (p) =>
      `${weightText(w.response)} × 响应率 ${response.percent} + ${weightText(w.resolution)} × 解决率 ${resolution.percent} + ${weightText(w.satisfaction)} × 满意率 ${satisfaction.percent} = ${p}`,
  )
  return {
    response,
    resolution,
    satisfaction,
    composite,
    onTime: rate('onTime', share(c.onTime, c.due), (p) => `按时办结 ${c.onTime} ÷ 到期 ${c.due} = ${p}`),
    reopen: rate('reopen', share(c.reopened, c.resolved), (p) => `重办 ${c.reopened} ÷ 办结过 ${c.resolved} = ${p}`),
  }
}

/**
 * The formulas in words, with the street's weights and factor, shown beside every figure — and
 * what each count means, so a figure can be checked against the list of concerns behind it.
 */
export function formulaLines(settings: KpiSettings = defaultKpiSettings): string[] {
  const w = settings.weights
  return [
    '响应率 = 在签收时限内签收的诉求 ÷ 期内收到的诉求',
    '解决率 = 已办结且未被重办的诉求 ÷ 办结期限在期内的诉求',
    `满意率 =（非常满意 + 满意 + ${weightText(settings.basicSatisfiedPercent)} × 基本满意）÷ 期内评价数`,
    `综合得分 = ${weightText(w.response)} × 响应率 + ${weightText(w.resolution)} × 解决率 + ${weightText(w.satisfaction)} × 满意率`,
    '按时办结率 = 在办结期限内办结的诉求 ÷ 办结期限在期内的诉求',
    '重办率 = 被重办过的诉求 ÷ 办结过的诉求（办结期限在期内）',
    '评价：5 星非常满意，4 星满意，3 星基本满意，2 星不满意，1 星非常不满意；1–2 星为差评，须在 7 天内回访',
    `收到不足 ${settings.minSample} 件的单位单独列出，不参与排名`,
  ]
}
