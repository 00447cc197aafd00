import { and, asc, desc, eq, exists, gt, inArray, ne, or, sql, type SQL } from 'drizzle-orm'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { rankSimilar } from '../../domain/concerns/similar.js'
import { can, hasRole } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { BoardQuery, InboxQuery, SimilarQuery } from '../../domain/schemas/concerns.js'
import type { Db } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { households, concerns, memberships, units, users } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { actorFrom, actorJson } from '../auth/index.js'
import { readSignedIn, readSignedInChecked } from '../communities/index.js'
import type { Deps } from '../context.js'
import { overdueNow } from '../grids/index.js'
import { afterCursor, beyond, decodeTimedCursor, toPage } from '../http/cursor.js'
import { AppError } from '../http/errors.js'
import { partnerOrgs } from './access.js'
import { concernJsonRows, concernOf, concernRows, toSummary } from './views.js'

const SIMILAR_WINDOW_DAYS = 60

/** Concern lists run newest first by (created_at, id). */
const byTime = { at: concerns.createdAt, id: concerns.id }

function keysetBefore(cursor: string | undefined): SQL | undefined {
  return afterCursor(cursor, byTime, 'desc')
}

function statusFilter(status: 'open' | 'resolved' | 'all'): SQL | undefined {
  if (status === 'open') return inArray(concerns.status, [...openStatuses])
  if (status === 'resolved') return inArray(concerns.status, ['resolved', 'closed'])
  return undefined
}

type BoardShape = Pick<z.output<typeof BoardQuery>, 'scope' | 'status'> & { category: boolean; cursor: boolean }

/**
 * The board's statement for one shape of query (scope, status, with a category, after a cursor),
 * its values as placeholders so it is built and planned once per connection (decision 037). The
 * actor comes with the page.
 */
function boardStatement(db: Db, shape: BoardShape) {
  const userId = sql.placeholder('userId')
  const scope: SQL =
    shape.scope === 'mine'
      ? eq(concerns.authorId, userId)
      : shape.scope === 'following'
        ? sql`exists (select 1 from follows f where f.concern_id = ${concerns.id} and f.user_id = ${userId})`
        : and(eq(concerns.visibility, 'public'), ne(concerns.status, 'merged'))!
  const conditions = [
    eq(concerns.communityId, sql.placeholder('communityId')),
    scope,
    statusFilter(shape.status),
    shape.category ? eq(concerns.category, sql.placeholder('category')) : undefined,
    shape.cursor ? beyond(byTime, 'desc', { at: sql.placeholder('at'), id: sql.placeholder('id') }) : undefined,
  ].filter(Boolean) as SQL[]
  return concernRows(db, { actor: actorJson(userId) })
    .where(and(...conditions))
    .orderBy(desc(concerns.createdAt), desc(concerns.id))
    .limit(sql.placeholder('limit'))
}

type BoardRow = Awaited<ReturnType<ReturnType<typeof boardStatement>['execute']>>[number]

/**
 * The 诉求 board: public concerns of a community, mine, or those I follow; newest first. The actor
 * comes with the page in one statement; an empty page loads it alone.
 */
export async function listBoard(deps: Deps, userId: string, communityId: string, q: z.output<typeof BoardQuery>) {
  const { db } = deps.database
  const after = q.cursor ? decodeTimedCursor(q.cursor) : null
  const shape: BoardShape = { scope: q.scope, status: q.status, category: !!q.category, cursor: !!after }
  const name = `board_${shape.scope}_${shape.status}${shape.category ? '_c' : ''}${shape.cursor ? '_k' : ''}`
  const values = { userId, communityId, category: q.category, at: after?.at, id: after?.id, limit: q.limit + 1 }
  let rows = await runPrepared<BoardRow>(db, name, () => boardStatement(db, shape), values)
  const actor = await actorFrom(db, userId, rows[0])
  const staff = hasRole(actor, communityId, 'worker', 'admin')
  // Followed concerns that turned private stay visible only to those allowed to see them.
  if (q.scope === 'following' && !staff) rows = rows.filter((r) => r.visibility === 'public' || r.authorId === userId)
  return toPage(rows, q.limit, (r) => toSummary(r, { userId, privileged: staff }, deps.now()))
}

/**
 * The staff inbox (workers, admins) or a partner's list of what is assigned to their organisation,
 * in one statement with the actor (decision 039): which concerns a partner sees is decided in SQL
 * from their memberships, the right checked before anything is returned.
 */
export async function listInbox(deps: Deps, userId: string, communityId: string, q: z.output<typeof InboxQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const { rows } = await readSignedInChecked(
    db,
    userId,
    (actor) => {
      const staff = hasRole(actor, communityId, 'worker', 'admin')
      if (!staff && !partnerOrgs(actor, communityId).length) throw new AppError('FORBIDDEN', '只有本社区的工作人员和共建单位可以查看工单')
    },
    () => ({ rows: allOf(inboxPage(db, userId, communityId, q, now)) }),
  )
  return toPage(rows.map(concernOf), q.limit, (r) => toSummary(r, { userId, privileged: true }, now))
}

/** The inbox's page: everything for the community's staff, else what is assigned to the person's organisations. */
function inboxPage(db: Db, userId: string, communityId: string, q: z.output<typeof InboxQuery>, now: Date) {
  const mine = (role: SQL) => and(eq(memberships.userId, userId), eq(memberships.communityId, communityId), role)
  const staff = exists(
    db
      .select({ one: sql`1` })
      .from(memberships)
      .where(mine(inArray(memberships.role, ['worker', 'admin']))),
  )
  const orgs = db
    .select({ org: memberships.orgName })
    .from(memberships)
    .where(mine(eq(memberships.role, 'partner')))
  const conditions = [
    eq(concerns.communityId, communityId),
    or(staff, inArray(concerns.assigneeOrg, orgs)),
    q.status ? eq(concerns.status, q.status) : undefined,
    q.category ? eq(concerns.category, q.category) : undefined,
    q.overdue ? overdueNow(sql`${concerns}`, now) : undefined,
    q.mine ? eq(concerns.assigneeUserId, userId) : undefined,
    keysetBefore(q.cursor),
  ].filter(Boolean) as SQL[]
  return concernJsonRows(db)
    .where(and(...conditions))
    .orderBy(desc(concerns.createdAt), desc(concerns.id))
    .limit(q.limit + 1)
}

/**
 * Up to five open concerns like the one being written: same community and category, last 60 days.
 * One statement with the actor (decision 039), the household's building read inside it.
 */
export async function findSimilar(deps: Deps, userId: string, q: z.output<typeof SimilarQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const since = new Date(now.getTime() - SIMILAR_WINDOW_DAYS * 86400_000)
  const list = concernJsonRows(db)
    .where(
      and(
        eq(concerns.communityId, q.communityId),
        eq(concerns.category, q.category),
        gt(concerns.createdAt, since),
        inArray(concerns.status, [...openStatuses]),
        or(eq(concerns.visibility, 'public'), eq(concerns.authorId, userId)),
      ),
    )
    .orderBy(desc(concerns.createdAt))
    .limit(300)
  const householdBuilding =
    !q.buildingId && q.householdId
      ? db
          .select({ buildingId: units.buildingId })
          .from(households)
          .innerJoin(units, eq(units.id, households.unitId))
          .where(eq(households.id, q.householdId))
      : undefined
  const { actor, candidates, building } = await readSignedIn(db, userId, {
    candidates: allOf(list),
    building: householdBuilding ? sql<string | null>`(${householdBuilding})` : sql<string | null>`null`,
  })
  const buildingId = q.buildingId ?? building ?? null
  const ranked = rankSimilar(
    q.description,
    candidates.map(concernOf).map((c) => ({ ...c, sameBuilding: !!buildingId && c.buildingId === buildingId })),
  )
  const staff = hasRole(actor, q.communityId, 'worker', 'admin')
  return { items: ranked.map((r) => toSummary(r, { userId, privileged: staff }, now)) }
}

const staffShape = jsonShape({ userId: memberships.userId, role: memberships.role, orgName: memberships.orgName, name: users.nickname })

/** The community's workers, admins and partners, each row as one JSON column (`staffShape`). */
function staffList(db: Db, communityId: string) {
  return db
    .select({ r: staffShape.object })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, communityId), inArray(memberships.role, ['worker', 'admin', 'partner'])))
    .orderBy(asc(memberships.role), asc(users.nickname))
}

function directoryOf(json: unknown[]) {
  const rows = json.map(staffShape.decode)
  return {
    workers: rows.filter((r) => r.role !== 'partner').map((r) => ({ userId: r.userId, name: r.name, role: r.role as 'worker' | 'admin' })),
    partners: [...new Set(rows.filter((r) => r.role === 'partner' && r.orgName).map((r) => r.orgName!))].map((orgName) => ({ orgName })),
  }
}

/** Who a concern can be assigned to: the community's workers and admins, and its partners' organisations. */
export async function staffDirectory(db: Db, communityId: string) {
  return directoryOf((await staffList(db, communityId)).map((row) => row.r))
}

/** The assign directory for the community's staff, in one statement with the actor (decision 039). */
export async function readStaffDirectory(db: Db, userId: string, communityId: string) {
  const { actor, rows } = await readSignedIn(db, userId, { rows: allOf(staffList(db, communityId)) })
  if (!can(actor, 'residency.review', { communityId })) throw new AppError('FORBIDDEN')
  return directoryOf(rows)
}
