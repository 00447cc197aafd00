import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import { needStatusFor } from '../../domain/projects/projects.js'
import type { ProjectLinksInput } from '../../domain/schemas/projects.js'
import { projectNeeds, projectResources, projects, trackedItems } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { moveProjectNeeds, releaseNeeds, takeNeedsIntoProject } from '../needs/index.js'
import { assertResources, visibleProject } from './common.js'
import { getProject } from './read.js'

/**
 * Staff change which needs and resources a project links (still at least one of each). A need
 * added must be free (征集中 or 已上议事会) and takes the project's state (项目实施中, or 已解决 when it is
 * done); a need taken out goes back to 已上议事会 or 征集中. One transaction.
 */
export async function editProjectLinks(deps: Deps, actor: Actor, projectId: string, input: z.output<typeof ProjectLinksInput>) {
  const { db } = deps.database
  const { row, staff } = await visibleProject(db, actor, projectId)
  if (!staff) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以修改项目')
  const using = await db.select({ id: projectResources.resourceId }).from(projectResources).where(eq(projectResources.projectId, projectId))
  await assertResources(
    db,
    row.communityId,
    input.resourceIds,
    using.map((r) => r.id),
  )
  const now = deps.now()
  await db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update')
    if (!locked) throw new AppError('NOT_FOUND', '项目不存在')
    const before = (await tx.select({ needId: projectNeeds.needId }).from(projectNeeds).where(eq(projectNeeds.projectId, projectId))).map(
      (r) => r.needId,
    )
    const added = input.needIds.filter((id) => !before.includes(id))
    const removed = before.filter((id) => !input.needIds.includes(id))
    if (added.length) {
      await takeNeedsIntoProject(tx, row.communityId, added, now)
      const [item] = await tx.select({ status: trackedItems.status }).from(trackedItems).where(eq(trackedItems.projectId, projectId))
      if (item) await moveProjectNeeds(tx, added, needStatusFor(item.status), now)
      await tx.insert(projectNeeds).values(added.map((needId) => ({ projectId, needId })))
    }
    if (removed.length) {
      await releaseNeeds(tx, removed, now)
      await tx.delete(projectNeeds).where(and(eq(projectNeeds.projectId, projectId), inArray(projectNeeds.needId, removed)))
    }
    await tx.delete(projectResources).where(eq(projectResources.projectId, projectId))
    await tx.insert(projectResources).values(input.resourceIds.map((resourceId) => ({ projectId, resourceId })))
    await tx.update(projects).set({ updatedAt: now }).where(eq(projects.id, projectId))
  })
  return getProject(deps, actor.userId, projectId)
}
