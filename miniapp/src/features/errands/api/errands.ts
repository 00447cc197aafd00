import type { z } from 'zod'
import type { Errand, ErrandList, Station, StationList } from '@domain/schemas/errands.js'
import { apiRequest } from '@/lib/api/client'
import { invalidateQueries, useQuery } from '@/lib/api/use-query'

export type ErrandData = z.infer<typeof Errand>
export type StationData = z.infer<typeof Station>
export interface ErrandForm {
  kind: string
  what: string
  when: string
  buildingId: string
  address: string
  contactPhone: string
  residentName?: string
}

const prefix = 'errands/'
const base = (communityId: string) => `/communities/${encodeURIComponent(communityId)}`
const key = (communityId: string | undefined, what: string) => (communityId ? `${prefix}${communityId}/${what}` : null)

/** Everything cached about errands: a step changes the asker's, the helper's and the staff's lists at once. */
export function refreshErrands() {
  invalidateQueries(prefix)
}

export function useErrands(communityId: string | undefined, scope: 'mine' | 'helper' | 'staff') {
  return useQuery(key(communityId, `list/${scope}`), () =>
    apiRequest<z.infer<typeof ErrandList>>(`${base(communityId!)}/errands?scope=${scope}`),
  )
}

export function useStations(communityId: string | undefined) {
  return useQuery(key(communityId, 'stations'), () => apiRequest<z.infer<typeof StationList>>(`${base(communityId!)}/errand-stations`))
}

export function useStationCandidates(communityId: string | undefined, enabled: boolean) {
  return useQuery(enabled ? key(communityId, 'candidates') : null, () =>
    apiRequest<{ items: { id: string; nickname: string; building: string }[] }>(`${base(communityId!)}/errand-stations/candidates`),
  )
}

export const askErrand = (input: { communityId: string; onBehalf: boolean; form: ErrandForm }) =>
  apiRequest<ErrandData>(`${base(input.communityId)}/errands${input.onBehalf ? '/on-behalf' : ''}`, {
    method: 'POST',
    body: input.form,
    toast: false,
  })

export const errandStep = (input: { id: string; step: 'accept' | 'done' | 'cancel' | 'confirm'; thanks?: string }) =>
  apiRequest<ErrandData>(`/errands/${encodeURIComponent(input.id)}/${input.step}`, {
    method: 'POST',
    body: input.step === 'confirm' ? { thanks: input.thanks ?? '' } : undefined,
  })

export const createStation = (input: {
  communityId: string
  helperId: string
  name: string
  label: string
  buildingIds: string[]
  kinds: string[]
  note: string
}) => {
  const { communityId, ...body } = input
  return apiRequest<StationData>(`${base(communityId)}/errand-stations`, { method: 'POST', body, toast: false })
}

export const patchStation = (input: { id: string; active: boolean }) =>
  apiRequest<StationData>(`/errand-stations/${encodeURIComponent(input.id)}`, { method: 'PATCH', body: { active: input.active } })
