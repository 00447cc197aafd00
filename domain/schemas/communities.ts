import * as z from 'zod'
import { Id } from './common.js'

export const CommunitySummary = z
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
  .meta({ id: 'Community' })
export const CommunityList = z.object({ items: z.array(CommunitySummary) })

export const Unit = z.object({ id: Id, name: z.string() })
export const Building = z.object({ id: Id, name: z.string(), units: z.array(Unit) })
export const BuildingList = z.object({ items: z.array(Building) })

export const HouseholdOption = z.object({ id: Id, room: z.string(), areaM2: z.number() })
export const HouseholdOptionList = z.object({ items: z.array(HouseholdOption) })
export const HouseholdsQuery = z.strictObject({ unitId: Id })
