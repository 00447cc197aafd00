import { and, eq, isNull, sql } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import { can, type Action, type Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { users } from '../../db/schema/index.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { verifyToken } from './tokens.js'

/**
 * Loads who the person is in every community: the roles granted them (worker, admin, partner) and
 * their verified households. Residency is the verified claims alone (docs/decisions/016).
 * One statement, one round trip: every authenticated request pays it before doing its own work.
 */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({
      // Plain SQL: drizzle renders columns inside a sql template unqualified, which a correlated
      // subquery cannot use. The tables are named in db/schema/users.ts and streets.ts.
      memberships: sql<Actor['memberships']>`coalesce((
        select json_agg(json_build_object('communityId', m.community_id, 'role', m.role))
        from memberships m where m.user_id = users.id and m.role <> 'resident'), '[]'::json)`,
      verifiedIn: sql<string[]>`coalesce((
        select json_agg(distinct c.community_id)
        from residency_claims c where c.user_id = users.id and c.status = 'verified'), '[]'::json)`,
      streetMemberships: sql<Actor['streetMemberships']>`coalesce((
        select json_agg(json_build_object('streetId', s.street_id, 'role', s.role))
        from street_memberships s where s.user_id = users.id), '[]'::json)`,
    })
    .from(users)
    // A deleted account keeps its row as a tombstone (decision 018): its tokens stop working.
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
  if (!row) return null
  return { userId, memberships: row.memberships, verifiedIn: row.verifiedIn, streetMemberships: row.streetMemberships }
}

/** 401 without a valid bearer token; sets `actor` for the handlers. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  // Sub-apps mounted on overlapping paths each declare it; load the actor once per request.
  if (c.get('actor')) return next()
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) throw new AppError('UNAUTHENTICATED')
  const { config, database, now } = c.var.deps
  const userId = await verifyToken(match[1], config.sessionSecret, now())
  const actor = await loadActor(database.db, userId)
  if (!actor) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录')
  c.set('actor', actor)
  c.set('log', c.var.log.child({ userId }))
  await next()
})

/** 403 unless the actor may do `action` in the community named by the `:communityId` path param. */
export function requireCan(action: Action) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const communityId = c.req.param('communityId')
    if (!communityId) throw new AppError('INTERNAL', undefined, { reason: `route has no :communityId for ${action}` })
    if (!can(c.var.actor, action, { communityId })) throw new AppError('FORBIDDEN')
    await next()
  })
}
