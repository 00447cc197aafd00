import { and, eq, exists, getTableColumns, ne, sql, type SQL } from 'drizzle-orm'
import type { Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { councilSessions, memberships, residencyClaims } from '../../db/schema/index.js'
import { firstOf, jsonShape } from '../../db/together.js'
import { isStaffSql, readSignedIn } from '../communities/index.js'
import { AppError } from '../http/errors.js'
import { seenSession } from './common.js'

/**
 * What the council reads share to be one statement each with the actor (decision 039): the session
 * as a part, the checks after it, and the actor-dependent filters of lists as SQL.
 */

export const sessionShape = jsonShape(getTableColumns(councilSessions))

/** The session `id` (a value or a subquery) as a part; null when there is none. */
export function sessionJson(db: Db, id: string | SQL) {
  return firstOf(db.select({ r: sessionShape.object }).from(councilSessions).where(eq(councilSessions.id, id)))
}

/** The session the actor may see, from its part (404 otherwise, as `visibleSession`). */
export function sessionFrom(actor: Actor, value: unknown) {
  if (!value) throw new AppError('NOT_FOUND', '议事会不存在')
  return seenSession(actor, sessionShape.decode(value))
}

/**
 * The actor, the session and `parts` in one statement; 401 for a deleted account, then 404 unless
 * the actor may see the session — before anything of `parts` is used.
 */
export async function readSession<P extends Record<string, SQL>>(db: Db, userId: string, sessionId: string, parts: P) {
  const { session, ...rest } = await readSignedIn(db, userId, { ...parts, session: sessionJson(db, sessionId) })
  return { ...rest, ...sessionFrom(rest.actor, session) }
}

/**
 * The sessions of a community list the user sees, as SQL (`listAudience`): all of them for its staff
 * and verified residents, else those inviting one of the user's partner organisations by name.
 * Whoever sees none is refused by the caller after the read.
 */
export function sessionsSeenBy(db: Db, userId: string, communityId: string): SQL {
  const verified = db
    .select({ one: sql`1` })
    .from(residencyClaims)
    .where(and(eq(residencyClaims.userId, userId), eq(residencyClaims.communityId, communityId), eq(residencyClaims.status, 'verified')))
  const orgs = db
    .select({ name: memberships.orgName })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, userId),
        eq(memberships.communityId, communityId),
        eq(memberships.role, 'partner'),
        ne(memberships.orgName, ''),
      ),
    )
  return sql`(${isStaffSql(userId, communityId)} or ${exists(verified)} or exists (select 1 from jsonb_array_elements(${councilSessions.invitedParties}) p where p->>'name' in ${orgs}))`
}
