import { apiRequest } from '@/lib/api/client'

export interface CalendarFeedLink {
  url: string
  webcal: string
}

/** GET /api/communities/:communityId/calendar-feed — my signed subscription link for phone calendars. */
export function getCalendarFeed(communityId: string): Promise<CalendarFeedLink> {
  return apiRequest<CalendarFeedLink>(`/communities/${encodeURIComponent(communityId)}/calendar-feed`)
}
