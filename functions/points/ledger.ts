import { and, eq, sql } from 'drizzle-orm'
import type { EarningKind, EntryKind } from '../../domain/points/kinds.js'
import { defaultRuleAmounts } from '../../domain/points/kinds.js'
import type { Db, Tx } from '../../db/client.js'
import { pointsAccounts, pointsEntries, pointsRules } from '../../db/schema/index.js'
import { AppError } from '../http/errors.js'
import { householdQuery } from './parts.js'

/**
 * Writing the ledger (docs/decisions/031). Every entry goes through `postEntry`, which keeps the
 * account's running balance in the same transaction: a credit adds, a debit is a conditional update
 * (balance + amount >= 0) that locks the account row, so two spends at once cannot both pass. There is
 * no update or delete of an entry anywhere; the database refuses them too (trigger).
 */

export interface EntryInput {
  communityId: string
  userId: string
  amount: number
  kind: EntryKind
  sourceType: string
  sourceId: string
  reason: string
  createdBy: string | null
  createdAt: Date
}

/** The resident's verified household in the community (the oldest claim when there are several). */
export async function householdOf(db: Db | Tx, communityId: string, userId: string): Promise<string | null> {
  const [row] = await householdQuery(db, communityId, userId)
  return row?.householdId ?? null
}

/**
 * Appends one entry and moves the balance. A debit the balance cannot cover throws
 * POINTS_NOT_ENOUGH (the caller's transaction rolls back). An entry whose (person, kind, source) is
 * already in the ledger is not written again: returns null (a second check-in earns nothing).
 */
export async function postEntry(tx: Tx, e: EntryInput): Promise<{ id: string; balance: number } | null> {
  const id = await insertEntry(tx, e)
  if (!id) return null
  if (e.amount < 0) {
    const [debited] = await tx
      .update(pointsAccounts)
      .set({ balance: sql`${pointsAccounts.balance} + ${e.amount}` })
      .where(
        and(
          eq(pointsAccounts.communityId, e.communityId),
          eq(pointsAccounts.userId, e.userId),
          sql`${pointsAccounts.balance} + ${e.amount} >= 0`,
        ),
      )
      .returning({ balance: pointsAccounts.balance })
    if (debited) return { id, balance: debited.balance }
    const balance = await balanceIn(tx, e.communityId, e.userId)
    throw new AppError('POINTS_NOT_ENOUGH', `积分不够：需要 ${-e.amount} 分，您现在有 ${balance} 分`, { balance, needed: -e.amount })
  }
  const [account] = await tx
    .insert(pointsAccounts)
    .values({ communityId: e.communityId, userId: e.userId, balance: e.amount })
    .onConflictDoUpdate({
      target: [pointsAccounts.communityId, pointsAccounts.userId],
      set: { balance: sql`${pointsAccounts.balance} + ${e.amount}` },
    })
    .returning({ balance: pointsAccounts.balance })
  return { id, balance: account.balance }
}

async function insertEntry(tx: Tx, e: EntryInput): Promise<string | null> {
  const householdId = await householdOf(tx, e.communityId, e.userId)
  const [row] = await tx
    .insert(pointsEntries)
    .values({ ...e, householdId })
    .onConflictDoNothing({ target: [pointsEntries.userId, pointsEntries.kind, pointsEntries.sourceId] })
    .returning({ id: pointsEntries.id })
  return row?.id ?? null
}

/** The running balance of a resident in a community (0 without an account). */
export async function balanceIn(db: Db | Tx, communityId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ balance: pointsAccounts.balance })
    .from(pointsAccounts)
    .where(and(eq(pointsAccounts.communityId, communityId), eq(pointsAccounts.userId, userId)))
  return row?.balance ?? 0
}

/** The community's amount for a kind of event (its rule, or the default until staff set one). */
export async function ruleAmount(db: Db | Tx, communityId: string, kind: EarningKind): Promise<number> {
  const [row] = await db
    .select({ amount: pointsRules.amount })
    .from(pointsRules)
    .where(and(eq(pointsRules.communityId, communityId), eq(pointsRules.kind, kind)))
  return row?.amount ?? defaultRuleAmounts[kind]
}

export interface AwardInput {
  communityId: string
  userId: string
  kind: EarningKind
  /** What earned it: e.g. the council session, the errand, the volunteer shift, the good-deed report. */
  sourceType: string
  sourceId: string
  reason: string
  /** Who verified it (staff, the person helped); null for a check-in the resident did themselves. */
  createdBy: string | null
  at: Date
  /** Overrides the rule's amount (e.g. a volunteer shift of 3 hours: 3 × the hourly rule); 1–1000. */
  amount?: number
}

/**
 * Pays the community's points for a verified event inside the caller's transaction, once per
 * (person, kind, source). Returns the entry and new balance, or null when nothing was paid (already
 * paid, or the rule is 0). Errands and volunteering call this through the module's index.
 */
export async function awardPoints(tx: Tx, a: AwardInput): Promise<{ id: string; balance: number } | null> {
  const amount = a.amount ?? (await ruleAmount(tx, a.communityId, a.kind))
  if (!Number.isInteger(amount) || amount < 0 || amount > 1000) throw new AppError('VALIDATION_FAILED', '积分数额不合理')
  if (amount === 0) return null
  return postEntry(tx, {
    communityId: a.communityId,
    userId: a.userId,
    amount,
    kind: a.kind,
    sourceType: a.sourceType,
    sourceId: a.sourceId,
    reason: a.reason,
    createdBy: a.createdBy,
    createdAt: a.at,
  })
}
