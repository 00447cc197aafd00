import { and, asc, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { needStatusLabels } from '../../domain/needs/needs.js'
import { can, type Actor } from '../../domain/permissions.js'
import { budgetLabel } from '../../domain/projects/projects.js'
import type { ProjectSummary } from '../../domain/schemas/projects.js'
import { isOverdue, partyLabel, trackedStatusLabels } from '../../domain/tracking/items.js'
import type { Db, Tx } from '../../db/client.js'
import { needs, projectNeeds, projectResources, projects, resources, trackedItems, users, type ProjectRow } from '../../db/schema/index.js'
import { communityContext } from '../communities/index.js'
import { AppError } from '../http/errors.js'
import { resourceView } from '../resources/index.js'

export type ResourceRow = typeof resources.$inferSelect

/** A project the actor may see (the community's residents, staff and partners), with whether they manage it; 404 otherwise. */
export async function visibleProject(db: Db | Tx, actor: Actor, projectId: string) {
  const [row] = await db.select().from(projects).where(eq(projects.id, projectId))
  const ctx = row ? await communityContext(db, row.communityId) : null
  if (!row || !ctx || !can(actor, 'needs.view', ctx)) throw new AppError('NOT_FOUND', '项目不存在')
  return { row, ctx, staff: can(actor, 'needs.manage', ctx) }
}

/** What a project's views need besides its row: its needs, its resources and its tracked item (with the worker's name). */
export async function linksOf(db: Db | Tx, ids: string[]) {
  if (!ids.length) return { needRows: [], resourceRows: [], items: [] }
  const [needRows, resourceRows, items] = await Promise.all([
    db
      .select({
        projectId: projectNeeds.projectId,
        id: needs.id,
        title: needs.title,
        status: needs.status,
        supporterCount: needs.supporterCount,
      })
      .from(projectNeeds)
      .innerJoin(needs, eq(needs.id, projectNeeds.needId))
      .where(inArray(projectNeeds.projectId, ids))
      .orderBy(asc(needs.createdAt)),
    db
      .select({ projectId: projectResources.projectId, resource: resources })
      .from(projectResources)
      .innerJoin(resources, eq(resources.id, projectResources.resourceId))
      .where(inArray(projectResources.projectId, ids))
      .orderBy(asc(resources.createdAt)),
    db
      .select({ item: trackedItems, workerName: users.nickname })
      .from(trackedItems)
      .leftJoin(users, eq(users.id, trackedItems.workerId))
      .where(inArray(trackedItems.projectId, ids)),
  ])
  return { needRows, resourceRows, items }
}

type Links = Awaited<ReturnType<typeof linksOf>>

/** Rows → the list's shape. Residents see the responsible party without a worker's name and resources without contacts. */
export function toSummaries(rows: ProjectRow[], links: Links, actor: Actor, staff: boolean, now: Date): z.output<typeof ProjectSummary>[] {
  return rows.flatMap((p) => {
    const tracked = links.items.find((i) => i.item.projectId === p.id)
    if (!tracked) return []
    const i = tracked.item
    return [
      {
        id: p.id,
        communityId: p.communityId,
        title: p.title,
        description: p.description,
        budgetFen: p.budgetFen,
        budgetLabel: budgetLabel(p.budgetFen),
        needs: links.needRows
          .filter((n) => n.projectId === p.id)
          .map((n) => ({
            id: n.id,
            title: n.title,
            status: n.status,
            statusLabel: needStatusLabels[n.status],
            supporterCount: n.supporterCount,
          })),
        resources: links.resourceRows
          .filter((r) => r.projectId === p.id)
          .map(({ resource }) => {
            const v = resourceView(resource, actor, staff)
            return { id: v.id, title: v.title, kind: v.kind, kindLabel: v.kindLabel, ownerLabel: `${v.ownerKindLabel} · ${v.ownerName}` }
          }),
        tracking: {
          itemId: i.id,
          partyLabel: partyLabel(i.party, i.partyName, staff ? tracked.workerName : null),
          deadline: i.deadline.toISOString(),
          status: i.status,
          statusLabel: trackedStatusLabels[i.status],
          progress: i.progress,
          overdue: isOverdue(i, now),
          lastUpdateAt: i.lastUpdateAt?.toISOString() ?? null,
        },
        createdAt: p.createdAt.toISOString(),
      },
    ]
  })
}

/**
 * The resources must all be of the project's community (404 naming `resourceIds` otherwise) and not
 * withdrawn — unless the project already uses them (`kept`): a withdrawn resource stays where it was.
 */
export async function assertResources(db: Db | Tx, communityId: string, ids: string[], kept: string[] = []) {
  const found = await db
    .select({ id: resources.id, withdrawnAt: resources.withdrawnAt })
    .from(resources)
    .where(and(eq(resources.communityId, communityId), inArray(resources.id, ids)))
  if (found.length !== ids.length)
    throw new AppError('NOT_FOUND', '资源不存在', {
      where: 'body',
      fields: [{ path: 'resourceIds', message: '只能选择本社区资源清单里的资源' }],
    })
  if (found.some((r) => r.withdrawnAt && !kept.includes(r.id)))
    throw new AppError('RESOURCE_WITHDRAWN', undefined, {
      where: 'body',
      fields: [{ path: 'resourceIds', message: '所选资源中有已撤回的，请重新选择' }],
    })
}
