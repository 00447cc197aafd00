import { and, asc, eq, gte, lt, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { categories } from '../../domain/concerns/categories.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { type MilestoneStanding, overdue } from '../../domain/concerns/milestones.js'
import { satisfactionLabels, satisfactionLevel } from '../../domain/kpis/formulas.js'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import type { Db } from '../../db/client.js'
import { buildings, concerns, grids, households, units, users } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { type Cell, type Column, type CommunityKey, chinaCell, outer, paged, type SheetSpec } from './sheet.js'

/**
 * 诉求办理台账: one row per concern received in the period, oldest first. The place is the
 * building, never the room; free text has phone and room numbers scrubbed; the author is never
 * named (only where the concern came from). docs/ledgers.md maps each column to its source.
 */
export const concernColumns: readonly Column[] = [
  { header: '编号', width: 17 },
  { header: '受理时间', width: 17, time: true },
  { header: '类别', width: 11 },
  { header: '地点', width: 16 },
  { header: '内容', width: 48 },
  { header: '来源', width: 12 },
  { header: '网格', width: 12 },
  { header: '承办人/单位', width: 16 },
  { header: '签收时间', width: 17, time: true },
  { header: '签收是否按时', width: 13 },
  { header: '到场时间', width: 17, time: true },
  { header: '到场是否按时', width: 13 },
  { header: '办结时间', width: 17, time: true },
  { header: '办结是否按时', width: 13 },
  { header: '结果', width: 10 },
  { header: '评价（1–5 分）', width: 14 },
  { header: '满意程度', width: 11 },
  { header: '是否重办', width: 10 },
  { header: '结案时间', width: 17, time: true },
]

const standingLabels: Record<MilestoneStanding, string> = {
  on_time: '按时',
  late: '超时',
  overdue: '已超时未完成',
  waiting: '未到期',
  untimed: '不计时',
}

const sourceLabels = { worker: '工作人员巡查', admin: '工作人员巡查', partner: '共建单位', resident: '居民（小程序）' } as const

const PAGE = 200
const assignee = alias(users, 'assignee')
const householdBuilding = alias(buildings, 'household_building')

const rowShape = jsonShape({
  id: concerns.id,
  publicNo: concerns.publicNo,
  createdAt: concerns.createdAt,
  category: concerns.category,
  building: sql<string | null>`coalesce(${buildings.name}, ${householdBuilding.name})`,
  placeText: concerns.placeText,
  description: concerns.description,
  authorRole: sql<keyof typeof sourceLabels | null>`(select m.role from memberships m where m.user_id = ${outer('concerns', 'author_id')}
    and m.community_id = ${outer('concerns', 'community_id')} order by m.role limit 1)`,
  grid: grids.name,
  assigneeName: assignee.nickname,
  assigneeOrg: concerns.assigneeOrg,
  status: concerns.status,
  acknowledgedAt: concerns.acknowledgedAt,
  acknowledgeDueAt: concerns.acknowledgeDueAt,
  arrivedAt: concerns.arrivedAt,
  arriveDueAt: concerns.arriveDueAt,
  resolvedAt: concerns.resolvedAt,
  dueAt: concerns.dueAt,
  rating: concerns.rating,
  reopenCount: concerns.reopenCount,
  closedAt: concerns.closedAt,
})

/**
 * One page of one visibility, after `after`, each row as JSON: `where community, visibility,
 * (created_at, id) > … order by created_at, id` is a range scan of the board's index
 * (community_id, visibility, created_at, id), so every page costs the same however far into the
 * year it is.
 */
function concernPage(
  db: Db,
  community: CommunityKey,
  visibility: 'public' | 'private',
  period: Period,
  after: { createdAt: Date; id: string } | undefined,
) {
  return db
    .select({ r: rowShape.object })
    .from(concerns)
    .leftJoin(buildings, eq(buildings.id, concerns.buildingId))
    .leftJoin(households, eq(households.id, concerns.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(householdBuilding, eq(householdBuilding.id, units.buildingId))
    .leftJoin(grids, eq(grids.id, concerns.gridId))
    .leftJoin(assignee, eq(assignee.id, concerns.assigneeUserId))
    .where(
      and(
        eq(concerns.communityId, community),
        eq(concerns.visibility, visibility),
        gte(concerns.createdAt, period.start),
        lt(concerns.createdAt, period.end),
        after ? sql`(${concerns.createdAt}, ${concerns.id}) > (${sql.param(after.createdAt, concerns.createdAt)}, ${after.id})` : undefined,
      ),
    )
    .orderBy(asc(concerns.createdAt), asc(concerns.id))
    .limit(PAGE)
}

/** The first page of each visibility, as parts of the read that checks the right to the ledger. */
export function concernParts(db: Db, community: CommunityKey, period: Period) {
  return {
    concernsPublic: allOf(concernPage(db, community, 'public', period, undefined)),
    concernsPrivate: allOf(concernPage(db, community, 'private', period, undefined)),
  }
}

type ConcernLedgerRow = ReturnType<typeof rowShape.decode>

/** One concern as a ledger row, in `concernColumns` order. */
export function concernRow(r: ConcernLedgerRow, now: Date): Cell[] {
  const standing = overdue(
    {
      status: r.status,
      receivedAt: r.createdAt,
      acknowledgedAt: r.acknowledgedAt,
      arrivedAt: r.arrivedAt,
      resolvedAt: r.resolvedAt,
      deadlines: { acknowledge: r.acknowledgeDueAt, arrive: r.arriveDueAt, resolve: r.dueAt },
    },
    now,
  )
  return [
    r.publicNo,
    chinaCell(r.createdAt),
    categories[r.category].label,
    r.building ?? (r.placeText ? scrubText(r.placeText) : ''),
    scrubText(r.description),
    sourceLabels[r.authorRole ?? 'resident'],
    r.grid ?? '社区',
    [r.assigneeName, r.assigneeOrg].filter(Boolean).join(' / '),
    chinaCell(r.acknowledgedAt),
    standingLabels[standing.acknowledge.standing],
    chinaCell(r.arrivedAt),
    standingLabels[standing.arrive.standing],
    chinaCell(r.resolvedAt),
    standingLabels[standing.resolve.standing],
    concernStatusLabels[r.status],
    r.rating,
    r.rating ? satisfactionLabels[satisfactionLevel(r.rating)] : '',
    r.reopenCount > 0 ? '是' : '否',
    chinaCell(r.closedAt),
  ]
}

const before = (a: ConcernLedgerRow, b: ConcernLedgerRow) =>
  a.createdAt.getTime() < b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id < b.id)

/** Two sequences in receipt order, merged into one. */
async function* mergeByReceipt(a: AsyncIterable<ConcernLedgerRow>, b: AsyncIterable<ConcernLedgerRow>) {
  const ia = a[Symbol.asyncIterator]()
  const ib = b[Symbol.asyncIterator]()
  let [x, y] = await Promise.all([ia.next(), ib.next()])
  while (!x.done || !y.done) {
    if (y.done || (!x.done && before(x.value, y.value))) {
      yield x.value as ConcernLedgerRow
      x = await ia.next()
    } else {
      yield y.value
      y = await ib.next()
    }
  }
}

/** The concerns sheet of one community: the first pages read with the check (`concernParts`), then the rest by keyset. */
export function concernSheet(
  db: Db,
  community: { id: string },
  period: Period,
  now: Date,
  name: string,
  first: { concernsPublic: unknown[]; concernsPrivate: unknown[] },
): SheetSpec {
  return {
    name,
    columns: concernColumns,
    rows: async function* () {
      const half = (visibility: 'public' | 'private', page: unknown[]) =>
        paged<ConcernLedgerRow>(
          page.map(rowShape.decode),
          async (after) => (await concernPage(db, community.id, visibility, period, after)).map((x) => rowShape.decode(x.r)),
          PAGE,
        )
      for await (const r of mergeByReceipt(half('public', first.concernsPublic), half('private', first.concernsPrivate)))
        yield concernRow(r, now)
    },
  }
}
