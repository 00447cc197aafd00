import type { z } from 'zod'
import type { KpiSettingsView, StreetSettingsInput } from '@domain/schemas/kpis.js'
import { apiRequest } from '@/lib/api/client'
import { useMutation } from '@/lib/api/use-mutation'
import { invalidateQueries, useQuery } from '@/lib/api/use-query'
import { kpisKeyPrefix } from './get-kpis'

export type StreetSettingsData = z.infer<typeof KpiSettingsView>
/** Every field, each number possibly null: a blank travels as null, and the server says which field to fill. */
type Loose<T> = { [K in keyof T]-?: NonNullable<T[K]> extends object ? Loose<NonNullable<T[K]>> : T[K] | null }
export type StreetSettingsBody = Loose<z.input<typeof StreetSettingsInput>>

const keyOf = (streetId: string) => `${kpisKeyPrefix}settings/${streetId}`

/** GET /api/streets/:streetId/settings — the 综合 weights, the 基本满意 factor, the minimum sample and the formulas. */
export function useStreetSettings(streetId: string | undefined) {
  return useQuery(streetId ? keyOf(streetId) : null, () =>
    apiRequest<StreetSettingsData>(`/streets/${encodeURIComponent(streetId!)}/settings`),
  )
}

/** PUT /api/streets/:streetId/settings — every figure follows at once, so every 三率 on the stack is fetched again. */
export function saveStreetSettings(input: { streetId: string; body: StreetSettingsBody }): Promise<StreetSettingsData> {
  return apiRequest<StreetSettingsData>(`/streets/${encodeURIComponent(input.streetId)}/settings`, {
    method: 'PUT',
    body: input.body,
    toast: false,
  })
}

export function useSaveStreetSettings(options: { onSuccess?: (data: StreetSettingsData) => void } = {}) {
  return useMutation(saveStreetSettings, {
    onSuccess: (data) => {
      invalidateQueries(kpisKeyPrefix)
      options.onSuccess?.(data)
    },
  })
}
