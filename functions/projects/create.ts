import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { ProjectInput } from '../../domain/schemas/projects.js'
import { projectNeeds, projectResources, projects } from '../../db/schema/index.js'
import { communityAllowing, staffIds } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { takeNeedsIntoProject } from '../needs/index.js'
import { trackResolution } from '../tracking/index.js'
import { assertResources } from './common.js'
import { getProject } from './read.js'

/**
 * Staff create a project (项目清单): needs of the community's list matched to its resources, with a
 * responsible party, a deadline and a budget if any. In one transaction: the project, its links,
 * its needs moved to 项目实施中, and its tracked item (决议跟踪) — which carries the party, the
 * deadline, the status, the progress and the updates with photos from then on (decision 033).
 */
export async function createProject(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof ProjectInput>) {
  const { db } = deps.database
  const ctx = await communityAllowing(db, actor, communityId, 'needs.view')
  if (!can(actor, 'needs.manage', ctx)) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以建立项目')
  const now = deps.now()
  const deadline = new Date(input.deadline)
  if (deadline.getTime() <= now.getTime()) throw fieldError('deadline', '完成期限须晚于现在')
  const workerId = input.responsibleUserId ?? null
  if (workerId) {
    if (input.responsibleParty !== 'community')
      throw fieldError('responsibleUserId', '只有社区负责的项目可以指定工作人员', 'RESPONSIBLE_WORKER_INVALID')
    if (!(await staffIds(db, communityId)).includes(workerId))
      throw fieldError('responsibleUserId', '负责人须是本社区的工作人员', 'RESPONSIBLE_WORKER_INVALID')
  }
  await assertResources(db, communityId, input.resourceIds)

  const id = await db.transaction(async (tx) => {
    const [project] = await tx
      .insert(projects)
      .values({
        communityId,
        title: input.title,
        description: input.description,
        budgetFen: input.budgetFen,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: projects.id })
    await takeNeedsIntoProject(tx, communityId, input.needIds, now)
    await tx.insert(projectNeeds).values(input.needIds.map((needId) => ({ projectId: project.id, needId })))
    await tx.insert(projectResources).values(input.resourceIds.map((resourceId) => ({ projectId: project.id, resourceId })))
    await trackResolution(
      tx,
      {
        communityId,
        projectId: project.id,
        title: input.title,
        text: input.description,
        party: input.responsibleParty,
        partyName: input.responsibleName ?? null,
        workerId,
        deadline,
      },
      now,
    )
    return project.id
  })
  return getProject(deps, actor.userId, id)
}
