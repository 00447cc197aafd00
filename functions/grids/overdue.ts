import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { categories } from '../../domain/concerns/categories.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { lateText, type Milestone, milestoneLabels, milestones } from '../../domain/concerns/milestones.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { OverdueItem, OverdueQuery } from '../../domain/schemas/grids.js'
import { communities, concerns, grids, users } from '../../db/schema/index.js'
import { communityAllowing, streetAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'

const openList = sql.raw(openStatuses.map((s) => `'${s}'`).join(', '))

/**
 * SQL: the concern `c` has a milestone overdue at `now` — the same rule as `overdue()` in
 * domain/concerns/milestones.ts (not reached, still open, deadline passed; 到场 only while unresolved).
 */
export function overdueNow(c: SQL, now: Date): SQL {
  const at = now.toISOString()
  return sql`(${c}.status in (${openList}) and (
    (${c}.acknowledged_at is null and ${c}.acknowledge_due_at < ${at})
    or (${c}.arrived_at is null and ${c}.resolved_at is null and ${c}.arrive_due_at < ${at})
    or (${c}.resolved_at is null and ${c}.due_at < ${at})))`
}

/** Each milestone's deadline column and the condition that it is still not reached. */
const pending = {
  acknowledge: { due: concerns.acknowledgeDueAt, open: isNull(concerns.acknowledgedAt) },
  arrive: { due: concerns.arriveDueAt, open: and(isNull(concerns.arrivedAt), isNull(concerns.resolvedAt)) },
  resolve: { due: concerns.dueAt, open: isNull(concerns.resolvedAt) },
} as const

interface Position {
  at: Date
  id: string
  rank: number
}

function encode(p: Position): string {
  return Buffer.from(`${p.at.toISOString()}|${p.id}|${p.rank}`).toString('base64url')
}

function decode(cursor: string): Position {
  const [time, id, rank] = Buffer.from(cursor, 'base64url').toString().split('|')
  const at = new Date(time ?? '')
  if (Number.isNaN(at.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '') || !/^[0-2]$/.test(rank ?? ''))
    throw new AppError('VALIDATION_FAILED', '分页参数「cursor」无效，请从第一页重新加载', { fields: [{ path: 'cursor', message: '无效' }] })
  return { at, id, rank: Number(rank) }
}

/**
 * What is overdue now in a community or across a street, one row per concern and milestone, the
 * longest overdue first (keyset over deadline, concern, milestone).
 */
export async function listOverdue(deps: Deps, actor: Actor, q: z.output<typeof OverdueQuery>) {
  const { db } = deps.database
  const now = deps.now()
  let scope: SQL
  if (q.communityId) {
    await communityAllowing(db, actor, q.communityId, 'overdue.view')
    scope = eq(concerns.communityId, q.communityId)
  } else {
    await streetAllowing(db, actor, q.streetId!, 'street.viewOverdue')
    scope = eq(communities.streetId, q.streetId!)
  }
  const after = q.cursor ? decode(q.cursor) : null
  const wanted = q.milestone ? [q.milestone] : [...milestones]
  const parts = await Promise.all(
    wanted.map(async (milestone) => {
      const rank = milestones.indexOf(milestone)
      const { due, open } = pending[milestone]
      const keyset = after
        ? or(
            gt(due, after.at),
            and(eq(due, after.at), or(gt(concerns.id, after.id), rank > after.rank ? eq(concerns.id, after.id) : sql`false`)),
          )
        : undefined
      const rows = await db
        .select({
          concernId: concerns.id,
          publicNo: concerns.publicNo,
          communityId: concerns.communityId,
          communityName: communities.name,
          gridId: grids.id,
          gridName: grids.name,
          category: concerns.category,
          description: concerns.description,
          status: concerns.status,
          assigneeName: users.nickname,
          assigneeOrg: concerns.assigneeOrg,
          dueAt: due,
        })
        .from(concerns)
        .innerJoin(communities, eq(communities.id, concerns.communityId))
        .leftJoin(grids, eq(grids.id, concerns.gridId))
        .leftJoin(users, eq(users.id, concerns.assigneeUserId))
        .where(
          and(
            scope,
            inArray(concerns.status, [...openStatuses]),
            open,
            isNotNull(due),
            lt(due, now),
            q.category ? eq(concerns.category, q.category) : undefined,
            keyset,
          ),
        )
        .orderBy(asc(due), asc(concerns.id))
        .limit(q.limit + 1)
      return rows.map((r) => ({ ...r, dueAt: r.dueAt as Date, milestone, rank }))
    }),
  )
  const merged = parts
    .flat()
    .sort(
      (a, b) =>
        a.dueAt.getTime() - b.dueAt.getTime() || (a.concernId < b.concernId ? -1 : a.concernId > b.concernId ? 1 : 0) || a.rank - b.rank,
    )
    .slice(0, q.limit + 1)
  const items = merged.slice(0, q.limit).map((r) => toItem(r, now))
  const last = merged[q.limit - 1]
  return { items, nextCursor: merged.length > q.limit && last ? encode({ at: last.dueAt, id: last.concernId, rank: last.rank }) : null }
}

function toItem(
  r: {
    concernId: string
    publicNo: string
    communityId: string
    communityName: string
    gridId: string | null
    gridName: string | null
    category: keyof typeof categories
    description: string
    status: (typeof openStatuses)[number]
    assigneeName: string | null
    assigneeOrg: string | null
    dueAt: Date
    milestone: Milestone
  },
  now: Date,
): z.output<typeof OverdueItem> {
  const minutesLate = Math.floor((now.getTime() - r.dueAt.getTime()) / 60_000)
  const excerpt = [...r.description].slice(0, 60).join('')
  return {
    concernId: r.concernId,
    publicNo: r.publicNo,
    communityId: r.communityId,
    communityName: r.communityName,
    grid: r.gridId && r.gridName ? { id: r.gridId, name: r.gridName } : null,
    category: r.category,
    categoryLabel: categories[r.category].label,
    excerpt: excerpt.length < r.description.length ? `${excerpt}…` : excerpt,
    status: r.status,
    statusLabel: concernStatusLabels[r.status],
    assignee: r.assigneeName ?? r.assigneeOrg,
    milestone: r.milestone,
    milestoneLabel: milestoneLabels[r.milestone],
    dueAt: r.dueAt.toISOString(),
    minutesLate,
    text: lateText(r.milestone, minutesLate),
  }
}
