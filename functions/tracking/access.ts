import { eq } from 'drizzle-orm'
import { can, type Actor } from '../../domain/permissions.js'
import { mayManageTracked, mayPostUpdate, mayReadTracked } from '../../domain/tracking/items.js'
import type { Db } from '../../db/client.js'
import { communities, concerns, councilSessions, trackedItems, users, type TrackedItemRow } from '../../db/schema/index.js'
import { jsonShape } from '../../db/together.js'
import { partnerOrgs } from '../concerns/index.js'
import { AppError } from '../http/errors.js'

/**
 * Who is looking at a tracked item: staff (edit), the street (reads like staff), a partner named
 * as its party, a resident of the community (reads, de-identified), or nobody (404).
 */
export type TrackedAudience = 'staff' | 'street' | 'partner' | 'resident' | 'none'

export function audienceOfItem(
  actor: Actor,
  item: Pick<TrackedItemRow, 'communityId' | 'partyName'>,
  streetId: string,
  orgs: readonly string[],
): TrackedAudience {
  const ctx = { communityId: item.communityId, streetId }
  if (mayManageTracked(actor, ctx)) return 'staff'
  if (can(actor, 'overdue.view', ctx)) return 'street'
  if (item.partyName && orgs.includes(item.partyName)) return 'partner'
  if (actor.verifiedIn.includes(item.communityId)) return 'resident'
  return 'none'
}

/** Staff and the street see names (the worker responsible, who posted); residents and partners do not. */
export const privileged = (a: TrackedAudience) => a === 'staff' || a === 'street'

/** The item with what its views need: the street, the session's title, the worker's name, the concern's number. */
export function itemRows(db: Db) {
  return db
    .select({
      item: trackedItems,
      streetId: communities.streetId,
      sessionTitle: councilSessions.title,
      workerName: users.nickname,
      concernNo: concerns.publicNo,
    })
    .from(trackedItems)
    .innerJoin(communities, eq(communities.id, trackedItems.communityId))
    .leftJoin(councilSessions, eq(councilSessions.id, trackedItems.sessionId))
    .leftJoin(users, eq(users.id, trackedItems.workerId))
    .leftJoin(concerns, eq(concerns.id, trackedItems.concernId))
}

export type ItemRow = Awaited<ReturnType<ReturnType<typeof itemRows>['execute']>>[number]

/** The same row as one JSON value (`itemParts`), for a read in one statement (decision 039). */
export const itemShape = jsonShape({
  item: trackedItems,
  streetId: communities.streetId,
  sessionTitle: councilSessions.title,
  workerName: users.nickname,
  concernNo: concerns.publicNo,
})

/** `itemRows` selecting `itemShape`'s JSON: a part for `allOf` / `firstOf`. */
export function itemParts(db: Db) {
  return db
    .select({ r: itemShape.object })
    .from(trackedItems)
    .innerJoin(communities, eq(communities.id, trackedItems.communityId))
    .leftJoin(councilSessions, eq(councilSessions.id, trackedItems.sessionId))
    .leftJoin(users, eq(users.id, trackedItems.workerId))
    .leftJoin(concerns, eq(concerns.id, trackedItems.concernId))
}

/** An item the actor may see, or 404 for every verb on it; with what the actor may do to it. */
export async function visibleItem(db: Db, actor: Actor, id: string) {
  const [row] = await itemRows(db).where(eq(trackedItems.id, id))
  return seenItem(actor, row)
}

/** `visibleItem` for a row already read (none: 404). */
export function seenItem(actor: Actor, row: ItemRow | undefined) {
  if (!row) throw new AppError('NOT_FOUND', '跟踪事项不存在')
  const orgs = partnerOrgs(actor, row.item.communityId)
  const audience = audienceOfItem(actor, row.item, row.streetId, orgs)
  if (audience === 'none') throw new AppError('NOT_FOUND', '跟踪事项不存在')
  return {
    row,
    audience,
    orgs,
    canManage: audience === 'staff',
    canPostUpdate: mayPostUpdate(actor, row.item, orgs),
  }
}

export { mayReadTracked }
