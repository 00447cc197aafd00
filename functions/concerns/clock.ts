import { and, eq } from 'drizzle-orm'
import { type Deadlines, deadlines } from '../../domain/concerns/milestones.js'
import type { Actor } from '../../domain/permissions.js'
import type { Tx } from '../../db/client.js'
import { type ConcernRow, type concerns, gridWorkers } from '../../db/schema/index.js'
import { milestoneLimitsOf } from '../grids/index.js'

/**
 * 签收 (the first answer) sets the concern's clock: the arrival and resolution deadlines from the
 * community's limits in force now, and — when a grid worker of the concern's grid signs for it and
 * nobody is assigned yet — makes that worker its handler (their figures count it).
 */
export async function acknowledgement(
  tx: Tx,
  actor: Actor,
  row: Pick<ConcernRow, 'communityId' | 'category' | 'createdAt' | 'gridId' | 'assigneeUserId' | 'assigneeOrg'>,
  at: Date,
): Promise<Partial<typeof concerns.$inferInsert>> {
  const limits = await milestoneLimitsOf(tx, row.communityId, row.category)
  const due: Deadlines = deadlines(limits, row.createdAt, at)
  const patch: Partial<typeof concerns.$inferInsert> = { acceptedAt: at, acknowledgedAt: at, arriveDueAt: due.arrive, dueAt: due.resolve }
  if (row.gridId && !row.assigneeUserId && !row.assigneeOrg) {
    const [mine] = await tx
      .select({ userId: gridWorkers.userId })
      .from(gridWorkers)
      .where(and(eq(gridWorkers.gridId, row.gridId), eq(gridWorkers.userId, actor.userId)))
    if (mine) patch.assigneeUserId = actor.userId
  }
  return patch
}
