import type { z } from 'zod'
import type { SessionPage, SessionsQuery, SessionSummary } from '@domain/schemas/councils.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'

export type SessionPageData = z.infer<typeof SessionPage>
export type SessionSummaryData = z.infer<typeof SessionSummary>
export type SessionsParams = Partial<z.output<typeof SessionsQuery>>
export type SessionsWhen = NonNullable<SessionsParams['when']>
export type SessionKindKey = SessionSummaryData['kind']

/** Every session list's key starts with this: invalidate it after a write that changes a session. */
export const sessionsKeyPrefix = 'councils/sessions/'

const PAGE_SIZE = 20

/** GET /api/communities/:communityId/sessions?when=upcoming|past&kind&cursor&limit — the 议事 tab. */
export function getSessions(communityId: string, query: SessionsParams, opts: { toast?: boolean } = {}): Promise<SessionPageData> {
  return apiRequest<SessionPageData>(`/communities/${encodeURIComponent(communityId)}/sessions`, { query, toast: opts.toast })
}

export function useSessions(communityId: string | undefined, when: SessionsWhen, kind?: SessionKindKey) {
  return usePagedQuery(communityId ? `${sessionsKeyPrefix}${communityId}/${when}/${kind ?? 'all'}` : null, (cursor) =>
    getSessions(communityId!, { when, kind, cursor, limit: PAGE_SIZE }),
  )
}
