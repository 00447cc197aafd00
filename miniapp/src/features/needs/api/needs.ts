import type { z } from 'zod'
import type { DotRound, Need, NeedInput, NeedList, Resource, ResourceInput, ResourceList } from '@domain/schemas/needs.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries, useQuery } from '@/lib/api/use-query'

export type NeedData = z.infer<typeof Need>
export type NeedListData = z.infer<typeof NeedList>
export type RoundData = z.infer<typeof DotRound>
export type NeedBody = z.input<typeof NeedInput>
export type ResourceData = z.infer<typeof Resource>
export type ResourceBody = z.input<typeof ResourceInput>

const needsKey = 'needs/'
const resourcesKey = 'resources/'
const enc = encodeURIComponent
const refresh = () => invalidateQueries(needsKey)

/** GET /api/communities/:communityId/needs — the list and the recent dot rounds. */
export function useNeeds(communityId: string | undefined) {
  return useQuery(communityId ? `${needsKey}${communityId}` : null, () =>
    apiRequest<NeedListData>(`/communities/${enc(communityId!)}/needs`),
  )
}

export function useRaiseNeed(onSuccess: (n: NeedData) => void) {
  return useMutation(
    (i: { communityId: string; body: NeedBody }) =>
      apiRequest<NeedData>(`/communities/${enc(i.communityId)}/needs`, { method: 'POST', body: i.body, toast: false }),
    {
      onSuccess: (n) => {
        refresh()
        onSuccess(n)
      },
    },
  )
}

export function useSupport() {
  return useMutation(
    (i: { needId: string; on: boolean }) => apiRequest(`/needs/${enc(i.needId)}/support`, { method: i.on ? 'POST' : 'DELETE' }),
    { onSuccess: refresh },
  )
}

export function useSetDots() {
  return useMutation(
    (i: { roundId: string; needId: string; count: number }) =>
      apiRequest<RoundData>(`/need-rounds/${enc(i.roundId)}/dots/${enc(i.needId)}`, { method: 'PUT', body: { count: i.count } }),
    { onSuccess: refresh },
  )
}

export function useReview() {
  return useMutation(
    (i: { needId: string; body: { action: 'accept' } | { action: 'decline'; reason: string } }) =>
      apiRequest<NeedData>(`/needs/${enc(i.needId)}/review`, { method: 'POST', body: i.body }),
    { onSuccess: refresh },
  )
}

export function useOpenRound() {
  return useMutation(
    (i: { communityId: string; body: { sessionId: string; opensAt: string; closesAt: string; dots: number } }) =>
      apiRequest<RoundData>(`/communities/${enc(i.communityId)}/need-rounds`, { method: 'POST', body: i.body }),
    { onSuccess: refresh },
  )
}

export function useOffer() {
  return useMutation(
    (i: { roundId: string; needIds: string[] }) =>
      apiRequest<{ topics: { needId: string; topicId: string }[] }>(`/need-rounds/${enc(i.roundId)}/offer`, {
        method: 'POST',
        body: { needIds: i.needIds },
      }),
    { onSuccess: refresh },
  )
}

/** GET /api/communities/:communityId/resources — contacts only when the server gives them (staff). */
export function useResources(communityId: string | undefined) {
  return useQuery(communityId ? `${resourcesKey}${communityId}` : null, () =>
    apiRequest<z.infer<typeof ResourceList>>(`/communities/${enc(communityId!)}/resources`),
  )
}

export function useCreateResource(onSuccess: () => void) {
  return useMutation(
    (i: { communityId: string; body: ResourceBody }) =>
      apiRequest<ResourceData>(`/communities/${enc(i.communityId)}/resources`, { method: 'POST', body: i.body, toast: false }),
    {
      onSuccess: () => {
        invalidateQueries(resourcesKey)
        onSuccess()
      },
    },
  )
}

/** 修改 a resource (its offerer or staff): the whole form sent as the change. */
export function useEditResource(onSuccess: () => void) {
  return useMutation(
    (i: { id: string; body: ResourceBody }) =>
      apiRequest<ResourceData>(`/resources/${enc(i.id)}`, { method: 'PATCH', body: i.body, toast: false }),
    {
      onSuccess: () => {
        invalidateQueries(resourcesKey)
        onSuccess()
      },
    },
  )
}

/** 撤回 a resource: off the list, out of new projects. */
export const withdrawResource = async (id: string) => {
  const r = await apiRequest<ResourceData>(`/resources/${enc(id)}/withdraw`, { method: 'POST' })
  invalidateQueries(resourcesKey)
  return r
}
