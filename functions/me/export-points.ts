import { and, asc, eq, not } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import {
  errandStations,
  errands,
  goodDeeds,
  pointsEntries,
  pointsItems,
  pointsRedemptions,
  volunteerActivities,
  volunteerSignups,
} from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'

const shapes = {
  entry: jsonShape({
    communityId: pointsEntries.communityId,
    amount: pointsEntries.amount,
    kind: pointsEntries.kind,
    reason: pointsEntries.reason,
    createdAt: pointsEntries.createdAt,
  }),
  redemption: jsonShape({
    communityId: pointsRedemptions.communityId,
    itemName: pointsItems.name,
    price: pointsRedemptions.price,
    status: pointsRedemptions.status,
    createdAt: pointsRedemptions.createdAt,
  }),
  deed: jsonShape({ communityId: goodDeeds.communityId, text: goodDeeds.text, status: goodDeeds.status, createdAt: goodDeeds.createdAt }),
  signup: jsonShape({
    communityId: volunteerSignups.communityId,
    activityTitle: volunteerActivities.title,
    status: volunteerSignups.status,
    creditedMinutes: volunteerSignups.creditedMinutes,
    createdAt: volunteerSignups.createdAt,
  }),
  asked: jsonShape({
    communityId: errands.communityId,
    kind: errands.kind,
    what: errands.what,
    when: errands.whenText,
    address: errands.address,
    contactPhone: errands.contactPhone,
    residentName: errands.residentName,
    onBehalf: errands.onBehalf,
    status: errands.status,
    thanks: errands.thanks,
    createdAt: errands.createdAt,
  }),
  ran: jsonShape({
    communityId: errands.communityId,
    kind: errands.kind,
    what: errands.what,
    when: errands.whenText,
    status: errands.status,
    thanks: errands.thanks,
    createdAt: errands.createdAt,
  }),
  station: jsonShape({
    communityId: errandStations.communityId,
    name: errandStations.name,
    label: errandStations.label,
    kinds: errandStations.kinds,
    note: errandStations.note,
  }),
}

/**
 * The community-life part of a person's data export, as parts of the export's one statement:
 * 道德银行 entries, redemptions, good-deed reports, volunteer sign-ups, the errands they asked (with
 * the contact they gave), the errands they ran for others (what and when — the other person's
 * address and phone are not theirs), and their 代办站.
 */
export function exportPointsParts(db: Db, userId: string) {
  const { entry, redemption, deed, signup, asked, ran, station } = shapes
  return {
    pointsEntries: allOf(
      db.select({ r: entry.object }).from(pointsEntries).where(eq(pointsEntries.userId, userId)).orderBy(asc(pointsEntries.createdAt)),
    ),
    redemptions: allOf(
      db
        .select({ r: redemption.object })
        .from(pointsRedemptions)
        .innerJoin(pointsItems, eq(pointsItems.id, pointsRedemptions.itemId))
        .where(eq(pointsRedemptions.userId, userId))
        .orderBy(asc(pointsRedemptions.createdAt)),
    ),
    goodDeeds: allOf(db.select({ r: deed.object }).from(goodDeeds).where(eq(goodDeeds.userId, userId)).orderBy(asc(goodDeeds.createdAt))),
    volunteerSignups: allOf(
      db
        .select({ r: signup.object })
        .from(volunteerSignups)
        .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
        .where(eq(volunteerSignups.userId, userId))
        .orderBy(asc(volunteerSignups.createdAt)),
    ),
    errandsAsked: allOf(db.select({ r: asked.object }).from(errands).where(eq(errands.askedBy, userId)).orderBy(asc(errands.createdAt))),
    errandsRun: allOf(
      db
        .select({ r: ran.object })
        .from(errands)
        .where(and(eq(errands.helperId, userId), not(eq(errands.askedBy, userId))))
        .orderBy(asc(errands.createdAt)),
    ),
    errandStations: allOf(db.select({ r: station.object }).from(errandStations).where(eq(errandStations.helperId, userId))),
  }
}

type PointsValues = { [K in keyof ReturnType<typeof exportPointsParts>]: unknown[] }

/** `exportPointsParts`' values as the export shows them. */
export function exportMyPointsFrom(values: PointsValues) {
  const iso = <T extends { createdAt: Date }>(r: T) => ({ ...r, createdAt: r.createdAt.toISOString() })
  return {
    points: values.pointsEntries.map(shapes.entry.decode).map(iso),
    redemptions: values.redemptions.map(shapes.redemption.decode).map(iso),
    goodDeeds: values.goodDeeds.map(shapes.deed.decode).map(iso),
    volunteerSignups: values.volunteerSignups.map(shapes.signup.decode).map(iso),
    errandsAsked: values.errandsAsked.map(shapes.asked.decode).map(iso),
    errandsRun: values.errandsRun.map(shapes.ran.decode).map(iso),
    errandStations: values.errandStations.map(shapes.station.decode),
  }
}
