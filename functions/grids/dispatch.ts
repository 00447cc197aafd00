import { eq, type Placeholder, type SQL, sql } from 'drizzle-orm'
import { type Route, route } from '../../domain/grids/dispatch.js'
import type { Tx } from '../../db/client.js'
import { gridWorkers } from '../../db/schema/index.js'
import { staffIdsValue } from '../communities/index.js'

/** What routing a concern needs: the community's staff, and the grid of its building with its workers. */
export interface DispatchFacts {
  staff: string[]
  grid: { gridId: string; workerIds: string[] } | null
}

/**
 * The dispatch facts as one JSON value, read with the caller's own statement (decision 037);
 * `buildingId` may be an expression of that statement. Plain SQL: the tables are named in
 * db/schema/grids.ts.
 */
export function dispatchFacts(communityId: string | Placeholder | SQL, buildingId: SQL | string | null): SQL<DispatchFacts> {
  const grid =
    buildingId === null
      ? sql`null`
      : sql`(select json_build_object('gridId', g.id, 'workerIds',
          coalesce((select json_agg(w.user_id) from grid_workers w where w.grid_id = g.id), '[]'::json))
        from grid_buildings gb join grids g on g.id = gb.grid_id and g.deleted_at is null
        where gb.building_id = ${buildingId} limit 1)`
  return sql<DispatchFacts>`json_build_object('staff', ${staffIdsValue(communityId)}, 'grid', ${grid})`
}

/**
 * Where a new concern goes (网格 dispatch): the grid of its building and that grid's workers, or
 * the community's inbox and its staff.
 */
export function dispatchFrom(facts: DispatchFacts, buildingId: string | null): Route {
  if (!buildingId || !facts.grid) return route(buildingId, [], facts.staff)
  return route(buildingId, [{ id: facts.grid.gridId, buildingIds: [buildingId], workerIds: facts.grid.workerIds }], facts.staff)
}

/** A grid's workers: who a concern routed to it is for. */
export async function gridWorkerIds(tx: Tx, gridId: string): Promise<string[]> {
  const rows = await tx.select({ userId: gridWorkers.userId }).from(gridWorkers).where(eq(gridWorkers.gridId, gridId))
  return rows.map((r) => r.userId)
}
