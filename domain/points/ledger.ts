import { fromChinaLocal, toChinaLocal } from '../councils/china-time.js'
import type { RedemptionStatus } from './kinds.js'

/**
 * The rules of the 道德银行 ledger and the 爱心超市, pure (docs/decisions/031). The server asks them
 * inside the transaction that holds the rows; the mini-program asks them to decide what to show.
 */

export interface LedgerEntry {
  amount: number
  kind: string
  /** For a reversal: the entry it compensates. */
  reverses?: string | null
}

/** A balance is the sum of the entries, nothing else. */
export function balanceOf(entries: readonly Pick<LedgerEntry, 'amount'>[]): number {
  let sum = 0
  for (const e of entries) sum += e.amount
  return sum
}

/** The reversing entry of an entry: the opposite amount, never zero, with the reason staff gave. */
export function reversalOf(entry: { amount: number }): { amount: number } {
  return { amount: -entry.amount }
}

export type RedeemCheck =
  | { ok: true }
  | { ok: false; code: 'ITEM_UNAVAILABLE' | 'POINTS_NOT_ENOUGH' | 'OUT_OF_STOCK'; balance: number; price: number; stock: number }

/** Whether a resident with `balance` may take one of an item: active, in stock, and affordable. */
export function redeemCheck(item: { price: number; stock: number; active: boolean }, balance: number): RedeemCheck {
  const facts = { balance, price: item.price, stock: item.stock }
  if (!item.active) return { ok: false, code: 'ITEM_UNAVAILABLE', ...facts }
  if (item.stock < 1) return { ok: false, code: 'OUT_OF_STOCK', ...facts }
  if (balance < item.price) return { ok: false, code: 'POINTS_NOT_ENOUGH', ...facts }
  return { ok: true }
}

/** What a redemption's status is at `now`: a reserved code past its expiry counts as expired. */
export function effectiveStatus(r: { status: RedemptionStatus; expiresAt: Date }, now: Date): RedemptionStatus {
  return r.status === 'reserved' && r.expiresAt.getTime() <= now.getTime() ? 'expired' : r.status
}

export type HandOverCheck = { ok: true } | { ok: false; code: 'CODE_ALREADY_USED' | 'REDEMPTION_CANCELLED' | 'REDEMPTION_EXPIRED' }

/** Staff may hand an item over once, for a reserved, unexpired code. */
export function handOverCheck(r: { status: RedemptionStatus; expiresAt: Date }, now: Date): HandOverCheck {
  const status = effectiveStatus(r, now)
  if (status === 'handed_over') return { ok: false, code: 'CODE_ALREADY_USED' }
  if (status === 'cancelled') return { ok: false, code: 'REDEMPTION_CANCELLED' }
  if (status === 'expired') return { ok: false, code: 'REDEMPTION_EXPIRED' }
  return { ok: true }
}

/** An 8-digit code from eight random values in [0, 1); leading zeros kept. */
export function redemptionCode(random: () => number): string {
  let code = ''
  for (let i = 0; i < 8; i++) code += String(Math.min(9, Math.floor(random() * 10)))
  return code
}

export const REDEMPTION_CODE = /^\d{8}$/

/** A month "YYYY-MM" in China time as [from, to) instants; null when malformed. */
export function monthBounds(month: string): { from: Date; to: Date } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month)
  if (!m) return null
  const year = Number(m[1])
  const mon = Number(m[2])
  return { from: fromChinaLocal(year, mon, 1), to: mon === 12 ? fromChinaLocal(year + 1, 1, 1) : fromChinaLocal(year, mon + 1, 1) }
}

/** The month "YYYY-MM" (China time) an instant falls in. */
export function monthOf(instant: Date): string {
  const t = toChinaLocal(instant)
  return `${t.year}-${String(t.month).padStart(2, '0')}`
}

/** A monthly statement: the opening balance, the month's entries, the closing balance. */
export function statementOf<T extends { amount: number }>(opening: number, entries: T[]) {
  const credits = entries.filter((e) => e.amount > 0).reduce((s, e) => s + e.amount, 0)
  const debits = entries.filter((e) => e.amount < 0).reduce((s, e) => s + e.amount, 0)
  return { opening, credits, debits, closing: opening + credits + debits, entries }
}

/** The month `by` months after "YYYY-MM" (negative: before). */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number)
  const index = y * 12 + (m - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}
