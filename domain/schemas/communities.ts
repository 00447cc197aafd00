import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Id } from './common.js'

export const CommunitySummary = onFirstUse(() =>
  z
    .object({
      id: Id,
      name: z.string(),
      code: z.string().meta({ description: 'two letters used in public numbers, e.g. WA-2026-000123' }),
      streetName: z.string(),
      districtName: z.string(),
      buildingCount: z.number().int(),
      householdCount: z.number().int(),
      verifiedResidentCount: z.number().int(),
    })
    .meta({ id: 'Community' }),
)
export const CommunityList = onFirstUse(() => z.object({ items: z.array(CommunitySummary) }))

export const Unit = onFirstUse(() => z.object({ id: Id, name: z.string() }))
export const Building = onFirstUse(() => z.object({ id: Id, name: z.string(), units: z.array(Unit) }))
export const BuildingList = onFirstUse(() => z.object({ items: z.array(Building) }))

export const HouseholdOption = onFirstUse(() => z.object({ id: Id, room: z.string(), areaM2: z.number() }))
export const HouseholdOptionList = onFirstUse(() => z.object({ items: z.array(HouseholdOption) }))
export const HouseholdsQuery = onFirstUse(() => z.strictObject({ unitId: Id }))
