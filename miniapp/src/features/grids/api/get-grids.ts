import type { z } from 'zod'
import type { DeletedGrid, Grid, GridList, GridPatch, NewGridInput } from '@domain/schemas/grids.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries, useQuery } from '@/lib/api/use-query'

export type GridListData = z.infer<typeof GridList>
export type GridData = z.infer<typeof Grid>
export type NewGridBody = z.input<typeof NewGridInput>
export type GridPatchBody = z.input<typeof GridPatch>
export type DeletedGridData = z.infer<typeof DeletedGrid>

export const gridsKeyPrefix = 'grids/'

/** GET /api/communities/:communityId/grids — the grids with their buildings, workers and open work; buildings in none. */
export function useGrids(communityId: string | undefined) {
  return useQuery(communityId ? `${gridsKeyPrefix}${communityId}` : null, () =>
    apiRequest<GridListData>(`/communities/${encodeURIComponent(communityId!)}/grids`),
  )
}

/** POST /api/communities/:communityId/grids (new) or PATCH /api/grids/:gridId (name, buildings, workers). */
export function saveGrid(input: { communityId: string; gridId?: string; body: NewGridBody }): Promise<GridData> {
  return input.gridId
    ? apiRequest<GridData>(`/grids/${encodeURIComponent(input.gridId)}`, {
        method: 'PATCH',
        body: input.body as GridPatchBody,
        toast: false,
      })
    : apiRequest<GridData>(`/communities/${encodeURIComponent(input.communityId)}/grids`, {
        method: 'POST',
        body: input.body,
        toast: false,
      })
}

export function useSaveGrid(options: { onSuccess?: (grid: GridData) => void } = {}) {
  return useMutation(saveGrid, {
    onSuccess: (grid) => {
      invalidateQueries(gridsKeyPrefix)
      options.onSuccess?.(grid)
    },
  })
}

/** DELETE /api/grids/:gridId — its buildings' new concerns go to the community's inbox. */
export function deleteGrid(gridId: string): Promise<DeletedGridData> {
  return apiRequest<DeletedGridData>(`/grids/${encodeURIComponent(gridId)}`, { method: 'DELETE', toast: false })
}

export function useDeleteGrid(options: { onSuccess?: () => void } = {}) {
  return useMutation(deleteGrid, {
    onSuccess: () => {
      invalidateQueries(gridsKeyPrefix)
      options.onSuccess?.()
    },
  })
}
