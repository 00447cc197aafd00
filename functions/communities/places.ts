import { eq } from 'drizzle-orm'
import { can, canInStreet, type Action, type Actor, type CommunityContext, type StreetAction } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { communities, households, streets, units } from '../../db/schema/index.js'
import { AppError } from '../http/errors.js'

/** A community with its street: what permissions need for street officials. Null when there is none. */
export async function communityContext(
  db: Db | Tx,
  communityId: string,
): Promise<(CommunityContext & { streetId: string; name: string }) | null> {
  const [row] = await db
    .select({ communityId: communities.id, streetId: communities.streetId, name: communities.name })
    .from(communities)
    .where(eq(communities.id, communityId))
  return row ?? null
}

/** 404 when the community does not exist, 403 when the actor may not do `action` in it. */
export async function communityAllowing(db: Db, actor: Actor, communityId: string, action: Action) {
  const ctx = await communityContext(db, communityId)
  if (!ctx) throw new AppError('NOT_FOUND', '社区不存在')
  if (!can(actor, action, ctx)) throw new AppError('FORBIDDEN')
  return ctx
}

/** 404 when the street does not exist, 403 when the actor may not do `action` in it. */
export async function streetAllowing(db: Db, actor: Actor, streetId: string, action: StreetAction) {
  const [row] = await db.select({ id: streets.id, name: streets.name }).from(streets).where(eq(streets.id, streetId))
  if (!row) throw new AppError('NOT_FOUND', '街道不存在')
  if (!canInStreet(actor, action, { streetId })) throw new AppError('FORBIDDEN')
  return row
}

/** The building a household is in (a concern about a flat goes to its building's grid). */
export async function buildingOfHousehold(db: Db | Tx, householdId: string): Promise<string | null> {
  const [row] = await db
    .select({ buildingId: units.buildingId })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .where(eq(households.id, householdId))
  return row?.buildingId ?? null
}
