import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { ErrandsQuery } from '../../domain/schemas/errands.js'
import { errands } from '../../db/schema/index.js'
import { communityContext } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { stationOf, visibleErrand, type StationRow } from './access.js'
import { errandViews } from './views.js'

/** Open errands a station may take: its buildings, its kinds (and 其他); plus what this helper accepted. */
function helperWhere(userId: string, station: StationRow | null): SQL | undefined {
  const accepted = eq(errands.helperId, userId)
  if (!station?.active) return accepted
  return or(
    accepted,
    and(eq(errands.status, 'asked'), inArray(errands.buildingId, station.buildingIds), inArray(errands.kind, [...station.kinds, 'other'])),
  )
}

/**
 * mine: what I asked (a worker: what they asked on behalf); helper: open errands my station may take
 * and those I accepted; staff: the community's. Newest first, the last 100.
 */
export async function listErrands(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof ErrandsQuery>) {
  const { db } = deps.database
  const ctx = await communityContext(db, communityId)
  if (!ctx) throw new AppError('NOT_FOUND', '社区不存在')
  const staff = can(actor, 'errands.manage', ctx)
  const station = await stationOf(db, communityId, actor.userId)
  let scope: SQL | undefined
  if (q.scope === 'staff') {
    if (!staff) throw new AppError('FORBIDDEN', '只有社区工作人员可以查看全部代办')
  } else if (q.scope === 'helper') {
    if (!station) throw new AppError('FORBIDDEN', '您还没有代办站')
    scope = helperWhere(actor.userId, station)
  } else {
    if (!staff && !can(actor, 'errands.ask', ctx)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能找人帮忙')
    scope = eq(errands.askedBy, actor.userId)
  }
  const rows = await db
    .select()
    .from(errands)
    .where(and(eq(errands.communityId, communityId), scope, q.status ? eq(errands.status, q.status) : undefined))
    .orderBy(desc(errands.createdAt), desc(errands.id))
    .limit(100)
  return { items: await errandViews(db, actor, rows, station, staff) }
}

export async function getErrand(deps: Deps, actor: Actor, errandId: string) {
  const { db } = deps.database
  const { row, station, standing } = await visibleErrand(db, actor, errandId)
  return (await errandViews(db, actor, [row], station, standing.staff))[0]
}
