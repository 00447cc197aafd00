import { and, eq, isNull } from 'drizzle-orm'
import { type Route, route } from '../../domain/grids/dispatch.js'
import type { Tx } from '../../db/client.js'
import { gridBuildings, grids, gridWorkers } from '../../db/schema/index.js'
import { staffIds } from '../communities/index.js'

/**
 * Where a new concern goes (网格 dispatch): the grid of its building and that grid's workers, or
 * the community's inbox and its staff. Read inside the raising transaction.
 */
export async function dispatchConcern(tx: Tx, communityId: string, buildingId: string | null): Promise<Route> {
  const staff = await staffIds(tx, communityId)
  if (!buildingId) return route(null, [], staff)
  const rows = await tx
    .select({ gridId: grids.id, userId: gridWorkers.userId })
    .from(gridBuildings)
    .innerJoin(grids, and(eq(grids.id, gridBuildings.gridId), isNull(grids.deletedAt)))
    .leftJoin(gridWorkers, eq(gridWorkers.gridId, grids.id))
    .where(eq(gridBuildings.buildingId, buildingId))
  if (!rows.length) return route(buildingId, [], staff)
  const workerIds = rows.map((r) => r.userId).filter((u): u is string => !!u)
  return route(buildingId, [{ id: rows[0].gridId, buildingIds: [buildingId], workerIds }], staff)
}

/** A grid's workers: who a concern routed to it is for. */
export async function gridWorkerIds(tx: Tx, gridId: string): Promise<string[]> {
  const rows = await tx.select({ userId: gridWorkers.userId }).from(gridWorkers).where(eq(gridWorkers.gridId, gridId))
  return rows.map((r) => r.userId)
}
