import { eq, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { categories } from '../../domain/concerns/categories.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { lateText, milestoneLabels, milestones, overdue } from '../../domain/concerns/milestones.js'
import { excerptOf } from '../../domain/text.js'
import type { Db } from '../../db/client.js'
import { buildings, concerns, households, units } from '../../db/schema/index.js'
import { jsonShape } from '../../db/together.js'

const householdBuilding = alias(buildings, 'household_building')
const placeBuilding = alias(buildings, 'place_building')
const merged = alias(concerns, 'merged_target')

/** The columns every concern list and page needs, with the place spelled out and the first visible photo. */
const concernFields = {
  id: concerns.id,
  communityId: concerns.communityId,
  publicNo: concerns.publicNo,
  authorId: concerns.authorId,
  category: concerns.category,
  description: concerns.description,
  visibility: concerns.visibility,
  anonymous: concerns.anonymous,
  status: concerns.status,
  reopenCount: concerns.reopenCount,
  assigneeUserId: concerns.assigneeUserId,
  assigneeOrg: concerns.assigneeOrg,
  mergedIntoId: concerns.mergedIntoId,
  mergedIntoNo: merged.publicNo,
  cosignCount: concerns.cosignCount,
  followCount: concerns.followCount,
  photoCount: concerns.photoCount,
  rating: concerns.rating,
  ratingComment: concerns.ratingComment,
  createdAt: concerns.createdAt,
  acceptedAt: concerns.acceptedAt,
  gridId: concerns.gridId,
  acknowledgedAt: concerns.acknowledgedAt,
  arrivedAt: concerns.arrivedAt,
  acknowledgeDueAt: concerns.acknowledgeDueAt,
  arriveDueAt: concerns.arriveDueAt,
  dueAt: concerns.dueAt,
  resolvedAt: concerns.resolvedAt,
  closedAt: concerns.closedAt,
  placeText: concerns.placeText,
  room: households.room,
  unitName: units.name,
  householdBuildingName: householdBuilding.name,
  buildingName: placeBuilding.name,
  buildingId: sql<string | null>`coalesce(${concerns.buildingId}, ${units.buildingId})`,
  coverUrl: sql<string | null>`(select p.url from concern_photos cp join photos p on p.id = cp.photo_id
    where cp.concern_id = ${concerns.id} and p.moderation = 'pass' order by cp.position limit 1)`,
}

/** The concern list's columns, one round trip; `extra` adds columns of the caller's (the actor, the timeline). */
export function concernRows<Extra extends Record<string, SQL | SQL.Aliased>>(db: Db, extra: Extra = {} as Extra) {
  return db
    .select({ ...concernFields, ...extra })
    .from(concerns)
    .leftJoin(households, eq(households.id, concerns.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(householdBuilding, eq(householdBuilding.id, units.buildingId))
    .leftJoin(placeBuilding, eq(placeBuilding.id, concerns.buildingId))
    .leftJoin(merged, eq(merged.id, concerns.mergedIntoId))
}

const concernShape = jsonShape(concernFields)

/**
 * `concernRows` with each row as one JSON column, for a read in one statement with the actor
 * (decision 039); `concernOf` reads a row back.
 */
export function concernJsonRows(db: Db) {
  return db
    .select({ r: concernShape.object })
    .from(concerns)
    .leftJoin(households, eq(households.id, concerns.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(householdBuilding, eq(householdBuilding.id, units.buildingId))
    .leftJoin(placeBuilding, eq(placeBuilding.id, concerns.buildingId))
    .leftJoin(merged, eq(merged.id, concerns.mergedIntoId))
}

export type ConcernListRow = Awaited<ReturnType<ReturnType<typeof concernRows<Record<never, never>>>['execute']>>[number]

/** A row of `concernJsonRows` as `concernRows` gives it. */
export function concernOf(value: unknown): ConcernListRow {
  return concernShape.decode(value)
}

/** Where it is: the room only for the author and staff; other residents see building and unit. */
export function placeLabel(r: ConcernListRow, withRoom: boolean): string {
  if (r.householdBuildingName && r.unitName) {
    return `${r.householdBuildingName} ${r.unitName}${withRoom && r.room ? ` ${r.room}室` : ''}`
  }
  return r.buildingName ?? r.placeText ?? ''
}

type MilestoneColumns = Pick<
  ConcernListRow,
  'status' | 'createdAt' | 'acknowledgedAt' | 'arrivedAt' | 'resolvedAt' | 'acknowledgeDueAt' | 'arriveDueAt' | 'dueAt'
>

function standingsOf(r: MilestoneColumns, now: Date) {
  return overdue(
    {
      status: r.status,
      receivedAt: r.createdAt,
      acknowledgedAt: r.acknowledgedAt,
      arrivedAt: r.arrivedAt,
      resolvedAt: r.resolvedAt,
      deadlines: { acknowledge: r.acknowledgeDueAt, arrive: r.arriveDueAt, resolve: r.dueAt },
    },
    now,
  )
}

/** Where the concern stands on 签收, 到场 and 办结 at `now`, from the stored times and deadlines (a concern's page). */
export function milestoneStandings(r: MilestoneColumns, now: Date) {
  const all = standingsOf(r, now)
  return milestones.map((m) => {
    const c = all[m]
    const late = c.standing === 'overdue' || c.standing === 'late'
    return {
      milestone: m,
      label: milestoneLabels[m],
      standing: c.standing,
      dueAt: c.dueAt?.toISOString() ?? null,
      doneAt: c.doneAt?.toISOString() ?? null,
      minutesLate: c.minutesLate,
      text: late ? lateText(m, c.minutesLate) : null,
    }
  })
}

/** A list's card of a concern: whether some milestone is overdue, not each one's standing (the page has those). */
export function toSummary(r: ConcernListRow, viewer: { userId: string; privileged: boolean }, now: Date) {
  const standings = standingsOf(r, now)
  return {
    id: r.id,
    publicNo: r.publicNo,
    communityId: r.communityId,
    category: r.category,
    categoryLabel: categories[r.category].label,
    excerpt: excerptOf(r.description),
    placeLabel: placeLabel(r, viewer.privileged || r.authorId === viewer.userId),
    status: r.status,
    statusLabel: concernStatusLabels[r.status],
    visibility: r.visibility,
    cosignCount: r.cosignCount,
    followCount: r.followCount,
    photoCount: r.photoCount,
    coverUrl: r.coverUrl,
    createdAt: r.createdAt.toISOString(),
    dueAt: r.dueAt?.toISOString() ?? null,
    overdue: milestones.some((m) => standings[m].standing === 'overdue'),
    gridId: r.gridId,
    mine: r.authorId === viewer.userId,
  }
}
