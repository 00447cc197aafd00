import { type Placeholder, type SQL, sql } from 'drizzle-orm'
import { createMiddleware } from 'hono/factory'
import { can, type Action, type Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { verifyToken } from './tokens.js'

export type ActorColumns = Pick<Actor, 'memberships' | 'verifiedIn' | 'streetMemberships'>

/**
 * Who the person is in every community, as one JSON value (null for no such account): the roles
 * granted them (worker, admin, partner with its organisation) and their verified households.
 * Residency is the verified claims alone (docs/decisions/016). A read on a hot path selects it as
 * a column of its own statement, so the actor costs no round trip of its own (decision 037).
 * Plain SQL: drizzle renders columns inside a sql template unqualified, which a correlated
 * subquery cannot use. The tables are named in db/schema/users.ts and streets.ts.
 */
export function actorJson(userId: string | Placeholder | SQL): SQL<ActorColumns | null> {
  return sql<ActorColumns | null>`(select json_build_object(
    'memberships', coalesce((select json_agg(json_build_object('communityId', m.community_id, 'role', m.role, 'orgName', m.org_name))
      from memberships m where m.user_id = u.id and m.role <> 'resident'), '[]'::json),
    'verifiedIn', coalesce((select json_agg(distinct c.community_id)
      from residency_claims c where c.user_id = u.id and c.status = 'verified'), '[]'::json),
    'streetMemberships', coalesce((select json_agg(json_build_object('streetId', s.street_id, 'role', s.role))
      from street_memberships s where s.user_id = u.id), '[]'::json))
    from users u where u.id = ${userId} and u.deleted_at is null)`
}

/**
 * The actor from `actorJson`'s value; 401 when the account is gone — a deleted account keeps its
 * row as a tombstone (decision 018) and its tokens stop working.
 */
export function actorOf(userId: string, columns: ActorColumns | null | undefined): Actor {
  if (!columns) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录')
  return { userId, memberships: columns.memberships, verifiedIn: columns.verifiedIn, streetMemberships: columns.streetMemberships }
}

/**
 * The actor that came with `row` (its `actorJson` column), or read alone when the statement found
 * no row to carry it; 401 for a deleted account.
 */
export async function actorFrom(db: Db, userId: string, row: { actor: ActorColumns | null } | undefined): Promise<Actor> {
  return actorOf(userId, row ? row.actor : await loadActor(db, userId))
}

/** The actor alone, in one statement (null when there is no such account). */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [row] = await db.select({ actor: actorJson(userId) }).from(sql`(values (1)) as one`)
  return row?.actor ? actorOf(userId, row.actor) : null
}

/**
 * The signed-in person's id from the bearer token (401 without a valid one), for the reads that
 * load the actor inside their own statement; `requireUser` loads it on its own.
 */
export const requireSignedIn = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('userId')) return next()
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) throw new AppError('UNAUTHENTICATED')
  const { config, now } = c.var.deps
  const userId = await verifyToken(match[1], config.sessionSecret, now())
  c.set('userId', userId)
  await next()
})

/** 401 without a valid bearer token; sets `actor` for the handlers. */
export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  // Sub-apps mounted on overlapping paths each declare it; load the actor once per request.
  if (c.get('actor')) return next()
  await requireSignedIn(c, async () => {
    const actor = await loadActor(c.var.deps.database.db, c.var.userId)
    if (!actor) throw new AppError('UNAUTHENTICATED', '账号不存在或已注销，请重新登录')
    c.set('actor', actor)
    await next()
  })
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
