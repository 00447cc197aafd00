import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Category } from '../concerns/categories.js'
import { ConcernStatus } from '../concerns/lifecycle.js'
import { figureLabels, KpiSettings, measures, satisfactionLevels } from '../kpis/formulas.js'
import { checkPeriod, parseDay } from '../kpis/period.js'
import { Id, IsoTime } from './common.js'

/**
 * The API contract of the 三率 (tag `kpis`): a unit's figures over a period, the street's ranking,
 * and the concerns behind any figure. Periods are whole China days, `from` and `to` inclusive, at
 * most three years. Fractions are decimal strings (exact at any size); `percent` is what people read.
 *
 * Unknown `scope` or `id` is a 404, not a 400 (the server checks `kpiScopes` and the id before
 * parsing the rest); another street's or community's figures are a 403.
 */

export const kpiScopes = ['street', 'community', 'grid', 'worker', 'partner'] as const
export const KpiScope = z.enum(kpiScopes)
export type KpiScope = z.infer<typeof KpiScope>

export const rankingLevels = ['community', 'grid', 'worker'] as const
export const RankingLevel = z.enum(rankingLevels, { error: '排名层级应为 community（社区）、grid（网格）或 worker（网格员）' })

export const Measure = z.enum(measures, {
  error: '指标应为 response（响应率）、resolution（解决率）、satisfaction（满意率）、onTime（按时办结率）或 reopen（重办率）',
})
export const Outcome = z.enum(['hit', 'miss'], { error: 'outcome 应为 hit（计入分子）或 miss（未计入）' })

const day = (label: string, example: string) =>
  z
    .string({ error: `请填写${label}，格式 YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${label}格式应为 YYYY-MM-DD，例如 ${example}`, abort: true })
    .refine((v) => parseDay(v) !== null, `${label}不是有效的日期`)

const periodFields = {
  from: day('开始日期', '2026-03-01').meta({ description: 'first day, China time, inclusive' }),
  to: day('结束日期', '2026-03-31').meta({ description: 'last day, China time, inclusive; at most 3 years after from' }),
}

/** `to` before `from`, or more than three years: reported on `to`. */
function periodOrder(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  // A day that is not a day is reported on its own field already.
  if (!parseDay(v.from) || !parseDay(v.to)) return
  const problem = checkPeriod(v.from, v.to)
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message })
}

/** The unit's id: a uuid, or for `partner` the organisation's id or name (the server resolves it). */
const unitId = z.string({ error: '请填写统计对象的编号（id）' }).trim().min(1, '请填写统计对象的编号（id）').max(80, '编号太长')

// ——— Queries ———

/** A period alone, `from` and `to` (China days, inclusive, at most three years): ledgers and other reports. */
export const PeriodQuery = onFirstUse(() => z.strictObject(periodFields).superRefine(periodOrder))

export const KpiQuery = onFirstUse(() =>
  z.strictObject({ scope: KpiScope, id: unitId, ...periodFields, category: Category.optional() }).superRefine(periodOrder),
)

export const RankingQuery = onFirstUse(() =>
  z.strictObject({ street: Id, level: RankingLevel, ...periodFields, category: Category.optional() }).superRefine(periodOrder),
)

/** The concerns behind a figure; without `outcome`, its whole denominator. */
export const KpiConcernsQuery = onFirstUse(() =>
  z
    .strictObject({
      scope: KpiScope,
      id: unitId,
      ...periodFields,
      category: Category.optional(),
      measure: Measure,
      outcome: Outcome.optional(),
      cursor: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    })
    .superRefine(periodOrder),
)

/** A unit's figures split by grid, worker, partner organisation or category (the 三率 page's 分项). */
export const breakdownKinds = ['grid', 'worker', 'partner', 'category'] as const
export const BreakdownBy = z.enum(breakdownKinds, {
  error: '分项应为 grid（网格）、worker（网格员）、partner（共建单位）或 category（类别）',
})

export const BreakdownQuery = onFirstUse(() =>
  z.strictObject({ scope: KpiScope, id: unitId, by: BreakdownBy, ...periodFields, category: Category.optional() }).superRefine(periodOrder),
)

/** The last `months` whole months, China time, ending with the current one. */
export const TrendQuery = onFirstUse(() =>
  z.strictObject({
    scope: KpiScope,
    id: unitId,
    months: z.coerce
      .number({ error: '月数应为 1–36 的整数' })
      .int('月数应为 1–36 的整数')
      .min(1, '月数至少为 1')
      .max(36, '月数最多为 36')
      .default(12),
    category: Category.optional(),
  }),
)

/** A community's public card: one calendar month (China time); without `month`, the current one. */
export const MonthlyKpiQuery = onFirstUse(() =>
  z.strictObject({
    month: z
      .string({ error: '月份格式应为 YYYY-MM，例如 2026-03' })
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 YYYY-MM，例如 2026-03', abort: true })
      .refine((v) => parseDay(`${v}-01`) !== null, '月份应在 2000 年到 2100 年之间')
      .optional()
      .meta({ description: 'YYYY-MM, China time; the current month when absent' }),
  }),
)

// ——— Replies ———

const count = z.number().int().min(0)

export const PeriodView = onFirstUse(() => z.object({ from: z.string(), to: z.string(), label: z.string() }))

export const RateView = onFirstUse(() =>
  z
    .object({
      figure: z.enum([...measures, 'composite']),
      label: z.string().meta({ description: Object.values(figureLabels).join(' / ') }),
      num: z.string().meta({ description: 'exact numerator, a decimal integer' }),
      den: z.string().meta({ description: 'exact denominator; "0" when there are no cases' }),
      value: z.number().nullable().meta({ description: 'num/den as a float, for charts; null when empty' }),
      percent: z.string().meta({ description: 'rounded down to one decimal, e.g. "68.3%"; "—" when empty' }),
      text: z.string().meta({ description: 'the formula with the numbers, e.g. "按时签收 41 ÷ 收到 60 = 68.3%"' }),
    })
    .meta({ id: 'KpiRate' }),
)

export const MedianView = onFirstUse(() =>
  z
    .object({
      estimate: z.number(),
      low: z.number(),
      high: z.number().nullable(),
      unit: z.enum(['minutes', 'hours']),
      sample: count,
      text: z.string(),
    })
    .meta({ id: 'KpiMedian', description: 'from bucketed counters: the true median lies in [low, high)' }),
)

export const KpiCounts = onFirstUse(() =>
  z.object({
    received: count,
    acknowledged: count,
    ackOnTime: count,
    due: count,
    resolved: count,
    resolvedNotReopened: count,
    onTime: count,
    reopened: count,
    rated: count,
    ratings: z.object(
      Object.fromEntries(satisfactionLevels.map((l) => [l, count])) as Record<(typeof satisfactionLevels)[number], typeof count>,
    ),
  }),
)

export const KpiRates = onFirstUse(() =>
  z.object({
    response: RateView,
    resolution: RateView,
    satisfaction: RateView,
    composite: RateView,
    onTime: RateView,
    reopen: RateView,
  }),
)

export const KpiSettingsView = onFirstUse(() => KpiSettings.extend({ formula: z.array(z.string()) }).meta({ id: 'KpiSettings' }))

export const KpiReport = onFirstUse(() =>
  z
    .object({
      scope: z.object({ kind: KpiScope, id: z.string(), name: z.string() }),
      period: PeriodView,
      category: Category.nullable(),
      counts: KpiCounts,
      rates: KpiRates,
      medians: z.object({ ackMinutes: MedianView.nullable(), resolveHours: MedianView.nullable() }),
      settings: KpiSettings,
      formula: z.array(z.string()),
    })
    .meta({ id: 'KpiReport' }),
)

const RankingUnit = onFirstUse(() => z.object({ id: z.string(), name: z.string() }))
const RankingRates = onFirstUse(() => KpiRates.pick({ response: true, resolution: true, satisfaction: true, composite: true }))

export const KpiRanking = onFirstUse(() =>
  z
    .object({
      street: z.object({ id: Id, name: z.string() }),
      level: RankingLevel,
      period: PeriodView,
      category: Category.nullable(),
      settings: KpiSettings,
      formula: z.array(z.string()),
      ranked: z.array(z.object({ rank: z.number().int().min(1), unit: RankingUnit, sample: count, rates: RankingRates })),
      /** Under the minimum sample, or with no 综合: shown apart, never ranked. */
      apart: z.array(z.object({ unit: RankingUnit, sample: count, reason: z.string(), rates: RankingRates })),
    })
    .meta({ id: 'KpiRanking' }),
)

/** Where a row's figures lead: the drill-down of that unit (null: no unit to open, e.g. 未划入网格). */
const DrillTarget = onFirstUse(() => z.object({ scope: KpiScope, id: z.string(), category: Category.nullable() }))

export const KpiBreakdown = onFirstUse(() =>
  z
    .object({
      scope: z.object({ kind: KpiScope, id: z.string(), name: z.string() }),
      by: BreakdownBy,
      period: PeriodView,
      category: Category.nullable(),
      formula: z.array(z.string()),
      /** Most concerns first; `sample` is the concerns received in the period. */
      rows: z.array(z.object({ unit: RankingUnit, sample: count, rates: RankingRates, drill: DrillTarget.nullable() })),
    })
    .meta({ id: 'KpiBreakdown' }),
)

export const KpiTrend = onFirstUse(() =>
  z
    .object({
      scope: z.object({ kind: KpiScope, id: z.string(), name: z.string() }),
      category: Category.nullable(),
      formula: z.array(z.string()),
      /** Oldest first, one per month, months with nothing included. */
      months: z.array(z.object({ period: PeriodView, sample: count, rates: RankingRates })),
    })
    .meta({ id: 'KpiTrend' }),
)

/**
 * What residents see of their community's figures (the public card): the month's four rates with
 * their exact fractions and sample sizes, and the formulas — never a worker, partner or resident.
 */
export const PublicKpiCard = onFirstUse(() =>
  z
    .object({
      community: z.object({ id: Id, name: z.string() }),
      month: z.string().meta({ description: 'YYYY-MM' }),
      period: PeriodView,
      rates: RankingRates,
      /** The denominators: concerns received (响应), fallen due (解决), rated (满意). */
      samples: z.object({ received: count, due: count, rated: count }),
      formula: z.array(z.string()),
    })
    .meta({ id: 'PublicKpiCard' }),
)

export const KpiConcernItem = onFirstUse(() =>
  z.object({
    id: Id,
    publicNo: z.string(),
    category: Category,
    categoryLabel: z.string(),
    excerpt: z.string(),
    status: ConcernStatus,
    statusLabel: z.string(),
    receivedAt: IsoTime,
    acknowledgedAt: IsoTime.nullable(),
    resolvedAt: IsoTime.nullable(),
    acknowledgeDueAt: IsoTime.nullable(),
    resolveDueAt: IsoTime.nullable(),
    reopenCount: count,
    rating: z.number().int().min(1).max(5).nullable(),
    /** Counted in the figure's numerator. */
    hit: z.boolean(),
    /** The China day it counts on for this measure. */
    day: z.string(),
  }),
)

export const KpiConcernPage = onFirstUse(() =>
  z
    .object({
      measure: Measure,
      outcome: Outcome.nullable(),
      /** All pages together: equals the figure's numerator (hit), its denominator (no outcome), or their difference (miss). */
      total: count,
      items: z.array(KpiConcernItem),
      nextCursor: z.string().nullable(),
    })
    .meta({ id: 'KpiConcernPage' }),
)

// ——— The street's settings ———

/** What street officials set (weights, 基本满意 factor, minimum sample); the reply is `KpiSettingsView`. */
export const StreetSettingsInput = KpiSettings
