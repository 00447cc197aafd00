import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { communities, concerns, kpiCommunityMonthly, kpiDaily, kpiMonthly } from '../../db/schema/index.js'
import { type KpiRow, kpiDeltas, mergeDeltas, monthOf } from './aggregate.js'

/** The columns `kpiDeltas` reads, and nothing else: a rebuild reads every concern. */
const kpiColumns = {
  communityId: concerns.communityId,
  gridId: concerns.gridId,
  assigneeUserId: concerns.assigneeUserId,
  assigneeOrg: concerns.assigneeOrg,
  category: concerns.category,
  status: concerns.status,
  createdAt: concerns.createdAt,
  acknowledgedAt: concerns.acknowledgedAt,
  acknowledgeDueAt: concerns.acknowledgeDueAt,
  dueAt: concerns.dueAt,
  resolvedAt: concerns.resolvedAt,
  reopenCount: concerns.reopenCount,
  rating: concerns.rating,
  ratedAt: concerns.ratedAt,
}

/**
 * Rebuilds every aggregate row from the concerns, one community at a time: its concerns'
 * contributions summed in memory, then written in multi-row inserts (the table is emptied first,
 * so there is nothing to add to). For data loaded without the use cases (a seed, an import) or
 * after a change of the formulas. Not for request time. Returns the number of concerns read.
 */
export async function rebuildKpis(db: Db, chunk = 1000): Promise<number> {
  let count = 0
  await db.transaction(async (tx) => {
    await tx.delete(kpiDaily)
    await tx.delete(kpiMonthly)
    await tx.delete(kpiCommunityMonthly)
    const places = await tx.select({ id: communities.id, streetId: communities.streetId }).from(communities).orderBy(asc(communities.id))
    for (const place of places) {
      const rows: KpiRow[] = await tx.select(kpiColumns).from(concerns).where(eq(concerns.communityId, place.id))
      const days = mergeDeltas(rows.flatMap((r) => kpiDeltas(null, r)))
      const months = mergeDeltas(days.map((d) => ({ ...d, day: monthOf(d.day) })))
      for (const [table, deltas] of [
        [kpiDaily, days],
        [kpiMonthly, months],
      ] as const) {
        const values = deltas.map((d) => ({ streetId: place.streetId, ...d.key, day: d.day, ...d.counters }))
        for (let i = 0; i < values.length; i += chunk) await tx.insert(table).values(values.slice(i, i + chunk))
      }
      const whole = mergeDeltas(months, (k) => k.communityId).map((d) => ({
        streetId: place.streetId,
        communityId: place.id,
        day: d.day,
        ...d.counters,
      }))
      if (whole.length) await tx.insert(kpiCommunityMonthly).values(whole)
      count += rows.length
    }
  })
  return count
}
