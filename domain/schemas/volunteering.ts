import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import {
  ACTIVITY_HOURS_MAX,
  activityPhases,
  CAPACITY_MAX,
  HOURS_MAX,
  HOURS_STEP,
  signupStatuses,
  validHours,
} from '../volunteering/rules.js'
import { Id, IsoTime } from './common.js'
import { text } from './text.js'

/**
 * The API contract of 志愿活动: staff create, edit, cancel and sign off activities; residents sign
 * up and withdraw. Residents see how many signed up, never who (names only in the staff roster).
 */

export const ActivityPhase = z.enum(activityPhases)
export const SignupStatus = z.enum(signupStatuses)

const time = (label: string) => z.iso.datetime({ offset: true, error: `${label}须是带时区的时间，例如 2026-12-05T09:00:00+08:00` })
const Capacity = z
  .number({ error: '请填写可报名人数' })
  .int('可报名人数须是整数')
  .min(1, '可报名人数至少 1 人')
  .max(CAPACITY_MAX, `可报名人数最多 ${CAPACITY_MAX} 人`)
const Hours = onFirstUse(() =>
  z.number({ error: '请填写记入的服务时长' }).refine(validHours, `服务时长须是 ${HOURS_STEP}–${HOURS_MAX} 小时，按半小时计`),
)

const fields = onFirstUse(() => ({
  title: text({ label: '活动名称', min: 2, max: 40, required: '请填写活动名称' }),
  description: text({ label: '活动内容', max: 1000, multiline: true }).optional(),
  place: text({ label: '集合地点', min: 2, max: 60, required: '请填写集合地点' }),
  organiser: text({ label: '组织者', max: 40 }).optional(),
  startsAt: time('开始时间'),
  endsAt: time('结束时间'),
  capacity: Capacity,
  hours: Hours,
}))

function timesInOrder(v: { startsAt?: string; endsAt?: string }, ctx: z.RefinementCtx) {
  if (!v.startsAt || !v.endsAt) return
  const starts = Date.parse(v.startsAt)
  const ends = Date.parse(v.endsAt)
  if (Number.isNaN(starts) || Number.isNaN(ends)) return
  if (ends <= starts) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间' })
  else if (ends - starts > ACTIVITY_HOURS_MAX * 3600_000)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `活动最长 ${ACTIVITY_HOURS_MAX} 小时` })
}

export const ActivityInput = onFirstUse(() => z.strictObject(fields).superRefine(timesInOrder).meta({ id: 'VolunteerActivityInput' }))

/** Only what changes; times are checked together with the ones kept. */
export const ActivityPatch = onFirstUse(() =>
  z
    .strictObject({
      title: fields.title.optional(),
      description: fields.description,
      place: fields.place.optional(),
      organiser: fields.organiser,
      startsAt: fields.startsAt.optional(),
      endsAt: fields.endsAt.optional(),
      capacity: Capacity.optional(),
      hours: Hours.optional(),
    })
    .superRefine(timesInOrder)
    .meta({ id: 'VolunteerActivityPatch' }),
)

export const ActivityCancelInput = onFirstUse(() =>
  z.strictObject({ reason: text({ label: '取消原因', min: 2, max: 200, required: '请填写取消原因' }) }),
)

export const ActivitiesQuery = onFirstUse(() =>
  z.strictObject({
    /** upcoming: not yet ended (the default); past: ended or cancelled; mine: the caller's sign-ups. */
    scope: z.enum(['upcoming', 'past', 'mine']).default('upcoming'),
  }),
)

/** The roster signed off at once: every current sign-up, attended (with the hours credited) or absent. */
export const SignOffInput = onFirstUse(() =>
  z
    .strictObject({
      entries: z
        .array(
          z.discriminatedUnion('attended', [
            z.strictObject({ signupId: Id, attended: z.literal(true), hours: Hours.optional() }),
            z.strictObject({ signupId: Id, attended: z.literal(false) }),
          ]),
        )
        .max(CAPACITY_MAX, '签退名单太长'),
    })
    .meta({ id: 'VolunteerSignOffInput' }),
)

// ——— Replies ———

/** The caller's own sign-up: its status, and once signed off the hours and points credited. */
export const MySignup = onFirstUse(() =>
  z.object({
    id: Id,
    status: SignupStatus,
    hours: z.number().nullable(),
    points: z.number().int().nullable(),
  }),
)

export const ActivitySummary = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      title: z.string(),
      place: z.string(),
      organiser: z.string().nullable(),
      startsAt: IsoTime,
      endsAt: IsoTime,
      capacity: z.number().int(),
      hours: z.number(),
      signedUpCount: z.number().int(),
      placesLeft: z.number().int(),
      phase: ActivityPhase,
      phaseLabel: z.string(),
      mine: MySignup.nullable(),
    })
    .meta({ id: 'VolunteerActivitySummary' }),
)

export const ActivityList = onFirstUse(() => z.object({ items: z.array(ActivitySummary) }).meta({ id: 'VolunteerActivityList' }))

/** One line of the staff roster (names are for staff only). */
export const RosterEntry = onFirstUse(() =>
  z.object({
    signupId: Id,
    name: z.string(),
    status: SignupStatus,
    hours: z.number().nullable(),
    points: z.number().int().nullable(),
    signedUpAt: IsoTime,
  }),
)

export const ActivityDetail = onFirstUse(() =>
  ActivitySummary.extend({
    description: z.string(),
    cancelReason: z.string().nullable(),
    signedOffAt: IsoTime.nullable(),
    /** Points per hour by the community's rule, so a resident sees what a shift earns. */
    pointsPerHour: z.number().int(),
    /** Null for residents: they see the count only. */
    roster: z.array(RosterEntry).nullable(),
  }).meta({ id: 'VolunteerActivityDetail' }),
)

export const SignupReply = onFirstUse(() =>
  z
    .object({ mine: MySignup.nullable(), signedUpCount: z.number().int(), placesLeft: z.number().int() })
    .meta({ id: 'VolunteerSignupReply' }),
)
