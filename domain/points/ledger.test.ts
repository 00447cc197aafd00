import { describe, expect, it } from 'vitest'
import {
  balanceOf,
  effectiveStatus,
  handOverCheck,
  monthBounds,
  monthOf,
  redeemCheck,
  redemptionCode,
  reversalOf,
  shiftMonth,
  statementOf,
} from './ledger.js'

/** A small deterministic generator, so the property runs are reproducible. */
function rng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

describe('the points ledger', () => {
  it('balance = sum of entries, and a spend is allowed only up to the balance (never negative), 500 random runs', () => {
    const random = rng(31)
    for (let run = 0; run < 500; run++) {
      const entries: { amount: number; kind: string }[] = []
      for (let i = 0; i < 40; i++) {
        const r = random()
        if (r < 0.5) entries.push({ amount: 1 + Math.floor(random() * 30), kind: 'council_check_in' })
        else if (r < 0.85) {
          const price = 1 + Math.floor(random() * 60)
          const check = redeemCheck({ price, stock: 1, active: true }, balanceOf(entries))
          if (check.ok) entries.push({ amount: -price, kind: 'redemption' })
          else expect(check.code).toBe('POINTS_NOT_ENOUGH')
        } else if (entries.length) {
          const target = entries[Math.floor(random() * entries.length)]
          // Staff reverse an earning only when the balance covers it (a reversal never drives it negative).
          if (target.amount > 0 && balanceOf(entries) >= target.amount) entries.push({ ...reversalOf(target), kind: 'reversal' })
        }
        expect(balanceOf(entries)).toBeGreaterThanOrEqual(0)
      }
      expect(balanceOf(entries)).toBe(entries.reduce((s, e) => s + e.amount, 0))
    }
  })

  it('a reversal is the exact opposite, so entry + reversal sum to zero', () => {
    for (const amount of [1, 10, -200, 999]) expect(amount + reversalOf({ amount }).amount).toBe(0)
  })

  it('refuses an inactive item, an empty shelf, then too few points — with the balance', () => {
    expect(redeemCheck({ price: 50, stock: 1, active: false }, 100)).toMatchObject({ ok: false, code: 'ITEM_UNAVAILABLE' })
    expect(redeemCheck({ price: 50, stock: 0, active: true }, 100)).toMatchObject({ ok: false, code: 'OUT_OF_STOCK' })
    expect(redeemCheck({ price: 50, stock: 3, active: true }, 49)).toEqual({
      ok: false,
      code: 'POINTS_NOT_ENOUGH',
      balance: 49,
      price: 50,
      stock: 3,
    })
    expect(redeemCheck({ price: 50, stock: 3, active: true }, 50)).toEqual({ ok: true })
  })

  it('hands over a reserved code once, before it expires', () => {
    const now = new Date('2026-11-30T08:00:00Z')
    const later = new Date('2026-12-01T08:00:00Z')
    expect(handOverCheck({ status: 'reserved', expiresAt: later }, now)).toEqual({ ok: true })
    expect(handOverCheck({ status: 'reserved', expiresAt: now }, now)).toEqual({ ok: false, code: 'REDEMPTION_EXPIRED' })
    expect(handOverCheck({ status: 'handed_over', expiresAt: later }, now)).toEqual({ ok: false, code: 'CODE_ALREADY_USED' })
    expect(handOverCheck({ status: 'cancelled', expiresAt: later }, now)).toEqual({ ok: false, code: 'REDEMPTION_CANCELLED' })
    expect(effectiveStatus({ status: 'handed_over', expiresAt: now }, later)).toBe('handed_over')
  })

  it('makes 8-digit codes, leading zeros kept', () => {
    expect(redemptionCode(() => 0)).toBe('00000000')
    expect(redemptionCode(() => 0.99999)).toBe('99999999')
    expect(redemptionCode(rng(7))).toMatch(/^\d{8}$/)
  })

  it('bounds a month in China time and names the month of an instant', () => {
    expect(monthBounds('2026-11')).toEqual({ from: new Date('2026-10-31T16:00:00Z'), to: new Date('2026-11-30T16:00:00Z') })
    expect(monthBounds('2026-12')?.to).toEqual(new Date('2026-12-31T16:00:00Z'))
    expect(monthBounds('2026-13')).toBeNull()
    expect(monthOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12')
    expect([shiftMonth('2026-01', -1), shiftMonth('2026-12', 1), shiftMonth('2026-11', 0)]).toEqual(['2025-12', '2027-01', '2026-11'])
  })

  it('a statement closes at opening + credits + debits', () => {
    const s = statementOf(100, [{ amount: 10 }, { amount: -50 }, { amount: 20 }])
    expect(s).toMatchObject({ opening: 100, credits: 30, debits: -50, closing: 80 })
  })
})
