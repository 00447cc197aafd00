import { and, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { can, type Actor } from '../../domain/permissions.js'
import type { KpiScope } from '../../domain/schemas/kpis.js'
import type { Db } from '../../db/client.js'
import { communities, concerns, grids, kpiDaily, memberships, users } from '../../db/schema/index.js'
import { communityAllowing, streetAllowing } from '../communities/index.js'
import { AppError } from '../http/errors.js'

/**
 * A unit the figures are about, resolved once for the figures and the lists behind them: its
 * name, the street whose settings apply, and the same filter on the aggregate rows and on the
 * concerns. A worker or a partner organisation may serve several communities: their figures
 * cover the ones the viewer may see.
 */
export interface KpiUnit {
  kind: KpiScope
  id: string
  name: string
  streetId: string
  onAggregates: SQL
  onConcerns: SQL
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

/** The communities among `ids` where the actor may see the figures, with their streets. */
async function visibleCommunities(db: Db, actor: Actor, ids: string[]) {
  if (!ids.length) return []
  const rows = await db
    .select({ communityId: communities.id, streetId: communities.streetId })
    .from(communities)
    .where(inArray(communities.id, ids))
  return rows.filter((r) => can(actor, 'kpi.view', r))
}

/** 404 for an unknown unit, 403 for one the actor may not see; the unit otherwise. */
export async function resolveUnit(db: Db, actor: Actor, kind: KpiScope, id: string): Promise<KpiUnit> {
  checkId(kind, id)
  if (kind === 'street') {
    const street = await streetAllowing(db, actor, id, 'street.viewKpis')
    return {
      kind,
      id,
      name: street.name,
      streetId: id,
      onAggregates: eq(kpiDaily.streetId, id),
      onConcerns: sql`${concerns.communityId} in (select id from communities where street_id = ${id})`,
    }
  }
  if (kind === 'community') {
    const community = await communityAllowing(db, actor, id, 'kpi.view')
    return {
      kind,
      id,
      name: community.name,
      streetId: community.streetId,
      onAggregates: eq(kpiDaily.communityId, id),
      onConcerns: eq(concerns.communityId, id),
    }
  }
  if (kind === 'grid') {
    const [grid] = await db.select({ name: grids.name, communityId: grids.communityId }).from(grids).where(eq(grids.id, id))
    if (!grid) throw new AppError('NOT_FOUND', '网格不存在')
    const community = await communityAllowing(db, actor, grid.communityId, 'kpi.view')
    return {
      kind,
      id,
      name: grid.name,
      streetId: community.streetId,
      onAggregates: eq(kpiDaily.gridId, id),
      onConcerns: eq(concerns.gridId, id),
    }
  }
  if (kind === 'worker') {
    const rows = await db
      .select({ name: users.nickname, communityId: memberships.communityId })
      .from(users)
      .innerJoin(memberships, and(eq(memberships.userId, users.id), inArray(memberships.role, ['worker', 'admin'])))
      .where(eq(users.id, id))
    if (!rows.length) throw new AppError('NOT_FOUND', '没有这位社区工作人员')
    const visible = await visibleCommunities(db, actor, [...new Set(rows.map((r) => r.communityId))])
    if (!visible.length) throw new AppError('FORBIDDEN')
    const ids = visible.map((v) => v.communityId)
    return {
      kind,
      id,
      name: rows[0].name,
      streetId: visible[0].streetId,
      onAggregates: and(eq(kpiDaily.workerId, id), inArray(kpiDaily.communityId, ids))!,
      onConcerns: and(eq(concerns.assigneeUserId, id), inArray(concerns.communityId, ids))!,
    }
  }
  const rows = await db
    .selectDistinct({ communityId: memberships.communityId })
    .from(memberships)
    .where(and(eq(memberships.role, 'partner'), eq(memberships.orgName, id)))
  if (!rows.length) throw new AppError('NOT_FOUND', '没有这个共建单位')
  const visible = await visibleCommunities(
    db,
    actor,
    rows.map((r) => r.communityId),
  )
  if (!visible.length) throw new AppError('FORBIDDEN')
  const ids = visible.map((v) => v.communityId)
  return {
    kind,
    id,
    name: id,
    streetId: visible[0].streetId,
    onAggregates: and(eq(kpiDaily.partner, id), inArray(kpiDaily.communityId, ids))!,
    onConcerns: and(eq(concerns.assigneeOrg, id), inArray(concerns.communityId, ids))!,
  }
}
