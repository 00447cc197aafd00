import type { z } from 'zod'
import type { InboxQuery } from '@domain/schemas/concerns.js'
import { apiRequest } from '@/lib/api/client'
import { usePagedQuery } from '@/lib/api/use-paged-query'
import type { ConcernPageData } from './get-concern-board'

export type InboxParams = Partial<z.output<typeof InboxQuery>>

/** The inbox's filter chips, each a fixed query. */
export const inboxFilters = {
  all: {},
  submitted: { status: 'submitted' },
  in_progress: { status: 'in_progress' },
  overdue: { overdue: '1' },
  mine: { mine: '1' },
} as const satisfies Record<string, InboxParams>
export type InboxFilter = keyof typeof inboxFilters

export const inboxKeyPrefix = 'concerns/inbox/'

const PAGE_SIZE = 20

/** GET /api/communities/:communityId/inbox?status&category&overdue=1&mine=1&cursor&limit — staff; partners see theirs. */
export function getInbox(communityId: string, query: InboxParams, opts: { toast?: boolean } = {}): Promise<ConcernPageData> {
  return apiRequest<ConcernPageData>(`/communities/${encodeURIComponent(communityId)}/inbox`, { query, toast: opts.toast })
}

export function useInbox(communityId: string | undefined, filter: InboxFilter) {
  return usePagedQuery(communityId ? `${inboxKeyPrefix}${communityId}/${filter}` : null, (cursor) =>
    getInbox(communityId!, { ...inboxFilters[filter], cursor, limit: PAGE_SIZE }),
  )
}
