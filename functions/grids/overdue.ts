import { and, asc, eq, gt, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import { categories } from '../../domain/concerns/categories.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { lateText, type Milestone, milestoneLabels, milestones } from '../../domain/concerns/milestones.js'
import { canInStreet } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { OverdueItem, OverdueQuery } from '../../domain/schemas/grids.js'
import { excerptOf } from '../../domain/text.js'
import type { Db } from '../../db/client.js'
import { communities, concerns, grids, streets, users } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { readInCommunity, readSignedIn } from '../communities/index.js'
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

const rowFields = {
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
}

/** One milestone's overdue rows in `scope`, after the cursor's position, the longest overdue first, as a part of one statement. */
function milestonePart(db: Db, milestone: Milestone, scope: SQL, q: z.output<typeof OverdueQuery>, after: Position | null, now: Date) {
  const rank = milestones.indexOf(milestone)
  const { due, open } = pending[milestone]
  const shape = jsonShape({ ...rowFields, dueAt: due })
  const keyset = after
    ? or(
        gt(due, after.at),
        and(eq(due, after.at), or(gt(concerns.id, after.id), rank > after.rank ? eq(concerns.id, after.id) : sql`false`)),
      )
    : undefined
  const rows = db
    .select({ r: shape.object })
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
  const decoded = (value: unknown[]) =>
    value.map((r) => {
      const row = shape.decode(r)
      return { ...row, dueAt: row.dueAt as Date, milestone, rank }
    })
  return { part: allOf(rows), rows: decoded }
}

/**
 * What is overdue now in a community or across a street, one row per concern and milestone, the
 * longest overdue first (keyset over deadline, concern, milestone). Each milestone's page, the
 * community or the street, and the actor in one statement (decision 039); the checks come first,
 * then a malformed cursor is refused, as before.
 */
export async function listOverdue(deps: Deps, userId: string, q: z.output<typeof OverdueQuery>) {
  const { db } = deps.database
  const now = deps.now()
  let after: Position | null = null
  let refused: unknown = null
  try {
    after = q.cursor ? decode(q.cursor) : null
  } catch (err) {
    refused = err
  }
  const scope = q.communityId ? eq(concerns.communityId, q.communityId) : eq(communities.streetId, q.streetId!)
  const wanted = (q.milestone ? [q.milestone] : [...milestones]).map((m) => milestonePart(db, m, scope, q, after, now))
  const parts = Object.fromEntries(wanted.map((w, i) => [`m${i}`, w.part]))
  let read: Record<string, unknown>
  if (q.communityId) read = await readInCommunity(db, userId, q.communityId, 'overdue.view', parts)
  else {
    const { street, ...rest } = await readSignedIn(db, userId, {
      ...parts,
      street: firstOf(db.select({ r: streets.id }).from(streets).where(eq(streets.id, q.streetId!))),
    })
    if (!street) throw new AppError('NOT_FOUND', '街道不存在')
    if (!canInStreet(rest.actor, 'street.viewOverdue', { streetId: q.streetId! })) throw new AppError('FORBIDDEN')
    read = rest
  }
  if (refused) throw refused
  const merged = wanted
    .flatMap((w, i) => w.rows(read[`m${i}`] as unknown[]))
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
  return {
    concernId: r.concernId,
    publicNo: r.publicNo,
    communityId: r.communityId,
    communityName: r.communityName,
    grid: r.gridId && r.gridName ? { id: r.gridId, name: r.gridName } : null,
    category: r.category,
    categoryLabel: categories[r.category].label,
    excerpt: excerptOf(r.description),
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
