import { and, asc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { TrackedItemsQuery } from '../../domain/schemas/tracking.js'
import { mayReadTracked, trackedFilters, type TrackedFilter } from '../../domain/tracking/items.js'
import { type PhotoRow, trackedItems, trackedUpdates, users } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { readInCommunity, readSignedIn } from '../communities/index.js'
import { partnerOrgs } from '../concerns/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { afterCursorChecked, toPage } from '../http/cursor.js'
import { audienceOfItem, itemParts, itemShape, seenItem, type TrackedAudience } from './access.js'
import { toSummary, toUpdate } from './views.js'

const open = inArray(trackedItems.status, ['not_started', 'in_progress'])

/** The SQL of a list filter (全部, 逾期, one status). */
export function filterSql(filter: TrackedFilter, now: Date): SQL | undefined {
  if (filter === 'all') return undefined
  if (filter === 'overdue') return and(open, lt(trackedItems.deadline, now))
  return eq(trackedItems.status, filter)
}

/**
 * Whether the person sees every tracked item of the community (its staff, an official of its
 * street, a verified resident) as a SQL value: else a partner sees those naming its organisation.
 * What `audienceOfItem` decides for an item without a party, for the list's one statement. Plain
 * SQL (tables named in db/schema/users.ts, streets.ts, communities.ts).
 */
function seesEveryItem(userId: string, communityId: string): SQL {
  return sql`(exists (select 1 from memberships m where m.user_id = ${userId} and m.community_id = ${communityId}
      and m.role in ('worker', 'admin'))
    or exists (select 1 from street_memberships sm join communities sc on sc.street_id = sm.street_id
      where sm.user_id = ${userId} and sc.id = ${communityId} and sm.role = 'street_admin')
    or exists (select 1 from residency_claims rc where rc.user_id = ${userId} and rc.community_id = ${communityId}
      and rc.status = 'verified'))`
}

/** The organisations the person is a partner for in the community. */
function partnerOrgNames(userId: string, communityId: string): SQL {
  return sql`(select m.org_name from memberships m where m.user_id = ${userId} and m.community_id = ${communityId}
    and m.role = 'partner' and m.org_name is not null)`
}

/**
 * A community's tracked items, the nearest deadline first (keyset on deadline, id), with how many
 * each filter holds. Staff, the street and residents see them all; a partner the ones naming it.
 * One statement with the actor (decision 039): 404 for no such community, 403 for someone who may
 * not read them, before anything is returned.
 */
export async function listTrackedItems(deps: Deps, userId: string, communityId: string, q: z.output<typeof TrackedItemsQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const scope = and(
    eq(trackedItems.communityId, communityId),
    or(seesEveryItem(userId, communityId), inArray(trackedItems.partyName, partnerOrgNames(userId, communityId))),
    q.sessionId ? eq(trackedItems.sessionId, q.sessionId) : undefined,
  )
  const after = afterCursorChecked(q.cursor, { at: trackedItems.deadline, id: trackedItems.id }, 'asc')
  const list = itemParts(db)
    .where(and(scope, filterSql(q.filter, now), after.where))
    .orderBy(asc(trackedItems.deadline), asc(trackedItems.id))
    .limit(q.limit + 1)
  // One scan for every filter's count.
  const countShape = jsonShape(
    Object.fromEntries(
      trackedFilters.map((f) => [f, sql<number>`(count(*) filter (where ${filterSql(f, now) ?? sql`true`}))::int`.mapWith(Number)]),
    ) as Record<TrackedFilter, SQL<number>>,
  )
  const read = await readInCommunity(db, userId, communityId, 'community.view', {
    rows: allOf(list),
    counted: firstOf(db.select({ r: countShape.object }).from(trackedItems).where(scope)),
  })
  const { actor, ctx } = read
  if (!mayReadTracked(actor, ctx)) throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看决议跟踪')
  after.check()
  const orgs = partnerOrgs(actor, communityId)
  const audience: TrackedAudience = audienceOfItem(actor, { communityId, partyName: null }, ctx.streetId, orgs)
  const shown: TrackedAudience = audience === 'none' ? 'partner' : audience
  // The SQL scope said the same; a partner never gets an item that does not name it.
  const rows = read.rows.map(itemShape.decode).filter((r) => audience !== 'none' || (!!r.item.partyName && orgs.includes(r.item.partyName)))
  const counted = read.counted ? countShape.decode(read.counted) : null
  const counts = Object.fromEntries(trackedFilters.map((f) => [f, Number(counted?.[f] ?? 0)])) as Record<TrackedFilter, number>
  const page = toPage(
    rows,
    q.limit,
    (r) => toSummary(r, shown, now),
    (r) => ({ at: r.item.deadline, id: r.item.id }),
  )
  return { ...page, counts }
}

/** Plain SQL: a correlated subquery needs the outer column qualified (tables named in db/schema/tracking.ts, photos.ts). */
const updatePhotos = sql<Pick<PhotoRow, 'id' | 'url' | 'width' | 'height' | 'moderation'>[]>`coalesce((
  select json_agg(json_build_object('id', p.id, 'url', p.url, 'width', p.width, 'height', p.height, 'moderation', p.moderation)
    order by tp.position)
  from tracked_update_photos tp join photos p on p.id = tp.photo_id where tp.update_id = "tracked_updates"."id"), '[]'::json)`

const updateShape = jsonShape({
  id: trackedUpdates.id,
  authorId: trackedUpdates.authorId,
  authorRole: trackedUpdates.authorRole,
  authorOrg: trackedUpdates.authorOrg,
  authorName: users.nickname,
  note: trackedUpdates.note,
  status: trackedUpdates.status,
  progress: trackedUpdates.progress,
  createdAt: trackedUpdates.createdAt,
  photos: updatePhotos,
})

/**
 * One item with its updates (oldest first, with their photos), as the person may see it (404 when
 * they may not): the item, its updates and the actor in one statement (decision 039).
 */
export async function getTrackedItem(deps: Deps, userId: string, id: string) {
  const { db } = deps.database
  const read = await readSignedIn(db, userId, {
    item: firstOf(itemParts(db).where(eq(trackedItems.id, id))),
    updates: allOf(
      db
        .select({ r: updateShape.object })
        .from(trackedUpdates)
        .leftJoin(users, eq(users.id, trackedUpdates.authorId))
        .where(eq(trackedUpdates.itemId, id))
        .orderBy(asc(trackedUpdates.createdAt), asc(trackedUpdates.id)),
    ),
  })
  const seen = seenItem(read.actor, read.item ? itemShape.decode(read.item) : undefined)
  return {
    ...toSummary(seen.row, seen.audience, deps.now()),
    updates: read.updates.map((value) => {
      const { photos, ...u } = updateShape.decode(value)
      return toUpdate(u, photos, seen.audience, userId)
    }),
    viewer: { canManage: seen.canManage, canPostUpdate: seen.canPostUpdate },
  }
}
