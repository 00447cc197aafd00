import { and, asc, eq, gte, inArray, lt, not, or, sql } from 'drizzle-orm'
import {
  affectedGroupLabels,
  needCategoryLabels,
  needStatusLabels,
  type AffectedGroup,
  type NeedCategory,
} from '../../domain/needs/needs.js'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import { budgetLabel } from '../../domain/projects/projects.js'
import { partyLabel, trackedStatusLabels } from '../../domain/tracking/items.js'
import type { Db } from '../../db/client.js'
import { needs, projects, trackedItems } from '../../db/schema/index.js'
import { underWayIn } from '../projects/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { type Cell, type Column, type CommunityKey, chinaCell, fromList, outer, type SheetSpec } from './sheet.js'

/**
 * Two sheets of the 议事协商台账 for 项目清单: the projects under way in the period, and the needs
 * that waited in the period with no project to meet them (未匹配资源的需求) — what the community
 * still has to find resources for. A few dozen rows a month: one query each.
 */
const projectColumns: readonly Column[] = [
  { header: '项目', width: 28 },
  { header: '对接需求', width: 30 },
  { header: '使用资源', width: 30 },
  { header: '预算', width: 12 },
  { header: '责任方', width: 18 },
  { header: '时限', width: 12, day: true },
  { header: '进度', width: 16 },
  { header: '完成比例（%）', width: 12 },
  { header: '最近进展', width: 12, day: true },
  { header: '建立时间', width: 17, time: true },
]

const needColumns: readonly Column[] = [
  { header: '需求', width: 28 },
  { header: '类别', width: 12 },
  { header: '涉及人群', width: 20 },
  { header: '提出方', width: 8 },
  { header: '支持人数', width: 10 },
  { header: '当前状态', width: 12 },
  { header: '列入清单时间', width: 17, time: true },
]

const projectShape = jsonShape({
  title: projects.title,
  budgetFen: projects.budgetFen,
  createdAt: projects.createdAt,
  needs: sql<string[]>`array(select n.title from project_needs pn join needs n on n.id = pn.need_id
    where pn.project_id = ${outer('projects', 'id')} order by n.created_at)`,
  // An organisation's name; a resident who offered a resource is 居民. Never a contact.
  resources: sql<string[]>`array(select r.title || '（' || case when r.owner_kind = 'resident' then '居民' else r.owner_name end || '）'
    from project_resources pr join resources r on r.id = pr.resource_id
    where pr.project_id = ${outer('projects', 'id')} order by r.created_at)`,
  item: trackedItems,
})

function projectPart(db: Db, community: CommunityKey, period: Period) {
  return allOf(
    db
      .select({ r: projectShape.object })
      .from(projects)
      .innerJoin(trackedItems, eq(trackedItems.projectId, projects.id))
      .where(underWayIn(community, period))
      .orderBy(asc(projects.createdAt), asc(projects.id)),
  )
}

function projectRows(values: unknown[]): Cell[][] {
  const rows = values.map(projectShape.decode)
  return rows.map((r) => [
    scrubText(r.title),
    r.needs.map(scrubText).join('；'),
    r.resources.map(scrubText).join('；'),
    budgetLabel(r.budgetFen),
    partyLabel(r.item.party, r.item.partyName),
    chinaCell(r.item.deadline),
    r.item.status === 'shelved' ? `已搁置：${scrubText(r.item.shelvedReason ?? '')}` : trackedStatusLabels[r.item.status],
    r.item.progress,
    chinaCell(r.item.lastUpdateAt),
    chinaCell(r.createdAt),
  ])
}

/**
 * 未匹配资源的需求: needs on the list (not pending, not declined) by the period's end that no project
 * created by then had taken up, leaving out those closed before the period began.
 */
const needShape = jsonShape({
  title: needs.title,
  category: needs.category,
  groups: needs.groups,
  raisedByStaff: needs.raisedByStaff,
  supporterCount: needs.supporterCount,
  status: needs.status,
  decidedAt: needs.decidedAt,
  createdAt: needs.createdAt,
})

function unmatchedPart(db: Db, community: CommunityKey, period: Period) {
  return allOf(
    db
      .select({ r: needShape.object })
      .from(needs)
      .where(
        and(
          eq(needs.communityId, community),
          lt(needs.createdAt, period.end),
          not(inArray(needs.status, ['pending_review', 'declined'])),
          or(sql`${needs.status} <> 'closed'`, gte(needs.updatedAt, period.start)),
          sql`not exists (select 1 from project_needs pn join projects p on p.id = pn.project_id
            where pn.need_id = ${outer('needs', 'id')} and p.created_at < ${period.end})`,
        ),
      )
      .orderBy(asc(needs.createdAt), asc(needs.id)),
  )
}

function unmatchedRows(values: unknown[]): Cell[][] {
  const rows = values.map(needShape.decode)
  return rows.map((n) => [
    scrubText(n.title),
    needCategoryLabels[n.category as NeedCategory] ?? n.category,
    (n.groups as AffectedGroup[]).map((g) => affectedGroupLabels[g]).join('、'),
    n.raisedByStaff ? '社区' : '居民',
    n.supporterCount,
    needStatusLabels[n.status],
    chinaCell(n.decidedAt ?? n.createdAt),
  ])
}

/** The two sheets' rows, as parts of the read that checks the right to the ledger. */
export function needParts(db: Db, community: CommunityKey, period: Period) {
  return { projects: projectPart(db, community, period), unmatchedNeeds: unmatchedPart(db, community, period) }
}

/** The two sheets of one community, from `needParts`; `prefix` names them in a street's workbook. */
export function needSheets(values: { projects: unknown[]; unmatchedNeeds: unknown[] }, prefix = ''): SheetSpec[] {
  return [
    { name: `${prefix}项目`, columns: projectColumns, rows: fromList(() => projectRows(values.projects)) },
    { name: `${prefix}未匹配资源的需求`, columns: needColumns, rows: fromList(() => unmatchedRows(values.unmatchedNeeds)) },
  ]
}
