import { and, eq, inArray, type Placeholder, type SQL, sql } from 'drizzle-orm'
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

/** The same ids as a JSON array, a value of the caller's own statement (decision 037). Plain SQL (table in db/schema/users.ts). */
export function staffIdsValue(communityId: string | Placeholder | SQL): SQL<string[]> {
  return sql<string[]>`coalesce((select json_agg(m.user_id) from memberships m
    where m.community_id = ${communityId} and m.role in ('worker', 'admin')), '[]'::json)`
}

/**
 * Whether the person is a worker or admin of the community, as a SQL value: `hasRole(actor,
 * communityId, 'worker', 'admin')` of domain/permissions.ts, for a read whose rows depend on it
 * inside its one statement (decision 039). Plain SQL (table in db/schema/users.ts).
 */
export function isStaffSql(userId: string, communityId: string | SQL): SQL<boolean> {
  return sql<boolean>`exists (select 1 from memberships m where m.user_id = ${userId} and m.community_id = ${communityId}
    and m.role in ('worker', 'admin'))`
}

/** The community's admins: told when a milestone is overdue, besides the worker. */
export async function adminIds(tx: Db | Tx, communityId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, 'admin')))
  return rows.map((r) => r.userId)
}
