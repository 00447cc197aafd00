import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { affectedGroupLabels, needCategoryLabels, needStatusLabels, type NeedStatus } from '../../domain/needs/needs.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { Need } from '../../domain/schemas/needs.js'
import type { Db, Tx } from '../../db/client.js'
import { buildings, concerns, councilTopics, needs, needSources, needSupports, projectNeeds, projects } from '../../db/schema/index.js'
import { communityContext } from '../communities/index.js'
import { AppError } from '../http/errors.js'

export type NeedRow = typeof needs.$inferSelect
type NeedView = z.output<typeof Need>

/** Statuses every viewer of the community sees; pending and declined needs only their author and staff. */
export const publicStatuses: NeedStatus[] = ['open', 'on_agenda', 'in_project', 'met', 'closed']

/** A need the actor may see, with whether they manage it; 404 otherwise (its existence is private). */
export async function visibleNeed(db: Db | Tx, actor: Actor, needId: string) {
  const [row] = await db.select().from(needs).where(eq(needs.id, needId))
  const ctx = row ? await communityContext(db, row.communityId) : null
  if (!row || !ctx || !can(actor, 'needs.view', ctx)) throw new AppError('NOT_FOUND', '需求不存在')
  const staff = can(actor, 'needs.manage', ctx)
  if (!staff && !publicStatuses.includes(row.status) && row.raisedBy !== actor.userId) throw new AppError('NOT_FOUND', '需求不存在')
  return { row, ctx, staff }
}

/** Rows → the reply: buildings by name, sources by title, the caller's support; never the author's name. */
export async function needViews(db: Db | Tx, actor: Actor, rows: NeedRow[]): Promise<NeedView[]> {
  if (!rows.length) return []
  const ids = rows.map((r) => r.id)
  const buildingIds = [...new Set(rows.flatMap((r) => r.buildingIds))]
  const [bs, sources, mine, taken] = await Promise.all([
    buildingIds.length
      ? db.select({ id: buildings.id, name: buildings.name }).from(buildings).where(inArray(buildings.id, buildingIds))
      : Promise.resolve([]),
    db
      .select({
        needId: needSources.needId,
        concernId: needSources.concernId,
        topicId: needSources.topicId,
        concernTitle: concerns.publicNo,
        topicTitle: councilTopics.title,
      })
      .from(needSources)
      .leftJoin(concerns, eq(concerns.id, needSources.concernId))
      .leftJoin(councilTopics, eq(councilTopics.id, needSources.topicId))
      .where(inArray(needSources.needId, ids)),
    db
      .select({ needId: needSupports.needId })
      .from(needSupports)
      .where(and(inArray(needSupports.needId, ids), eq(needSupports.userId, actor.userId))),
    db
      .select({ needId: projectNeeds.needId, id: projects.id, title: projects.title })
      .from(projectNeeds)
      .innerJoin(projects, eq(projects.id, projectNeeds.projectId))
      .where(inArray(projectNeeds.needId, ids)),
  ])
  const supported = new Set(mine.map((m) => m.needId))
  return rows.map((r) => ({
    id: r.id,
    communityId: r.communityId,
    title: r.title,
    description: r.description,
    category: r.category as NeedView['category'],
    categoryLabel: needCategoryLabels[r.category as NeedView['category']] ?? r.category,
    groups: r.groups as NeedView['groups'],
    groupLabels: (r.groups as NeedView['groups']).map((g) => affectedGroupLabels[g]),
    buildings: bs.filter((b) => r.buildingIds.includes(b.id)),
    status: r.status,
    statusLabel: needStatusLabels[r.status],
    raisedBy: r.raisedByStaff ? ('staff' as const) : ('resident' as const),
    mine: r.raisedBy === actor.userId,
    decisionReason: r.decisionReason,
    supporterCount: r.supporterCount,
    supportedByMe: supported.has(r.id),
    sources: sources
      .filter((s) => s.needId === r.id)
      .map((s) =>
        s.concernId
          ? { kind: 'concern' as const, id: s.concernId, title: s.concernTitle ?? '' }
          : { kind: 'topic' as const, id: s.topicId as string, title: s.topicTitle ?? '' },
      ),
    topicId: r.topicId,
    project: taken.filter((p) => p.needId === r.id).map(({ id, title }) => ({ id, title }))[0] ?? null,
    createdAt: r.createdAt.toISOString(),
  }))
}
