import { and, desc, eq, gte, isNull, lt, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import { budgetLabel } from '../../domain/projects/projects.js'
import type { BoardProjectView } from '../../domain/schemas/projects.js'
import type { Db } from '../../db/client.js'
import { projects, trackedItems } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { publicItemFields, publicItemView } from '../tracking/index.js'

/**
 * Projects of the community under way in the period: created by its end, not finished before it
 * began. The community may be a column of an outer read (a street's ledger names each in turn).
 */
export function underWayIn(communityId: string | SQLWrapper, period: Period): SQL | undefined {
  return and(
    eq(projects.communityId, communityId),
    lt(projects.createdAt, period.end),
    or(isNull(trackedItems.completedAt), gte(trackedItems.completedAt, period.start)),
  )
}

/** The resources a project uses, oldest first: their title and owner (a resident's reads 居民). */
type UsedResource = { title: string; ownerKind: string; ownerName: string }

/**
 * The 公示栏's 项目清单 row: the project, the titles of the needs it meets and what it uses (oldest
 * first), and its tracked item's public view (tracking's `publicItemFields`). Plain SQL in the
 * subqueries: the outer column qualified (tables named in db/schema/projects.ts, needs.ts).
 */
const boardProjectShape = jsonShape({
  id: projects.id,
  title: projects.title,
  budgetFen: projects.budgetFen,
  needs: sql<string[]>`coalesce((select json_agg(n.title order by n.created_at) from project_needs pn
    join needs n on n.id = pn.need_id where pn.project_id = "projects"."id"), '[]'::json)`,
  resources: sql<UsedResource[]>`coalesce((select json_agg(json_build_object('title', r.title, 'ownerKind', r.owner_kind,
    'ownerName', r.owner_name) order by r.created_at) from project_resources pr
    join resources r on r.id = pr.resource_id where pr.project_id = "projects"."id"), '[]'::json)`,
  item: publicItemFields,
  itemCommunityId: trackedItems.communityId,
  total: sql<number>`(count(*) over ())::int`.mapWith(Number),
})

/**
 * The 公示栏's 项目清单 for a month, as a part of the board's one statement (decision 039): projects
 * created by the month's end and not finished before it began, newest first, at most `limit`, each
 * with how many there are (`boardProjectsFrom` reads it back).
 */
export function boardProjectsPart(db: Db, communityId: string, period: Period, limit: number): SQL<unknown[]> {
  return allOf(
    db
      .select({ r: boardProjectShape.object })
      .from(projects)
      .innerJoin(trackedItems, eq(trackedItems.projectId, projects.id))
      .where(underWayIn(communityId, period))
      .orderBy(desc(projects.createdAt), desc(projects.id))
      .limit(limit),
  )
}

/**
 * `boardProjectsPart`'s rows as the board shows them: the needs they meet, what they use (a
 * resident's resource reads 居民, no contact), the party (an organisation, never a person), the
 * deadline, progress and the photos of their updates that passed review.
 */
export function boardProjectsFrom(values: unknown[], communityId: string, now: Date): { items: BoardProjectView[]; total: number } {
  const rows = values.map(boardProjectShape.decode)
  // Only a tracked item of the community itself is shown, as its public view of the community's items.
  const items = rows.flatMap((p): BoardProjectView[] => {
    if (p.itemCommunityId !== communityId) return []
    const item = publicItemView(p.item, now)
    return [
      {
        id: p.id,
        title: scrubText(p.title),
        needs: p.needs.map((n) => scrubText(n)),
        resources: p.resources.map((r) => `${scrubText(r.title)}（${r.ownerKind === 'resident' ? '居民' : scrubText(r.ownerName)}）`),
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
  return { items, total: rows[0]?.total ?? 0 }
}
