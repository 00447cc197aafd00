import { and, asc, eq, inArray, type SQLWrapper } from 'drizzle-orm'
import type { z } from 'zod'
import { needStatusLabels } from '../../domain/needs/needs.js'
import { can, type Actor } from '../../domain/permissions.js'
import { budgetLabel } from '../../domain/projects/projects.js'
import type { ProjectSummary } from '../../domain/schemas/projects.js'
import { isOverdue, partyLabel, trackedStatusLabels } from '../../domain/tracking/items.js'
import type { Db, Tx } from '../../db/client.js'
import { needs, projectNeeds, projectResources, projects, resources, trackedItems, users } from '../../db/schema/index.js'
import { allOf, firstOf, type JsonShape, jsonShape } from '../../db/together.js'
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

const needShape = jsonShape({ id: needs.id, title: needs.title, status: needs.status, supporterCount: needs.supporterCount })
const resourceShape = jsonShape({ resource: resources })
const trackedShape = jsonShape({ item: trackedItems, workerName: users.nickname })

/**
 * A project with what its views show besides its row, each a subquery on the outer `projects`
 * row: its needs and resources (oldest first) and its tracked item with the worker's name.
 */
export function projectFields(db: Db) {
  return {
    project: projects,
    needs: listOf(
      db
        .select({ r: needShape.object })
        .from(projectNeeds)
        .innerJoin(needs, eq(needs.id, projectNeeds.needId))
        .where(eq(projectNeeds.projectId, projects.id))
        .orderBy(asc(needs.createdAt)),
      needShape,
    ),
    resources: listOf(
      db
        .select({ r: resourceShape.object })
        .from(projectResources)
        .innerJoin(resources, eq(resources.id, projectResources.resourceId))
        .where(eq(projectResources.projectId, projects.id))
        .orderBy(asc(resources.createdAt)),
      resourceShape,
    ),
    tracked: firstOf(
      db
        .select({ r: trackedShape.object })
        .from(trackedItems)
        .leftJoin(users, eq(users.id, trackedItems.workerId))
        .where(eq(trackedItems.projectId, projects.id)),
    ).mapWith((v: unknown) => trackedShape.decode(v)),
  }
}

function listOf<S extends { decode(value: unknown): unknown }>(query: SQLWrapper, shape: S) {
  return allOf(query).mapWith((v: unknown[]) => v.map((r) => shape.decode(r) as ReturnType<S['decode']>))
}

export type ProjectWith = ReturnType<JsonShape<ReturnType<typeof projectFields>>['decode']>

/**
 * A project → the list's shape (none without its tracked item). Residents see the responsible
 * party without a worker's name and resources without contacts.
 */
export function projectSummary(p: ProjectWith, actor: Actor, staff: boolean, now: Date): z.output<typeof ProjectSummary> | undefined {
  if (!p.tracked) return undefined
  const { project, tracked } = p
  const i = tracked.item
  return {
    id: project.id,
    communityId: project.communityId,
    title: project.title,
    description: project.description,
    budgetFen: project.budgetFen,
    budgetLabel: budgetLabel(project.budgetFen),
    needs: p.needs.map((n) => ({
      id: n.id,
      title: n.title,
      status: n.status,
      statusLabel: needStatusLabels[n.status],
      supporterCount: n.supporterCount,
    })),
    resources: p.resources.map(({ resource }) => {
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
    createdAt: project.createdAt.toISOString(),
  }
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
