import { describe, expect, it } from 'vitest'
import { placeDots, rankNeeds, roundPhase } from './dots.js'

const t = (h: number) => new Date(Date.UTC(2026, 10, 1, h))

describe('dot vote', () => {
  it('knows when a round is open', () => {
    const round = { opensAt: t(8), closesAt: t(20) }
    expect(roundPhase(round, t(7))).toBe('upcoming')
    expect(roundPhase(round, t(8))).toBe('open')
    expect(roundPhase(round, t(20))).toBe('closed')
  })

  it('allows several dots on one need up to the allowance, and says how many are left', () => {
    expect(placeDots({ allowance: 3, onOtherNeeds: 0, count: 3, phase: 'open' })).toEqual({ ok: true, used: 3, left: 0 })
    expect(placeDots({ allowance: 3, onOtherNeeds: 1, count: 2, phase: 'open' })).toEqual({ ok: true, used: 3, left: 0 })
    expect(placeDots({ allowance: 3, onOtherNeeds: 2, count: 2, phase: 'open' })).toEqual({ ok: false, reason: 'too_many_dots', left: 1 })
    expect(placeDots({ allowance: 3, onOtherNeeds: 2, count: 0, phase: 'open' })).toEqual({ ok: true, used: 2, left: 1 })
  })

  it('refuses outside the round', () => {
    expect(placeDots({ allowance: 3, onOtherNeeds: 0, count: 1, phase: 'closed' })).toMatchObject({ ok: false, reason: 'round_not_open' })
    expect(placeDots({ allowance: 3, onOtherNeeds: 0, count: 1, phase: 'upcoming' })).toMatchObject({ ok: false })
  })

  it('never lets a resident hold more than the allowance, whatever the order of placements', () => {
    for (let seed = 0; seed < 200; seed++) {
      const held = new Map<number, number>()
      let x = seed
      for (let step = 0; step < 20; step++) {
        x = (x * 1103515245 + 12345) % 2 ** 31
        const need = x % 4
        const count = (x >> 4) % 5
        const others = [...held].filter(([n]) => n !== need).reduce((s, [, c]) => s + c, 0)
        const r = placeDots({ allowance: 3, onOtherNeeds: others, count, phase: 'open' })
        if (r.ok) held.set(need, count)
        expect([...held.values()].reduce((s, c) => s + c, 0)).toBeLessThanOrEqual(3)
      }
    }
  })

  it('ranks by dots, then supporters, then age; equal needs share a rank', () => {
    const ranked = rankNeeds([
      { needId: 'a', dots: 2, supporters: 1, createdAt: t(1) },
      { needId: 'b', dots: 5, supporters: 0, createdAt: t(2) },
      { needId: 'c', dots: 2, supporters: 1, createdAt: t(3) },
      { needId: 'd', dots: 2, supporters: 4, createdAt: t(4) },
      { needId: 'e', dots: 0, supporters: 0, createdAt: t(0) },
    ])
    expect(ranked.map((r) => [r.needId, r.rank])).toEqual([
      ['b', 1],
      ['d', 2],
      ['a', 3],
      ['c', 3],
      ['e', 5],
    ])
  })
})
