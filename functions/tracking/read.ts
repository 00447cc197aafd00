import { and, asc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import type { TrackedItemsQuery } from '../../domain/schemas/tracking.js'
import { mayReadTracked, trackedFilters, type TrackedFilter } from '../../domain/tracking/items.js'
import type { Db } from '../../db/client.js'
import { photos, trackedItems, trackedUpdatePhotos, trackedUpdates, users } from '../../db/schema/index.js'
import { communityContext } from '../communities/index.js'
import { partnerOrgs } from '../concerns/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { afterCursor, toPage } from '../http/cursor.js'
import { audienceOfItem, itemRows, visibleItem, type TrackedAudience } from './access.js'
import { toSummary, toUpdate, type UpdateRow } from './views.js'

const open = inArray(trackedItems.status, ['not_started', 'in_progress'])

/** The SQL of a list filter (全部, 逾期, one status). */
export function filterSql(filter: TrackedFilter, now: Date): SQL | undefined {
  if (filter === 'all') return undefined
  if (filter === 'overdue') return and(open, lt(trackedItems.deadline, now))
  return eq(trackedItems.status, filter)
}

/**
 * A community's tracked items, the nearest deadline first (keyset on deadline, id), with how many
 * each filter holds. Staff, the street and residents see them all; a partner the ones naming it.
 */
export async function listTrackedItems(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof TrackedItemsQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const ctx = await communityContext(db, communityId)
  if (!ctx) throw new AppError('NOT_FOUND', '社区不存在')
  if (!mayReadTracked(actor, ctx)) throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看决议跟踪')
  const orgs = partnerOrgs(actor, communityId)
  const audience: TrackedAudience = audienceOfItem(actor, { communityId, partyName: null }, ctx.streetId, orgs)
  const scope = and(
    eq(trackedItems.communityId, communityId),
    audience === 'none' ? (orgs.length ? inArray(trackedItems.partyName, orgs) : sql`false`) : undefined,
    q.sessionId ? eq(trackedItems.sessionId, q.sessionId) : undefined,
  )
  const shown: TrackedAudience = audience === 'none' ? 'partner' : audience
  const [rows, [counted]] = await Promise.all([
    itemRows(db)
      .where(and(scope, filterSql(q.filter, now), afterCursor(q.cursor, { at: trackedItems.deadline, id: trackedItems.id }, 'asc')))
      .orderBy(asc(trackedItems.deadline), asc(trackedItems.id))
      .limit(q.limit + 1),
    // One scan for every filter's count.
    db
      .select(
        Object.fromEntries(
          trackedFilters.map((f) => [f, sql<number>`(count(*) filter (where ${filterSql(f, now) ?? sql`true`}))::int`]),
        ) as Record<TrackedFilter, SQL<number>>,
      )
      .from(trackedItems)
      .where(scope),
  ])
  const counts = Object.fromEntries(trackedFilters.map((f) => [f, Number(counted?.[f] ?? 0)])) as Record<TrackedFilter, number>
  const page = toPage(
    rows,
    q.limit,
    (r) => toSummary(r, shown, now),
    (r) => ({ at: r.item.deadline, id: r.item.id }),
  )
  return { ...page, counts }
}

/** The updates of an item, oldest first, with their photos. */
export async function updatesOf(db: Db, itemId: string, audience: TrackedAudience, viewerId: string) {
  const rows: UpdateRow[] = await db
    .select({
      id: trackedUpdates.id,
      authorId: trackedUpdates.authorId,
      authorRole: trackedUpdates.authorRole,
      authorOrg: trackedUpdates.authorOrg,
      authorName: users.nickname,
      note: trackedUpdates.note,
      status: trackedUpdates.status,
      progress: trackedUpdates.progress,
      createdAt: trackedUpdates.createdAt,
    })
    .from(trackedUpdates)
    .leftJoin(users, eq(users.id, trackedUpdates.authorId))
    .where(eq(trackedUpdates.itemId, itemId))
    .orderBy(asc(trackedUpdates.createdAt), asc(trackedUpdates.id))
  const attached = rows.length
    ? await db
        .select({ updateId: trackedUpdatePhotos.updateId, photo: photos })
        .from(trackedUpdatePhotos)
        .innerJoin(photos, eq(photos.id, trackedUpdatePhotos.photoId))
        .where(
          inArray(
            trackedUpdatePhotos.updateId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(trackedUpdatePhotos.position))
    : []
  return rows.map((u) =>
    toUpdate(
      u,
      attached.filter((a) => a.updateId === u.id).map((a) => a.photo),
      audience,
      viewerId,
    ),
  )
}

/** One item with its updates, as the actor may see it (404 when they may not). */
export async function getTrackedItem(deps: Deps, actor: Actor, id: string) {
  const { db } = deps.database
  const seen = await visibleItem(db, actor, id)
  return {
    ...toSummary(seen.row, seen.audience, deps.now()),
    updates: await updatesOf(db, id, seen.audience, actor.userId),
    viewer: { canManage: seen.canManage, canPostUpdate: seen.canPostUpdate },
  }
}
