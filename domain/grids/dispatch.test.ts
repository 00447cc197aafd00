import { describe, expect, it } from 'vitest'
import { route, sharedBuildings } from './dispatch.js'

const grids = [
  { id: 'g1', buildingIds: ['b1', 'b2'], workerIds: ['w1', 'w2'] },
  { id: 'g2', buildingIds: ['b3'], workerIds: [] },
]

describe('dispatch', () => {
  it('sends a concern to the grid of its building and tells the grid workers', () => {
    expect(route('b2', grids, ['admin'])).toEqual({ to: 'grid', gridId: 'g1', notify: ['w1', 'w2'] })
  })

  it('sends it to the community inbox with no building, a building in no grid, or a grid without workers', () => {
    expect(route(null, grids, ['admin', 'worker'])).toEqual({ to: 'community', notify: ['admin', 'worker'] })
    expect(route('b9', grids, ['admin'])).toEqual({ to: 'community', notify: ['admin'] })
    expect(route('b3', grids, ['admin', 'admin'])).toEqual({ to: 'community', notify: ['admin'] })
  })

  it('names the buildings a grid would share with another', () => {
    expect(sharedBuildings({ id: 'g2', buildingIds: ['b3', 'b2', 'b2'] }, grids)).toEqual(['b2'])
    expect(sharedBuildings({ id: 'g1', buildingIds: ['b1', 'b2'] }, grids)).toEqual([])
  })
})
