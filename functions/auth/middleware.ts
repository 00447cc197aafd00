import { and, eq, isNull, ne } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import { can, type Action, type Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { memberships, residencyClaims, streetMemberships, users } from '../../db/schema/index.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { verifyToken } from './tokens.js'

/**
 * Loads who the person is in every community: the roles granted them (worker, admin, partner) and
 * their verified households. Residency is the verified claims alone (docs/decisions/016).
 */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [user, ms, verified, streetMs] = await Promise.all([
    // A deleted account keeps its row as a tombstone (decision 018): its tokens stop working.
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .limit(1),
    db
      .select({ communityId: memberships.communityId, role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.userId, userId), ne(memberships.role, 'resident'))),
    db
      .selectDistinct({ communityId: residencyClaims.communityId })
      .from(residencyClaims)
      .where(and(eq(residencyClaims.userId, userId), eq(residencyClaims.status, 'verified'))),
    db
      .select({ streetId: streetMemberships.streetId, role: streetMemberships.role })
      .from(streetMemberships)
      .where(eq(streetMemberships.userId, userId)),
  ])
  if (!user.length) return null
  return { userId, memberships: ms, verifiedIn: verified.map((v) => v.communityId), streetMemberships: streetMs }
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
