import { and, desc, eq, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import { budgetLabel } from '../../domain/projects/projects.js'
import type { BoardProjectView } from '../../domain/schemas/projects.js'
import type { Db } from '../../db/client.js'
import { projects, trackedItems } from '../../db/schema/index.js'
import { publicTrackedItems } from '../tracking/index.js'
import { linksOf } from './common.js'

/** Projects of the community under way in the period: created by its end, not finished before it began. */
export function underWayIn(communityId: string, period: Period): SQL | undefined {
  return and(
    eq(projects.communityId, communityId),
    lt(projects.createdAt, period.end),
    or(isNull(trackedItems.completedAt), gte(trackedItems.completedAt, period.start)),
  )
}

/**
 * The 公示栏's 项目清单 for a month: projects created by the month's end and not finished before it
 * began, newest first, with the needs they meet, what they use (a resident's resource reads 居民, no
 * contact), the party (an organisation, never a person), the deadline, progress and the photos of
 * their updates that passed review — the tracked item's public view (tracking's `publicTrackedItems`).
 */
export async function boardProjects(
  db: Db,
  communityId: string,
  period: Period,
  opts: { now: Date; limit?: number },
): Promise<{ items: BoardProjectView[]; total: number }> {
  const query = db
    .select({ project: projects, itemId: trackedItems.id, total: sql<number>`(count(*) over ())::int` })
    .from(projects)
    .innerJoin(trackedItems, eq(trackedItems.projectId, projects.id))
    .where(underWayIn(communityId, period))
    .orderBy(desc(projects.createdAt), desc(projects.id))
  const rows = opts.limit === undefined ? await query : await query.limit(opts.limit)
  const [links, items] = await Promise.all([
    linksOf(
      db,
      rows.map((r) => r.project.id),
    ),
    publicTrackedItems(db, communityId, { now: opts.now, itemIds: rows.map((r) => r.itemId), limit: rows.length || 1 }),
  ])
  const out = rows.flatMap(({ project: p, itemId }): BoardProjectView[] => {
    const item = items.find((i) => i.id === itemId)
    if (!item) return []
    return [
      {
        id: p.id,
        title: scrubText(p.title),
        needs: links.needRows.filter((n) => n.projectId === p.id).map((n) => scrubText(n.title)),
        resources: links.resourceRows
          .filter((r) => r.projectId === p.id)
          .map(({ resource: r }) => `${scrubText(r.title)}（${r.ownerKind === 'resident' ? '居民' : scrubText(r.ownerName)}）`),
        budgetLabel: budgetLabel(p.budgetFen),
        partyLabel: item.partyLabel,
        deadline: item.deadline,
        status: item.status,
        statusLabel: item.statusLabel,
        progress: item.progress,
        overdue: item.overdue,
        lastUpdateAt: item.lastUpdateAt,
        photos: item.photos,
      },
    ]
  })
  return { items: out, total: rows[0]?.total ?? 0 }
}
