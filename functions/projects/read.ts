import { and, desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { can } from '../../domain/permissions.js'
import type { ProjectsQuery } from '../../domain/schemas/projects.js'
import { mayPostUpdate } from '../../domain/tracking/items.js'
import { communities, projects, trackedItems } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { readInCommunity, readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { resourceView } from '../resources/index.js'
import { projectFields, projectSummary } from './common.js'

/**
 * The community's 项目清单, newest first (optionally one status of their tracked items): its
 * residents, staff and partners. One statement with the actor (decision 039).
 */
export async function listProjects(deps: Deps, userId: string, communityId: string, q: z.output<typeof ProjectsQuery>) {
  const { db } = deps.database
  const shape = jsonShape(projectFields(db))
  const list = db
    .select({ r: shape.object })
    .from(projects)
    .innerJoin(trackedItems, eq(trackedItems.projectId, projects.id))
    .where(and(eq(projects.communityId, communityId), q.status ? eq(trackedItems.status, q.status) : undefined))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(200)
  const { actor, ctx, rows } = await readInCommunity(db, userId, communityId, 'needs.view', { rows: allOf(list) })
  const staff = can(actor, 'needs.manage', ctx)
  const now = deps.now()
  return { items: rows.flatMap((r) => projectSummary(shape.decode(r), actor, staff, now) ?? []) }
}

/**
 * One project: its needs, its resources (contacts for staff only), how it is going, and what the
 * viewer may do. One statement with the actor; 404 unless the actor may see its community's list.
 */
export async function getProject(deps: Deps, userId: string, projectId: string) {
  const { db } = deps.database
  const shape = jsonShape({ ...projectFields(db), streetId: communities.streetId })
  const { actor, row } = await readSignedIn(db, userId, {
    row: firstOf(
      db
        .select({ r: shape.object })
        .from(projects)
        .innerJoin(communities, eq(communities.id, projects.communityId))
        .where(eq(projects.id, projectId)),
    ),
  })
  const found = row ? shape.decode(row) : null
  const ctx = found ? { communityId: found.project.communityId, streetId: found.streetId } : null
  if (!found || !ctx || !can(actor, 'needs.view', ctx)) throw new AppError('NOT_FOUND', '项目不存在')
  const staff = can(actor, 'needs.manage', ctx)
  const summary = projectSummary(found, actor, staff, deps.now())
  const item = found.tracked?.item
  return {
    ...summary,
    resourceDetails: found.resources.map((r) => resourceView(r.resource, actor, staff)),
    // A partner named as the party posts its updates on the tracked item, as for a resolution.
    viewer: { canManage: staff, canPostUpdate: !!item && mayPostUpdate(actor, item, []) },
  }
}
