import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addCounters,
  compareFractions,
  compositeFraction,
  type Counters,
  defaultKpiSettings,
  emptyCounters,
  followUpDueAt,
  formulaLines,
  isBadReview,
  KpiSettings,
  percentText,
  rates,
  satisfactionFraction,
  satisfactionLabels,
  satisfactionLevel,
  sumCounters,
} from './formulas.js'
import { histogramOf } from './median.js'

/** The month of a community: 60 received, 50 due, 40 rated. */
const month: Counters = {
  ...emptyCounters(),
  received: 60,
  acknowledged: 57,
  ackOnTime: 41,
  due: 50,
  resolved: 45,
  resolvedNotReopened: 40,
  onTime: 35,
  reopened: 3,
  rated: 40,
  // 1★ 2, 2★ 1, 3★ 5, 4★ 20, 5★ 12.
  ratings: [2, 1, 5, 20, 12],
}

describe('settings', () => {
  it('defaults to 0.1 / 0.5 / 0.4, 基本满意 at 0.9 and a minimum sample of 10', () => {
    expect(KpiSettings.parse({})).toEqual(defaultKpiSettings)
    expect(defaultKpiSettings).toEqual({
      weights: { response: 10, resolution: 50, satisfaction: 40 },
      basicSatisfiedPercent: 90,
      minSample: 10,
    })
  })

  it('accepts 30 / 35 / 35 and refuses weights that do not add up to 100, naming the field', () => {
    expect(KpiSettings.parse({ weights: { response: 30, resolution: 35, satisfaction: 35 } }).weights.response).toBe(30)
    const r = KpiSettings.safeParse({ weights: { response: 30, resolution: 30, satisfaction: 30 } })
    expect(r.error!.issues[0]).toMatchObject({ path: ['weights', 'satisfaction'], message: '三项权重之和须为 100（现在是 90）' })
    expect(KpiSettings.safeParse({ basicSatisfiedPercent: 90.5 }).error!.issues[0].message).toBe('基本满意折算比例须是 0–100 的整数')
    expect(KpiSettings.safeParse({ minSample: 0 }).error!.issues[0].path).toEqual(['minSample'])
  })
})

describe('satisfaction levels', () => {
  it('maps 5 → 1 stars to 非常满意 … 非常不满意 and calls 1–2 stars 差评', () => {
    expect([5, 4, 3, 2, 1].map((r) => satisfactionLabels[satisfactionLevel(r)])).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ])
    expect([1, 2, 3].map(isBadReview)).toEqual([true, true, false])
  })

  it('asks for the follow-up of a 差评 within seven days', () => {
    expect(followUpDueAt(new Date('2026-03-13T11:00:00Z')).toISOString()).toBe('2026-03-20T11:00:00.000Z')
  })
})

describe('the figures of one month, by hand', () => {
  const r = rates(month)

  it('响应率 = acknowledged in time ÷ received', () => {
    expect(r.response).toMatchObject({ num: 41n, den: 60n, percent: '68.3%', text: '按时签收 41 ÷ 收到 60 = 68.3%' })
  })

  it('解决率 = resolved and not reopened ÷ due', () => {
    expect(r.resolution).toMatchObject({ num: 40n, den: 50n, percent: '80.0%', value: 0.8 })
  })

  it('满意率 = (12 + 20 + 0.9 × 5) ÷ 40 = 36.5/40, exactly 73/80', () => {
    expect(r.satisfaction).toMatchObject({
      num: 73n,
      den: 80n,
      percent: '91.2%',
      text: '（非常满意 12 + 满意 20 + 0.9 × 基本满意 5）÷ 评价 40 = 91.2%',
    })
  })

  it('综合 = 0.1 × 41/60 + 0.5 × 4/5 + 0.4 × 73/80 = 5/6 exactly', () => {
    expect(r.composite).toMatchObject({ num: 5n, den: 6n, percent: '83.3%' })
    expect(r.composite.text).toBe('0.1 × 响应率 68.3% + 0.5 × 解决率 80.0% + 0.4 × 满意率 91.2% = 83.3%')
  })

  it('按时办结率 and 重办率 beside them', () => {
    expect(r.onTime).toMatchObject({ num: 35n, den: 50n, percent: '70.0%' })
    expect(r.reopen).toMatchObject({ num: 3n, den: 45n, percent: '6.6%', text: '重办 3 ÷ 办结过 45 = 6.6%' })
  })

  it('weighs 基本满意 by the street’s factor and 综合 by the street’s weights', () => {
    const settings = KpiSettings.parse({ weights: { response: 30, resolution: 35, satisfaction: 35 }, basicSatisfiedPercent: 80 })
    const own = rates(month, settings)
    // (32 + 0.8 × 5) / 40 = 36/40 = 9/10.
    expect(own.satisfaction).toMatchObject({ num: 9n, den: 10n })
    // 0.3 × 41/60 + 0.35 × 4/5 + 0.35 × 9/10 = 0.205 + 0.28 + 0.315 = 0.8.
    expect(own.composite).toMatchObject({ num: 4n, den: 5n, percent: '80.0%' })
  })
})

describe('empty periods', () => {
  it('shows every figure as "—" with no division by zero', () => {
    const r = rates(emptyCounters())
    for (const f of Object.values(r)) {
      expect(f).toMatchObject({ den: 0n, value: null, percent: '—' })
    }
    expect(r.response.text).toBe('按时签收 0 ÷ 收到 0 = —')
  })

  it('has no 综合 while a weighted component has no cases, unless its weight is 0', () => {
    const unrated = { ...month, rated: 0, ratings: [0, 0, 0, 0, 0] }
    expect(rates(unrated).composite.percent).toBe('—')
    const settings = KpiSettings.parse({ weights: { response: 50, resolution: 50, satisfaction: 0 } })
    // 0.5 × 41/60 + 0.5 × 4/5 = 41/120 + 48/120 = 89/120.
    expect(rates(unrated, settings).composite).toMatchObject({ num: 89n, den: 120n })
  })
})

describe('exact arithmetic', () => {
  it('rounds percentages down, never up', () => {
    expect(percentText({ num: 2n, den: 3n })).toBe('66.6%')
    expect(percentText({ num: 1n, den: 1n })).toBe('100.0%')
    expect(percentText({ num: 999n, den: 1000n })).toBe('99.9%')
  })

  it('orders fractions exactly and puts an empty one last', () => {
    expect(compareFractions({ num: 2n, den: 3n }, { num: 4n, den: 6n })).toBe(0)
    expect(compareFractions({ num: 666666n, den: 1000000n }, { num: 2n, den: 3n })).toBe(-1)
    expect(compareFractions({ num: 0n, den: 0n }, { num: 0n, den: 5n })).toBe(-1)
  })

  it('sums counters field by field, histograms included', () => {
    const a = { ...emptyCounters(), received: 2, ratings: [1, 0, 0, 0, 1], ackMinutes: histogramOf(7) }
    const total = sumCounters([a, a, emptyCounters()])
    expect(total.received).toBe(4)
    expect(total.ratings).toEqual([2, 0, 0, 0, 2])
    expect(addCounters(total, a, -1)).toEqual(a)
  })

  it('lists the formulas with the street’s own numbers', () => {
    const lines = formulaLines(KpiSettings.parse({ weights: { response: 30, resolution: 35, satisfaction: 35 }, minSample: 5 }))
    expect(lines).toContain('综合得分 = 0.3 × 响应率 + 0.35 × 解决率 + 0.35 × 满意率')
    expect(lines).toContain('满意率 =（非常满意 + 满意 + 0.9 × 基本满意）÷ 期内评价数')
    expect(lines).toContain('收到不足 5 件的单位单独列出，不参与排名')
  })
})

const ratingsArb = fc.array(fc.nat(50), { minLength: 5, maxLength: 5 })
const countersArb = fc
  .record({
    received: fc.nat(500),
    ack: fc.nat(500),
    due: fc.nat(500),
    solved: fc.nat(500),
    reopened: fc.nat(500),
    ratings: ratingsArb,
  })
  .map(({ received, ack, due, solved, reopened, ratings }): Counters => {
    const resolved = Math.min(solved, due)
    return {
      ...emptyCounters(),
      received,
      acknowledged: Math.min(ack, received),
      ackOnTime: Math.min(ack, received),
      due,
      resolved,
      resolvedNotReopened: resolved - Math.min(reopened, resolved),
      onTime: Math.min(reopened, resolved),
      reopened: Math.min(reopened, resolved),
      rated: ratings.reduce((a, b) => a + b, 0),
      ratings,
    }
  })
const settingsArb = fc
  .record({ a: fc.nat(100), b: fc.nat(100), factor: fc.nat(100) })
  .filter(({ a, b }) => a + b <= 100)
  .map(({ a, b, factor }) =>
    KpiSettings.parse({ weights: { response: a, resolution: b, satisfaction: 100 - a - b }, basicSatisfiedPercent: factor }),
  )

describe('properties', () => {
  it('keeps every rate in [0, 1], or empty', () => {
    fc.assert(
      fc.property(countersArb, settingsArb, (c, s) =>
        Object.values(rates(c, s)).every((r) => r.den === 0n || (r.num >= 0n && r.num <= r.den && r.value! >= 0 && r.value! <= 1)),
      ),
    )
  })

  it('puts 综合 between the lowest and the highest weighted rate', () => {
    fc.assert(
      fc.property(countersArb, settingsArb, (c, s) => {
        const r = rates(c, s)
        if (r.composite.den === 0n) return true
        const parts = (
          [
            [s.weights.response, r.response],
            [s.weights.resolution, r.resolution],
            [s.weights.satisfaction, r.satisfaction],
          ] as const
        )
          .filter(([w]) => w > 0)
          .map(([, f]) => f)
        const lowest = parts.reduce((a, b) => (compareFractions(a, b) <= 0 ? a : b))
        const highest = parts.reduce((a, b) => (compareFractions(a, b) >= 0 ? a : b))
        return compareFractions(r.composite, lowest) >= 0 && compareFractions(r.composite, highest) <= 0
      }),
    )
  })

  it('never lowers 满意率 when one rating goes up a star, or when 基本满意 counts for more', () => {
    fc.assert(
      fc.property(ratingsArb, fc.integer({ min: 0, max: 3 }), fc.nat(99), (ratings, star, factor) => {
        if (ratings[star] === 0) return true
        const rated = ratings.reduce((a, b) => a + b, 0)
        const better = [...ratings]
        better[star]--
        better[star + 1]++
        const before = satisfactionFraction({ rated, ratings }, factor)
        return (
          compareFractions(satisfactionFraction({ rated, ratings: better }, factor), before) >= 0 &&
          compareFractions(satisfactionFraction({ rated, ratings }, factor + 1), before) >= 0
        )
      }),
    )
  })

  it('computes 综合 exactly: the same fraction as summing the parts in BigInt by hand', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(100), fc.nat(1000), fc.integer({ min: 1, max: 1000 })), { maxLength: 3 }), (parts) => {
        const f = compositeFraction(
          parts.map(([weight, num, den]) => ({ weight, f: { num: BigInt(Math.min(num, den)), den: BigInt(den) } })),
        )
        let num = 0n
        let den = 1n
        for (const [w, n, d] of parts) {
          if (w === 0) continue
          num = num * 100n * BigInt(d) + BigInt(w) * BigInt(Math.min(n, d)) * den
          den = den * 100n * BigInt(d)
        }
        return f.num * den === num * f.den
      }),
    )
  })
})
