import { eq, getTableColumns, sql } from 'drizzle-orm'
import { type Deadlines, deadlines } from '../../domain/concerns/milestones.js'
import type { Tx } from '../../db/client.js'
import { type ConcernRow, concerns } from '../../db/schema/index.js'
import { limitOverridesValue, limitsFrom } from '../grids/index.js'

/** What 签收 needs besides the concern: the community's stored limit overrides, and whether the actor works the concern's grid. */
export interface ClockFacts {
  limits: unknown
  inGrid: boolean
}

/**
 * The concern locked until the transaction ends (what a change is compared with: figures, races),
 * with the facts 签收 needs read in the same statement; undefined when there is none.
 */
export async function lockWithClock(tx: Tx, id: string, actorId: string): Promise<(ConcernRow & ClockFacts) | undefined> {
  const [row] = await tx
    .select({
      ...getTableColumns(concerns),
      limits: limitOverridesValue(sql`${concerns.communityId}`),
      inGrid: sql<boolean>`exists (select 1 from grid_workers g where g.grid_id = ${concerns.gridId} and g.user_id = ${actorId})`,
    })
    .from(concerns)
    .where(eq(concerns.id, id))
    .for('update')
  return row
}

/**
 * 签收 (the first answer) sets the concern's clock: the arrival and resolution deadlines from the
 * community's limits in force now, and — when a grid worker of the concern's grid signs for it and
 * nobody is assigned yet — makes that worker its handler (their figures count it).
 */
export function acknowledgement(
  row: Pick<ConcernRow, 'category' | 'createdAt' | 'gridId' | 'assigneeUserId' | 'assigneeOrg'>,
  facts: ClockFacts,
  actorId: string,
  at: Date,
): Partial<typeof concerns.$inferInsert> {
  const due: Deadlines = deadlines(limitsFrom(row.category, facts.limits), row.createdAt, at)
  const patch: Partial<typeof concerns.$inferInsert> = { acceptedAt: at, acknowledgedAt: at, arriveDueAt: due.arrive, dueAt: due.resolve }
  if (row.gridId && !row.assigneeUserId && !row.assigneeOrg && facts.inGrid) patch.assigneeUserId = actorId
  return patch
}
