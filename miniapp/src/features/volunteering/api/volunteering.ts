import type { z } from 'zod'
import type { ActivityDetail, ActivityList, ActivitySummary, SignupReply } from '@domain/schemas/volunteering.js'
import { apiRequest } from '@/lib/api/client'
import { invalidateQueries, useQuery } from '@/lib/api/use-query'

export type ActivitySummaryData = z.infer<typeof ActivitySummary>
export type ActivityDetailData = z.infer<typeof ActivityDetail>
export type ActivityScope = 'upcoming' | 'mine' | 'past'

const prefix = 'volunteering/'
const list = (communityId: string) => `/communities/${encodeURIComponent(communityId)}/volunteering/activities`
const one = (id: string) => `/volunteering/activities/${encodeURIComponent(id)}`

/** A sign-up, a withdrawal or a sign-off changes counts, lists and points at once. */
export function refreshVolunteering() {
  invalidateQueries(prefix)
  invalidateQueries('points/')
}

export function useActivities(communityId: string | undefined, scope: ActivityScope) {
  return useQuery(communityId ? `${prefix}${communityId}/${scope}` : null, () =>
    apiRequest<z.infer<typeof ActivityList>>(`${list(communityId!)}?scope=${scope}`),
  )
}

export function useActivity(id: string | undefined) {
  return useQuery(id ? `${prefix}activity/${id}` : null, () => apiRequest<ActivityDetailData>(one(id!)))
}

export const signUp = (id: string) => apiRequest<z.infer<typeof SignupReply>>(`${one(id)}/signup`, { method: 'POST', toast: false })
export const withdraw = (id: string) => apiRequest<z.infer<typeof SignupReply>>(`${one(id)}/signup`, { method: 'DELETE' })

export interface ActivityForm {
  title: string
  description?: string
  place: string
  organiser?: string
  startsAt: string
  endsAt: string
  capacity: number
  hours: number
}

export const createActivity = (input: { communityId: string; form: ActivityForm }) =>
  apiRequest<ActivityDetailData>(list(input.communityId), { method: 'POST', body: input.form, toast: false })

export type SignOffEntry = { signupId: string; attended: true; hours: number } | { signupId: string; attended: false }

export const signOff = (input: { id: string; entries: SignOffEntry[] }) =>
  apiRequest<ActivityDetailData>(`${one(input.id)}/sign-off`, { method: 'POST', body: { entries: input.entries }, toast: false })
