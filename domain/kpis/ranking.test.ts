import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Counters, defaultKpiSettings, emptyCounters, KpiSettings } from './formulas.js'
import { rank } from './ranking.js'

/** A unit with `received` concerns, all acknowledged in time and due, `solved` of them solved, all rated 5★. */
function unit(received: number, solved: number, rated = received): Counters {
  return {
    ...emptyCounters(),
    received,
    acknowledged: received,
    ackOnTime: received,
    due: received,
    resolved: solved,
    resolvedNotReopened: solved,
    onTime: solved,
    rated,
    ratings: [0, 0, 0, 0, rated],
  }
}

describe('ranking', () => {
  it('ranks by 综合, best first, sharing a rank on an exact tie', () => {
    const r = rank(
      [
        { key: '和平', counters: unit(20, 10) },
        { key: '兴隆', counters: unit(20, 18) },
        { key: '新华', counters: unit(40, 36) },
        { key: '胜利', counters: unit(10, 5) },
      ],
      defaultKpiSettings,
    )
    expect(r.ranked.map((x) => [x.key, x.rank, x.rates.composite.percent])).toEqual([
      ['兴隆', 1, '95.0%'],
      ['新华', 1, '95.0%'],
      ['和平', 3, '75.0%'],
      ['胜利', 3, '75.0%'],
    ])
    expect(r.apart).toEqual([])
  })

  it('lists units under the minimum sample apart, never ranked, with the reason', () => {
    const r = rank(
      [
        { key: 'small', counters: unit(9, 9) },
        { key: 'big', counters: unit(10, 1) },
      ],
      defaultKpiSettings,
    )
    expect(r.ranked.map((x) => x.key)).toEqual(['big'])
    expect(r.apart).toMatchObject([{ key: 'small', sample: 9, reason: '样本不足：收到 9 件，少于 10 件，不参与排名' }])
  })

  it('lists apart a unit whose 综合 cannot be computed (nothing rated)', () => {
    const r = rank([{ key: 'unrated', counters: unit(30, 30, 0) }], defaultKpiSettings)
    expect(r.ranked).toEqual([])
    expect(r.apart[0].reason).toBe('满意率本期无数据，无法计算综合得分，不参与排名')
  })

  it('follows the street’s minimum sample', () => {
    const r = rank([{ key: 'x', counters: unit(3, 3) }], KpiSettings.parse({ minSample: 3 }))
    expect(r.ranked).toHaveLength(1)
  })

  it('tells apart two 综合 figures that differ only in the twelfth decimal, and ties only equal ones', () => {
    // 解决率 999,999,999 / 1,000,000,000 against 999,999,998 / 999,999,999: apart by about 1e-18.
    const r = rank(
      [
        { key: 'b', counters: unit(999_999_999, 999_999_998) },
        { key: 'a', counters: unit(1_000_000_000, 999_999_999) },
        { key: 'a2', counters: unit(2_000_000_000, 1_999_999_998) },
      ],
      defaultKpiSettings,
    )
    expect(r.ranked.map((x) => [x.key, x.rank])).toEqual([
      ['a', 1],
      ['a2', 1],
      ['b', 3],
    ])
  })
  it('never ranks a unit above one with a strictly better 综合', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.nat(60)), { maxLength: 20 }), (units) => {
        const r = rank(
          units.map(([n, s], i) => ({ key: i, counters: unit(n, Math.min(s, n)) })),
          defaultKpiSettings,
        )
        expect(r.ranked.length + r.apart.length).toBe(units.length)
        for (let i = 1; i < r.ranked.length; i++) {
          const [a, b] = [r.ranked[i - 1], r.ranked[i]]
          expect(a.rank).toBeLessThanOrEqual(b.rank)
          expect(a.rates.composite.num * b.rates.composite.den >= b.rates.composite.num * a.rates.composite.den).toBe(true)
        }
        expect(r.ranked.every((x) => x.sample >= 10)).toBe(true)
      }),
    )
  })
})
