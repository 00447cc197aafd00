import { and, eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { memberships } from '../../db/schema/index.js'

/** The community's workers and admins: whom a new concern, topic or overdue notice goes to. */
export async function staffIds(tx: Db | Tx, communityId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), inArray(memberships.role, ['worker', 'admin'])))
  return rows.map((r) => r.userId)
}

/** The community's admins: told when a milestone is overdue, besides the worker. */
export async function adminIds(tx: Db | Tx, communityId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, 'admin')))
  return rows.map((r) => r.userId)
}
