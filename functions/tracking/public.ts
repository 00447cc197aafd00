import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import type { PublicTrackedItem } from '../../domain/schemas/tracking.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import { isOverdue, partyLabel, trackedStatusLabels } from '../../domain/tracking/items.js'
import { MAX_PHOTOS } from '../../domain/limits.js'
import type { Db, Tx } from '../../db/client.js'
import { photos, trackedItems, trackedUpdatePhotos, trackedUpdates } from '../../db/schema/index.js'
import { photoView } from '../photos/index.js'

/**
 * The 公示栏's view of a community's tracked items: what was decided, who is responsible (a party
 * label, never a person), by when, how far it is, the last update's date and the photos that
 * passed review (newest first, at most nine per item). No names or concern numbers; phone and
 * room numbers written into the text are masked (＊＊＊).
 * Items shelved are listed too (with their status); the nearest deadline first. `itemIds` narrows
 * it to those items (a project's, for its place on the board).
 */
export async function publicTrackedItems(
  db: Db | Tx,
  communityId: string,
  opts: { now: Date; limit?: number; itemIds?: string[] },
): Promise<z.output<typeof PublicTrackedItem>[]> {
  if (opts.itemIds && !opts.itemIds.length) return []
  const items = await db
    .select()
    .from(trackedItems)
    .where(and(eq(trackedItems.communityId, communityId), opts.itemIds ? inArray(trackedItems.id, opts.itemIds) : undefined))
    .orderBy(asc(trackedItems.deadline), asc(trackedItems.id))
    .limit(opts.limit ?? 50)
  if (!items.length) return []
  const shown = await db
    .select({ itemId: trackedUpdates.itemId, photo: photos })
    .from(trackedUpdatePhotos)
    .innerJoin(trackedUpdates, eq(trackedUpdates.id, trackedUpdatePhotos.updateId))
    .innerJoin(photos, eq(photos.id, trackedUpdatePhotos.photoId))
    .where(
      and(
        inArray(
          trackedUpdates.itemId,
          items.map((i) => i.id),
        ),
        eq(photos.moderation, 'pass'),
      ),
    )
    .orderBy(desc(trackedUpdates.createdAt), asc(trackedUpdatePhotos.position))
  return items.map((i) => ({
    id: i.id,
    text: scrubText(i.text),
    partyLabel: partyLabel(i.party, i.partyName),
    deadline: i.deadline.toISOString(),
    status: i.status,
    statusLabel: trackedStatusLabels[i.status],
    progress: i.progress,
    overdue: isOverdue(i, opts.now),
    lastUpdateAt: i.lastUpdateAt?.toISOString() ?? null,
    photos: shown
      .filter((s) => s.itemId === i.id)
      .slice(0, MAX_PHOTOS)
      .map((s) => photoView(s.photo, false)),
  }))
}
