import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { z } from 'zod'
import type { PublicTrackedItem } from '../../domain/schemas/tracking.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import { isOverdue, partyLabel, trackedStatusLabels } from '../../domain/tracking/items.js'
import { MAX_PHOTOS } from '../../domain/limits.js'
import type { Db, Tx } from '../../db/client.js'
import { type PhotoRow, trackedItems } from '../../db/schema/index.js'
import { jsonShape } from '../../db/together.js'
import { photoView } from '../photos/index.js'

type PassedPhoto = Pick<PhotoRow, 'id' | 'url' | 'width' | 'height' | 'moderation'>

/**
 * What the 公示栏 shows of a tracked item, as fields of a select on `tracked_items` (its own or
 * joined under that name): the photos of its updates that passed review, newest update first, at
 * most nine. Plain SQL in the subquery: the outer column qualified (tables named in
 * db/schema/tracking.ts, photos.ts).
 */
export const publicItemFields = {
  id: trackedItems.id,
  text: trackedItems.text,
  party: trackedItems.party,
  partyName: trackedItems.partyName,
  deadline: trackedItems.deadline,
  status: trackedItems.status,
  progress: trackedItems.progress,
  lastUpdateAt: trackedItems.lastUpdateAt,
  photos: sql<PassedPhoto[]>`coalesce((select json_agg(x) from (
    select p.id, p.url, p.width, p.height, p.moderation from tracked_updates u
    join tracked_update_photos tp on tp.update_id = u.id join photos p on p.id = tp.photo_id
    where u.item_id = "tracked_items"."id" and p.moderation = 'pass'
    order by u.created_at desc, tp.position limit ${MAX_PHOTOS}) x), '[]'::json)`,
}

const publicItemShape = jsonShape(publicItemFields)
export type PublicItemRow = ReturnType<typeof publicItemShape.decode>

/**
 * A tracked item as the 公示栏 shows it: what was decided, who is responsible (a party label, never
 * a person), by when, how far it is, the last update's date and the photos that passed review. No
 * names or concern numbers; phone and room numbers written into the text are masked (＊＊＊).
 */
export function publicItemView(i: PublicItemRow, now: Date): z.output<typeof PublicTrackedItem> {
  return {
    id: i.id,
    text: scrubText(i.text),
    partyLabel: partyLabel(i.party, i.partyName),
    deadline: i.deadline.toISOString(),
    status: i.status,
    statusLabel: trackedStatusLabels[i.status],
    progress: i.progress,
    overdue: isOverdue(i, now),
    lastUpdateAt: i.lastUpdateAt?.toISOString() ?? null,
    photos: i.photos.map((p) => photoView(p, false)),
  }
}

/**
 * The 公示栏's view of a community's tracked items (`publicItemView`), in one statement. Items
 * shelved are listed too (with their status); the nearest deadline first. `itemIds` narrows it to
 * those items.
 */
export async function publicTrackedItems(
  db: Db | Tx,
  communityId: string,
  opts: { now: Date; limit?: number; itemIds?: string[] },
): Promise<z.output<typeof PublicTrackedItem>[]> {
  if (opts.itemIds && !opts.itemIds.length) return []
  const items = await db
    .select(publicItemFields)
    .from(trackedItems)
    .where(and(eq(trackedItems.communityId, communityId), opts.itemIds ? inArray(trackedItems.id, opts.itemIds) : undefined))
    .orderBy(asc(trackedItems.deadline), asc(trackedItems.id))
    .limit(opts.limit ?? 50)
  return items.map((i) => publicItemView(i, opts.now))
}
