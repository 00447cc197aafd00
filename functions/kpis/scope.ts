import { and, asc, eq, type SQL, sql } from 'drizzle-orm'
import type { KpiSettings } from '../../domain/kpis/formulas.js'
import { type Actor, can, canInStreet } from '../../domain/permissions.js'
import type { KpiScope } from '../../domain/schemas/kpis.js'
import type { Db } from '../../db/client.js'
import { communities, concerns, grids, kpiDaily, streets, users } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { readSignedIn } from '../communities/index.js'
import { AppError } from '../http/errors.js'
import { settingsFromPart, settingsPart } from './settings.js'

/**
 * A unit the figures are about, resolved once for the figures and the lists behind them: its
 * name, the street whose settings apply (and those settings), and the same filter on the aggregate
 * rows and on the concerns. A worker or a partner organisation may serve several communities:
 * their figures cover the ones the viewer may see.
 */
export interface KpiUnit {
  kind: KpiScope
  id: string
  name: string
  streetId: string
  settings: KpiSettings
}

/** What a unit's figures and lists read: written on kpi_daily's and concerns' columns. */
export interface UnitFilter {
  onAggregates: SQL
  onConcerns: SQL
  /** Only the street or the community: whole months may come from kpi_community_monthly (decision 036). */
  byCommunity: boolean
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function badId(): AppError {
  const message = '统计对象编号（id）应为 UUID'
  return new AppError('VALIDATION_FAILED', message, { where: 'query', fields: [{ path: 'id', message }] })
}

/** 400 unless `id` can name a unit of `kind` (a partner is named by its organisation's name). */
export function checkId(kind: KpiScope, id: string) {
  if (kind !== 'partner' && !uuid.test(id)) throw badId()
}

/** The communities a worker (as worker or admin) or a partner organisation serves. */
function servedBy(kind: 'worker' | 'partner', id: string): SQL {
  return kind === 'worker'
    ? sql`select community_id from memberships where user_id = ${id} and role in ('worker', 'admin')`
    : sql`select community_id from memberships where role = 'partner' and org_name = ${id}`
}

/**
 * Those of `served` where the viewer may see the figures: 'kpi.view' (domain/permissions.ts, staff
 * of the community or an official of its street) in SQL, so that the sums and a drill-down's page
 * read only them in the same statement; `readUnit` checks the same rule with `can`.
 */
function viewable(served: SQL, userId: string): SQL {
  return sql`select c.id from communities c where c.id in (${served}) and (
    exists (select 1 from memberships m where m.user_id = ${userId} and m.community_id = c.id and m.role in ('worker', 'admin'))
    or exists (select 1 from street_memberships s where s.user_id = ${userId} and s.street_id = c.street_id and s.role = 'street_admin'))`
}

/** The filter of a unit's figures and lists, known before anything is read (`userId`: who looks). */
export function unitFilter(kind: KpiScope, id: string, userId: string): UnitFilter {
  if (kind === 'street')
    return {
      onAggregates: eq(kpiDaily.streetId, id),
      onConcerns: sql`${concerns.communityId} in (select id from communities where street_id = ${id})`,
      byCommunity: true,
    }
  if (kind === 'community')
    return { onAggregates: eq(kpiDaily.communityId, id), onConcerns: eq(concerns.communityId, id), byCommunity: true }
  if (kind === 'grid') return { onAggregates: eq(kpiDaily.gridId, id), onConcerns: eq(concerns.gridId, id), byCommunity: false }
  const seen = viewable(servedBy(kind, id), userId)
  const [aggregate, concern] = kind === 'worker' ? [kpiDaily.workerId, concerns.assigneeUserId] : [kpiDaily.partner, concerns.assigneeOrg]
  return {
    onAggregates: and(eq(aggregate, id), sql`${kpiDaily.communityId} in (${seen})`)!,
    onConcerns: and(eq(concern, id), sql`${concerns.communityId} in (${seen})`)!,
    byCommunity: false,
  }
}

/** A unit's candidates: its name, each community it is in (none for a street) with its street and that street's settings. */
function candidates(db: Db, kind: KpiScope, id: string): SQL {
  const settings = settingsPart(db, kind === 'street' ? streets.id : communities.streetId)
  if (kind === 'street') {
    const shape = jsonShape({ name: streets.name, communityId: sql<string | null>`null`, streetId: streets.id, settings })
    return allOf(db.select({ r: shape.object }).from(streets).where(eq(streets.id, id)))
  }
  const place = { communityId: communities.id, streetId: communities.streetId, settings }
  if (kind === 'community') {
    const shape = jsonShape({ name: communities.name, ...place })
    return allOf(db.select({ r: shape.object }).from(communities).where(eq(communities.id, id)))
  }
  if (kind === 'grid') {
    const shape = jsonShape({ name: grids.name, ...place })
    return allOf(
      db.select({ r: shape.object }).from(grids).innerJoin(communities, eq(communities.id, grids.communityId)).where(eq(grids.id, id)),
    )
  }
  const served = sql`${communities.id} in (${servedBy(kind, id)})`
  if (kind === 'worker') {
    const shape = jsonShape({ name: users.nickname, ...place })
    return allOf(
      db.select({ r: shape.object }).from(communities).innerJoin(users, eq(users.id, id)).where(served).orderBy(asc(communities.id)),
    )
  }
  const shape = jsonShape({ name: sql<string>`${id}::text`, ...place })
  return allOf(db.select({ r: shape.object }).from(communities).where(served).orderBy(asc(communities.id)))
}

interface Candidate {
  name: string
  communityId: string | null
  streetId: string
  settings: unknown
}

const notFound: Record<KpiScope, string> = {
  street: '街道不存在',
  community: '社区不存在',
  grid: '网格不存在',
  worker: '没有这位社区工作人员',
  partner: '没有这个共建单位',
}

/** 404 for an unknown unit, 403 for one the actor may not see (as before: the street's right, else the communities'). */
function unitOf(actor: Actor, kind: KpiScope, id: string, rows: Candidate[]): KpiUnit {
  if (!rows.length) throw new AppError('NOT_FOUND', notFound[kind])
  const visible =
    kind === 'street'
      ? rows.filter((r) => canInStreet(actor, 'street.viewKpis', { streetId: r.streetId }))
      : rows.filter((r) => can(actor, 'kpi.view', { communityId: r.communityId!, streetId: r.streetId }))
  if (!visible.length) throw new AppError('FORBIDDEN')
  const [first] = visible
  return { kind, id, name: first.name, streetId: first.streetId, settings: settingsFromPart(first.settings) }
}

/**
 * A unit's read in one statement with the actor (decision 039): the unit's candidates beside
 * `parts` (built on `unitFilter`); 401 for a deleted account, then 404 and 403 as above, all
 * before anything of `parts` is returned. A malformed id is refused (400) before the read.
 */
export async function readUnit<P extends Record<string, SQL>>(
  db: Db,
  userId: string,
  kind: KpiScope,
  id: string,
  parts: (filter: UnitFilter) => P,
) {
  checkId(kind, id)
  const { unitRows, ...rest } = await readSignedIn(db, userId, {
    ...parts(unitFilter(kind, id, userId)),
    unitRows: candidates(db, kind, id),
  })
  const unit = unitOf(rest.actor, kind, id, unitRows as Candidate[])
  return { ...rest, unit }
}
