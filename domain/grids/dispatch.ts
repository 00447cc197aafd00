/**
 * Grids (网格) and where a new concern goes. A grid is a few buildings of one community with one or
 * more grid workers; a building is in at most one grid. A concern about a building goes to that
 * building's grid and its workers are told; a concern with no building, or about a building in no
 * grid, goes to the community's inbox (its staff are told), as before grids existed.
 */
export interface GridShape {
  id: string
  buildingIds: readonly string[]
  workerIds: readonly string[]
}

export type Route = { to: 'grid'; gridId: string; notify: string[] } | { to: 'community'; notify: string[] }

/** Where a concern goes: the grid of its building, else the community inbox (told: `communityStaff`). */
export function route(buildingId: string | null, grids: readonly GridShape[], communityStaff: readonly string[]): Route {
  const grid = buildingId ? grids.find((g) => g.buildingIds.includes(buildingId)) : undefined
  // A grid without workers cannot take anything: the community inbox does.
  if (grid?.workerIds.length) return { to: 'grid', gridId: grid.id, notify: [...new Set(grid.workerIds)] }
  return { to: 'community', notify: [...new Set(communityStaff)] }
}

/**
 * Buildings a grid would share with another grid if `grid` were saved as given: the server refuses
 * the save (naming the buildings) rather than moving them silently.
 */
export function sharedBuildings(grid: Pick<GridShape, 'id' | 'buildingIds'>, others: readonly GridShape[]): string[] {
  const taken = new Set(others.filter((g) => g.id !== grid.id).flatMap((g) => g.buildingIds))
  return [...new Set(grid.buildingIds)].filter((b) => taken.has(b))
}
