import { and, desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { ProjectsQuery } from '../../domain/schemas/projects.js'
import { mayPostUpdate } from '../../domain/tracking/items.js'
import { projects, trackedItems } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { resourceView } from '../resources/index.js'
import { linksOf, toSummaries, visibleProject } from './common.js'

/** The community's 项目清单, newest first (optionally one status of their tracked items): its residents, staff and partners. */
export async function listProjects(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof ProjectsQuery>) {
  const { db } = deps.database
  const ctx = await communityAllowing(db, actor, communityId, 'needs.view')
  const staff = can(actor, 'needs.manage', ctx)
  const rows = await db
    .select({ project: projects })
    .from(projects)
    .innerJoin(trackedItems, eq(trackedItems.projectId, projects.id))
    .where(and(eq(projects.communityId, communityId), q.status ? eq(trackedItems.status, q.status) : undefined))
    .orderBy(desc(projects.createdAt), desc(projects.id))
    .limit(200)
  const list = rows.map((r) => r.project)
  const links = await linksOf(
    db,
    list.map((p) => p.id),
  )
  return { items: toSummaries(list, links, actor, staff, deps.now()) }
}

/** One project: its needs, its resources (contacts for staff only), how it is going, and what the viewer may do. */
export async function getProject(deps: Deps, actor: Actor, projectId: string) {
  const { db } = deps.database
  const { row, staff } = await visibleProject(db, actor, projectId)
  const links = await linksOf(db, [row.id])
  const [summary] = toSummaries([row], links, actor, staff, deps.now())
  const item = links.items[0]?.item
  return {
    ...summary,
    resourceDetails: links.resourceRows.map((r) => resourceView(r.resource, actor, staff)),
    // A partner named as the party posts its updates on the tracked item, as for a resolution.
    viewer: { canManage: staff, canPostUpdate: !!item && mayPostUpdate(actor, item, []) },
  }
}
