import { and, eq, getTableColumns, inArray, type SQLWrapper } from 'drizzle-orm'
import {
  checkErrandAction,
  errandActionTarget,
  stationServes,
  type ErrandAction,
  type ErrandStanding,
  type ErrandStatus,
} from '../../domain/errands/errands.js'
import { can, type Actor, type CommunityContext } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { errands, errandStations } from '../../db/schema/index.js'
import { firstOf, jsonShape } from '../../db/together.js'
import { communityContext } from '../communities/index.js'
import { AppError } from '../http/errors.js'

export type ErrandRow = typeof errands.$inferSelect
export type StationRow = typeof errandStations.$inferSelect

/** The station this person keeps in the community, if any (one per helper and community). */
export async function stationOf(db: Db | Tx, communityId: string, userId: string): Promise<StationRow | null> {
  const [row] = await db
    .select()
    .from(errandStations)
    .where(and(eq(errandStations.communityId, communityId), eq(errandStations.helperId, userId)))
  return row ?? null
}

/** How the actor stands to an errand: its asker, its helper, a station that may still accept it, staff. */
export function standingOf(actor: Actor, row: ErrandRow, station: StationRow | null, staff: boolean): ErrandStanding {
  return {
    asker: row.askedBy === actor.userId,
    helper: row.helperId !== null && row.helperId === actor.userId,
    candidate: row.status === 'asked' && !!station && stationServes(station, row),
    staff,
  }
}

/**
 * An errand the actor may see, with their standing; 404 for everyone else — including a helper
 * whose station does not serve it, or who was not the one to accept it.
 */
export function seenErrand(actor: Actor, row: ErrandRow | null, ctx: CommunityContext | null, station: StationRow | null) {
  if (!row || !ctx) throw new AppError('NOT_FOUND', '这件代办不存在')
  const staff = can(actor, 'errands.manage', ctx)
  const standing = standingOf(actor, row, station, staff)
  if (!standing.asker && !standing.helper && !standing.candidate && !staff) throw new AppError('NOT_FOUND', '这件代办不存在')
  return { row, station, standing }
}

/** `seenErrand` read apart (the steps, which then change it in their transaction). */
export async function visibleErrand(db: Db | Tx, actor: Actor, errandId: string) {
  const [row] = await db.select().from(errands).where(eq(errands.id, errandId))
  const ctx = row ? await communityContext(db, row.communityId) : null
  const station = row && ctx ? await stationOf(db, row.communityId, actor.userId) : null
  return seenErrand(actor, row ?? null, ctx, station)
}

/** As a part of a read: the station this person keeps in the community (`communityIds`: its id, or a select of it). */
export function ownStationPart(db: Db, communityIds: SQLWrapper | readonly string[], userId: string) {
  return firstOf(
    db
      .select({ r: stationShape.object })
      .from(errandStations)
      .where(and(inArray(errandStations.communityId, communityIds), eq(errandStations.helperId, userId))),
  )
}

export const stationShape = jsonShape(getTableColumns(errandStations))

/**
 * Takes one step of the lifecycle as a conditional update (`where status = <the status read>`):
 * a concurrent step makes it match nothing, answered 409 ERRAND_CHANGED instead of overwriting.
 */
export async function moveErrand(
  tx: Tx,
  row: ErrandRow,
  standing: ErrandStanding,
  action: ErrandAction,
  set: Partial<ErrandRow>,
): Promise<ErrandRow> {
  const verdict = checkErrandAction(action, row.status, standing)
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message)
  const [moved] = await tx
    .update(errands)
    .set({ ...set, status: errandActionTarget[action] })
    .where(and(eq(errands.id, row.id), eq(errands.status, row.status as ErrandStatus)))
    .returning()
  if (!moved) throw new AppError('ERRAND_CHANGED')
  return moved
}
