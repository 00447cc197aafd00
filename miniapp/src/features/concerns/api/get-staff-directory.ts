import type { z } from 'zod'
import type { StaffDirectory } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'
import { useQuery } from '@/lib/api/use-query'

export type StaffDirectoryData = z.infer<typeof StaffDirectory>

/** GET /api/communities/:communityId/staff — the workers and partner organisations to assign to. */
export function getStaffDirectory(communityId: string): Promise<StaffDirectoryData> {
  return apiRequest<StaffDirectoryData>(`/communities/${encodeURIComponent(communityId)}/staff`)
}

export function useStaffDirectory(communityId: string | undefined) {
  return useQuery(communityId ? `communities/${communityId}/staff` : null, () => getStaffDirectory(communityId!))
}
