import { eq } from 'drizzle-orm'
import { needStatusFor } from '../../domain/projects/projects.js'
import type { TrackedStatus } from '../../domain/tracking/items.js'
import type { Tx } from '../../db/client.js'
import { projectNeeds } from '../../db/schema/index.js'
import { moveProjectNeeds } from '../needs/index.js'

/** Called by tracking when a project's tracked item changes status, in its transaction: the needs follow (已解决 when done). */
export async function projectItemMoved(tx: Tx, projectId: string, status: TrackedStatus, now: Date) {
  const rows = await tx.select({ needId: projectNeeds.needId }).from(projectNeeds).where(eq(projectNeeds.projectId, projectId))
  await moveProjectNeeds(
    tx,
    rows.map((r) => r.needId),
    needStatusFor(status),
    now,
  )
}
