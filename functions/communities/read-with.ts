import { eq, inArray, type SQL, type SQLWrapper } from 'drizzle-orm'
import { can, type Action, type Actor, type CommunityContext } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { communities } from '../../db/schema/index.js'
import { firstOf, jsonShape, together } from '../../db/together.js'
import { type ActorColumns, actorJson, actorOf } from '../auth/index.js'
import { AppError } from '../http/errors.js'

type PartsOf<P extends Record<string, SQL>> = { [K in keyof P]: P[K]['_']['type'] }

const communityShape = jsonShape({ communityId: communities.id, streetId: communities.streetId, name: communities.name })

/**
 * The community (with its street, for officials, and its name) as a part of one statement: by id,
 * or as the community of a subquery's row (an errand's, an activity's). `communityFrom` reads it.
 */
export function communityPart(db: Db, id: string | SQLWrapper): SQL<unknown | null> {
  const where = typeof id === 'string' ? eq(communities.id, id) : inArray(communities.id, id)
  return firstOf(db.select({ r: communityShape.object }).from(communities).where(where))
}

/** `communityPart`'s value: the permission context with the name, or null for no such community. */
export function communityFrom(value: unknown): (CommunityContext & { streetId: string; name: string }) | null {
  return value ? communityShape.decode(value) : null
}

/**
 * A read that is one statement with the actor (decision 039): `parts` (built with db/together.ts)
 * come back beside the signed-in person; 401 for a deleted account before anything is returned.
 */
export async function readSignedIn<P extends Record<string, SQL>>(
  db: Db,
  userId: string,
  parts: P,
): Promise<PartsOf<P> & { actor: Actor }> {
  const row = await together(db, { ...parts, actor: actorJson(userId) })
  return { ...(row as PartsOf<P>), actor: actorOf(userId, row.actor as ActorColumns | null) }
}

/**
 * A community's read as one statement: the actor, the community (with its street, for officials)
 * and `parts`; then 401 for a deleted account, 404 for no such community, 403 unless the actor may
 * do `action` there — all before anything of `parts` is returned. A refused read costs the same
 * round trip as an allowed one.
 */
export async function readInCommunity<P extends Record<string, SQL>>(
  db: Db,
  userId: string,
  communityId: string,
  action: Action,
  parts: P,
): Promise<PartsOf<P> & { actor: Actor; ctx: CommunityContext & { streetId: string; name: string } }> {
  const { community, ...rest } = await readSignedIn(db, userId, {
    ...parts,
    community: communityPart(db, communityId),
  })
  const ctx = communityFrom(community)
  if (!ctx) throw new AppError('NOT_FOUND', '社区不存在')
  if (!can(rest.actor, action, ctx)) throw new AppError('FORBIDDEN')
  return { ...(rest as unknown as PartsOf<P> & { actor: Actor }), ctx }
}

/**
 * A read whose permission is checked before its input, as when the check was a route middleware:
 * `build` makes the parts and may refuse the input (a bad query or cursor); that refusal waits
 * until `check` (which throws the 403) has passed, so a refused person hears 403 whatever they ask.
 */
export async function readSignedInChecked<P extends Record<string, SQL>>(
  db: Db,
  userId: string,
  check: (actor: Actor) => void,
  build: () => P,
): Promise<PartsOf<P> & { actor: Actor }> {
  let parts: P | undefined
  let refusal: unknown
  try {
    parts = build()
  } catch (err) {
    refusal = err
  }
  const row = await readSignedIn(db, userId, parts ?? ({} as P))
  check(row.actor)
  if (!parts) throw refusal
  return row
}
