import { and, asc, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm'
import { categories } from '../../domain/concerns/categories.js'
import { satisfactionLabels, satisfactionLevel } from '../../domain/kpis/formulas.js'
import type { Period } from '../../domain/kpis/period.js'
import type { BoardConcernView } from '../../domain/schemas/board.js'
import type { Db } from '../../db/client.js'
import { concerns } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { photoView } from '../photos/index.js'

/** What the board says for a concern not raised about a building. */
export const COMMON_AREA = '社区公共区域'
/** Before and after photos shown per concern. */
const PHOTOS = 3

type PhotoJson = { id: string; url: string; width: number; height: number; moderation: 'pass' }

const concern = sql.raw('"concerns"."id"')

/**
 * Before: the photos the resident attached when raising it; after: those of the 到场 and 办结 steps
 * (办结 first). Only photos that passed moderation: a public page never shows one still in review.
 */
const beforePhotos = sql<PhotoJson[]>`coalesce((select json_agg(x) from (
  select p.id, p.url, p.width, p.height, p.moderation from concern_photos cp join photos p on p.id = cp.photo_id
  where cp.concern_id = ${concern} and p.moderation = 'pass' order by cp.position limit ${PHOTOS}) x), '[]'::json)`
const afterPhotos = sql<PhotoJson[]>`coalesce((select json_agg(x) from (
  select p.id, p.url, p.width, p.height, p.moderation from concern_events e
  join event_photos ep on ep.event_id = e.id join photos p on p.id = ep.photo_id
  where e.concern_id = ${concern} and e.action in ('resolve', 'arrive') and p.moderation = 'pass'
  order by (e.action = 'resolve') desc, e.created_at desc, ep.position limit ${PHOTOS}) x), '[]'::json)`

/** The where of the public concerns of a community received, or resolved, in a period. */
export function publicConcerns(communityId: string, period: Period, by: 'received' | 'resolved') {
  const at = by === 'received' ? concerns.createdAt : concerns.resolvedAt
  return and(
    eq(concerns.communityId, communityId),
    eq(concerns.visibility, 'public'),
    gte(at, period.start),
    lt(at, period.end),
    by === 'resolved' ? inArray(concerns.status, ['resolved', 'closed']) : undefined,
  )
}

/** The building of a concern: its own, or that of the household it was raised about. Never the room. */
const buildingName = sql<string | null>`coalesce(
  (select b.name from buildings b where b.id = "concerns"."building_id"),
  (select b.name from households h join units u on u.id = h.unit_id join buildings b on b.id = u.building_id
    where h.id = "concerns"."household_id"))`

/** What both the board and the open data say of a concern. */
const facts = {
  publicNo: concerns.publicNo,
  category: concerns.category,
  building: buildingName,
  createdAt: concerns.createdAt,
  resolvedAt: concerns.resolvedAt,
  dueAt: concerns.dueAt,
  rating: concerns.rating,
}

const resolvedShape = jsonShape({
  id: concerns.id,
  ...facts,
  before: beforePhotos,
  after: afterPhotos,
  total: sql<number>`(count(*) over ())::int`.mapWith(Number),
})

/**
 * The public concerns of a community resolved in the period and not reopened since, newest
 * first, at most `limit`, each with how many there are: what the 公示栏 shows as 已办结, as a part
 * of the board's one statement (decision 039; `resolvedConcernsFrom` reads it back).
 */
export function resolvedConcernsPart(db: Db, communityId: string, period: Period, limit: number): SQL<unknown[]> {
  return allOf(
    db
      .select({ r: resolvedShape.object })
      .from(concerns)
      .where(publicConcerns(communityId, period, 'resolved'))
      .orderBy(desc(concerns.resolvedAt), desc(concerns.id))
      .limit(limit),
  )
}

/** `resolvedConcernsPart`'s rows as the board shows them, with the month's total. */
export function resolvedConcernsFrom(values: unknown[]): { items: BoardConcernView[]; total: number } {
  const rows = values.map(resolvedShape.decode)
  const items = rows.map(
    (r): BoardConcernView => ({
      id: r.id,
      publicNo: r.publicNo,
      category: r.category,
      categoryLabel: categories[r.category].label,
      place: r.building ?? COMMON_AREA,
      receivedAt: r.createdAt.toISOString(),
      resolvedAt: r.resolvedAt!.toISOString(),
      onTime: !!r.dueAt && r.resolvedAt!.getTime() <= r.dueAt.getTime(),
      ratingLabel: r.rating ? satisfactionLabels[satisfactionLevel(r.rating)] : null,
      before: r.before.map((p) => photoView(p, false)),
      after: r.after.map((p) => photoView(p, false)),
    }),
  )
  return { items, total: rows[0]?.total ?? 0 }
}

const receivedShape = jsonShape({ ...facts, status: concerns.status, reopenCount: concerns.reopenCount })

/**
 * The public concerns received in the period, oldest first: the open data's concerns.csv (no
 * text, no room), as a part of its one statement; `receivedConcernsFrom` reads it back.
 */
export function receivedConcernsPart(db: Db, communityId: string, period: Period): SQL<unknown[]> {
  return allOf(
    db
      .select({ r: receivedShape.object })
      .from(concerns)
      .where(publicConcerns(communityId, period, 'received'))
      .orderBy(asc(concerns.createdAt), asc(concerns.id)),
  )
}

/** `receivedConcernsPart`'s rows. */
export function receivedConcernsFrom(values: unknown[]) {
  return values.map(receivedShape.decode)
}
