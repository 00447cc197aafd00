import type { z } from 'zod'
import type { ParticipationPage, ParticipationQuery } from '@domain/schemas/votes.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'

export type ParticipationPageData = z.infer<typeof ParticipationPage>
export type ParticipationEntryData = ParticipationPageData['items'][number]
export type ParticipationFilter = NonNullable<z.output<typeof ParticipationQuery>['voted']> | 'all'

export const participationKeyPrefix = 'votes/participation/'

/** GET /api/proposals/:proposalId/participation?voted=yes|no — staff: who (or which household) has voted, never how. */
export function getParticipation(proposalId: string, query: Partial<z.output<typeof ParticipationQuery>>): Promise<ParticipationPageData> {
  return apiRequest<ParticipationPageData>(`/proposals/${encodeURIComponent(proposalId)}/participation`, { query })
}

/** The roll, paged; the totals (electorate, participants) are the detail's `turnout`. */
export function useParticipation(proposalId: string | undefined, filter: ParticipationFilter) {
  return usePagedQuery(proposalId ? `${participationKeyPrefix}${proposalId}/${filter}` : null, (cursor) =>
    getParticipation(proposalId!, { voted: filter === 'all' ? undefined : filter, cursor, limit: 50 }),
  )
}
