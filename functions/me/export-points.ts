import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { goodDeeds, pointsEntries, pointsItems, pointsRedemptions, volunteerActivities, volunteerSignups } from '../../db/schema/index.js'

/** The 道德银行 part of a person's data export: their entries, redemptions, good-deed reports and volunteer sign-ups. */
export async function exportMyPoints(db: Db, userId: string) {
  const [entries, redemptions, deeds, signups] = await Promise.all([
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
  }
}
