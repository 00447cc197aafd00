import { and, asc, eq, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { pointsAccounts, residencyClaims } from '../../db/schema/index.js'

/**
 * Pieces of the points reads' single statement (decision 039). Each call builds a fresh drizzle
 * builder: they change in place, so one must not be embedded twice.
 */

/** The resident's verified household in the community (the oldest claim when there are several). */
export function householdQuery(db: Db | Tx, communityId: string, userId: string) {
  return db
    .select({ householdId: residencyClaims.householdId })
    .from(residencyClaims)
    .where(and(eq(residencyClaims.communityId, communityId), eq(residencyClaims.userId, userId), eq(residencyClaims.status, 'verified')))
    .orderBy(asc(residencyClaims.createdAt))
    .limit(1)
}

/** `householdQuery` as a scalar: the household's id, or null. */
export function householdIdOf(db: Db, communityId: string, userId: string): SQL<string | null> {
  return sql<string | null>`${householdQuery(db, communityId, userId)}`
}

/** The running balance of a resident in a community, 0 without an account. */
export function balanceOf(db: Db, communityId: string, userId: string): SQL<number> {
  const balance = db
    .select({ balance: pointsAccounts.balance })
    .from(pointsAccounts)
    .where(and(eq(pointsAccounts.communityId, communityId), eq(pointsAccounts.userId, userId)))
  return sql<number>`coalesce(${balance}, 0)`
}
