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

/**
 * The community-life part of a person's data export: 道德银行 entries, redemptions, good-deed reports,
 * volunteer sign-ups, the errands they asked (with the contact they gave), the errands they ran for
 * others (what and when — the other person's address and phone are not theirs), and their 代办站.
 */
export async function exportMyPoints(db: Db, userId: string) {
  const [entries, redemptions, deeds, signups, asked, ran, stations] = await Promise.all([
    db.select().from(pointsEntries).where(eq(pointsEntries.userId, userId)).orderBy(asc(pointsEntries.createdAt)),
    db
      .select({
        communityId: pointsRedemptions.communityId,
        itemName: pointsItems.name,
        price: pointsRedemptions.price,
        status: pointsRedemptions.status,
        createdAt: pointsRedemptions.createdAt,
      })
      .from(pointsRedemptions)
      .innerJoin(pointsItems, eq(pointsItems.id, pointsRedemptions.itemId))
      .where(eq(pointsRedemptions.userId, userId))
      .orderBy(asc(pointsRedemptions.createdAt)),
    db.select().from(goodDeeds).where(eq(goodDeeds.userId, userId)).orderBy(asc(goodDeeds.createdAt)),
    db
      .select({
        communityId: volunteerSignups.communityId,
        activityTitle: volunteerActivities.title,
        status: volunteerSignups.status,
        creditedMinutes: volunteerSignups.creditedMinutes,
        createdAt: volunteerSignups.createdAt,
      })
      .from(volunteerSignups)
      .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerSignups.activityId))
      .where(eq(volunteerSignups.userId, userId))
      .orderBy(asc(volunteerSignups.createdAt)),
    db
      .select({
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
      })
      .from(errands)
      .where(eq(errands.askedBy, userId))
      .orderBy(asc(errands.createdAt)),
    db
      .select({
        communityId: errands.communityId,
        kind: errands.kind,
        what: errands.what,
        when: errands.whenText,
        status: errands.status,
        thanks: errands.thanks,
        createdAt: errands.createdAt,
      })
      .from(errands)
      .where(and(eq(errands.helperId, userId), not(eq(errands.askedBy, userId))))
      .orderBy(asc(errands.createdAt)),
    db
      .select({
        communityId: errandStations.communityId,
        name: errandStations.name,
        label: errandStations.label,
        kinds: errandStations.kinds,
        note: errandStations.note,
      })
      .from(errandStations)
      .where(eq(errandStations.helperId, userId)),
  ])
  return {
    points: entries.map((e) => ({
      communityId: e.communityId,
      amount: e.amount,
      kind: e.kind,
      reason: e.reason,
      createdAt: e.createdAt.toISOString(),
    })),
    redemptions: redemptions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    goodDeeds: deeds.map((d) => ({ communityId: d.communityId, text: d.text, status: d.status, createdAt: d.createdAt.toISOString() })),
    volunteerSignups: signups.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
    errandsAsked: asked.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    errandsRun: ran.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })),
    errandStations: stations,
  }
}
