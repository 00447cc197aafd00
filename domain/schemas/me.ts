import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Id } from './common.js'
import { HouseholdRelation, Role } from '../roles.js'
import { UserPublic } from './auth.js'
import { text } from './text.js'

export const Membership = onFirstUse(() =>
  z.object({
    communityId: Id,
    communityName: z.string(),
    streetName: z.string(),
    role: Role,
    orgName: z.string().nullable(),
  }),
)

export const VerifiedHousehold = onFirstUse(() =>
  z.object({
    householdId: Id,
    communityId: Id,
    address: z.string(),
    relation: HouseholdRelation,
  }),
)

export const Me = onFirstUse(() =>
  z
    .object({
      user: UserPublic,
      memberships: z.array(Membership),
      households: z.array(VerifiedHousehold),
      /** Communities where this person may review residency claims (worker or admin). */
      staffOf: z.array(Id),
      /** Streets this person oversees (街道干部): the 街道工作台 with the ranking and the overdue list. */
      streets: z.array(z.object({ streetId: Id, streetName: z.string(), role: z.literal('street_admin') })),
    })
    .meta({ id: 'Me' }),
)

export const UpdateMeInput = onFirstUse(() =>
  z
    .strictObject({
      nickname: text({ label: '昵称', min: 1, max: 20 }).optional(),
      phone: z
        .string()
        .regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号')
        .nullable()
        .optional(),
    })
    .refine((v) => Object.keys(v).length > 0, { message: '没有要修改的内容' }),
)

export function maskPhone(phone: string | null): string | null {
  if (!phone) return null
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****'
}

/** What waits for me on 首页 (待办): a resident's part first, then each community I serve as staff. */
export const todoKinds = [
  // A resident's
  'vote', // an open vote my household (or I) has not cast
  'rate', // my concern, resolved, waiting for my rating
  'session', // a session I registered for, in the next 7 days
  'claim', // my residency claim, pending review
  'notices', // unread notices (a count)
  // Staff's, per community
  'new_concerns', // submitted, not yet 签收 (a count)
  'overdue_concerns', // any milestone past due (a count)
  'pending_claims', // residency claims to review (a count)
  'pending_topics', // topics waiting for review (a count)
  'today_session', // a session today
  'closing_vote', // an open vote closing within 48 h
] as const
export const TodoKind = z.enum(todoKinds)
export type TodoKind = z.infer<typeof TodoKind>

export const TodoItem = onFirstUse(() =>
  z.object({
    kind: TodoKind,
    /** Whose side it is on: the resident's own, or staff work in `communityId`. */
    side: z.enum(['resident', 'staff']),
    communityId: Id.nullable(),
    /** The thing's own name (the vote's title, the concern's category and excerpt …) or, for a count, what is counted. */
    title: z.string(),
    /** A short second line: the community, the address. */
    subtitle: z.string(),
    /** For a count (new concerns, unread notices …); null for one thing. */
    count: z.number().int().nullable(),
    /** What it opens: the vote, concern, session or claim id; null for a count (it opens a list). */
    targetId: Id.nullable(),
    /** When: the vote closes, the session starts, the concern was resolved, the claim was filed. */
    at: z.string().nullable(),
  }),
)
export type TodoItem = z.infer<typeof TodoItem>

export const Todo = onFirstUse(() =>
  z
    .object({
      items: z.array(TodoItem),
      /** For the tab badge: unread notices plus the resident's own to-dos. */
      badge: z.number().int(),
    })
    .meta({ id: 'Todo' }),
)
