import { z } from 'zod'
import { Id } from './common.js'
import { HouseholdRelation, Role } from '../roles.js'
import { UserPublic } from './auth.js'
import { text } from './text.js'

export const Membership = z.object({
  communityId: Id,
  communityName: z.string(),
  streetName: z.string(),
  role: Role,
  orgName: z.string().nullable(),
})

export const VerifiedHousehold = z.object({
  householdId: Id,
  communityId: Id,
  address: z.string(),
  relation: HouseholdRelation,
})

export const Me = z
  .object({
    user: UserPublic,
    memberships: z.array(Membership),
    households: z.array(VerifiedHousehold),
    /** Communities where this person may review residency claims (worker or admin). */
    staffOf: z.array(Id),
    /** Streets this person oversees (街道干部): the 街道工作台 with the ranking and the overdue list. */
    streets: z.array(z.object({ streetId: Id, streetName: z.string(), role: z.literal('street_admin') })),
  })
  .meta({ id: 'Me' })

export const UpdateMeInput = z
  .strictObject({
    nickname: text({ label: '昵称', min: 1, max: 20 }).optional(),
    phone: z
      .string()
      .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号')
      .nullable()
      .optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' })

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}
