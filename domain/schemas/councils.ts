import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { RegistrationStatus } from '../councils/booking.js'
import { InvitedPartyKind, SessionKind } from '../councils/kinds.js'
import { MAX_AGENDA_SLOTS, SessionAction, SessionStatus, TopicAction, TopicStatus } from '../councils/lifecycle.js'
import { Recurrence } from '../councils/recurrence.js'
import {
  ONLINE_URL_MAX,
  ORG_NAME_MAX,
  ORG_NAME_MIN,
  SESSION_DESCRIPTION_MAX,
  SESSION_TITLE_MAX,
  SESSION_TITLE_MIN,
  VENUE_MAX,
  VENUE_MIN,
} from '../limits.js'
import { Id, IsoTime, zonedTime } from './common.js'
import { Resolution } from './tracking.js'
import { Photo } from './concerns.js'
import { text } from './text.js'

/** The API contract of councils (议事会): sessions, recurring rules, topics, registration, check-in, minutes. */

export const MAX_CAPACITY = 2000
/** A session longer than this is a typing mistake, not a council. */
export const MAX_SESSION_HOURS = 12

const Title = onFirstUse(() => text({ label: '标题', min: SESSION_TITLE_MIN, max: SESSION_TITLE_MAX, required: '请填写标题' }))
const Venue = onFirstUse(() => text({ label: '地点', min: VENUE_MIN, max: VENUE_MAX }))
const OnlineUrl = z.url({ protocol: /^https$/, error: '线上会议链接须是 https:// 开头的网址' }).max(ONLINE_URL_MAX, '线上会议链接太长')
const Capacity = z
  .number({ error: '请填写可报名人数' })
  .int('可报名人数须是整数')
  .min(1, '可报名人数至少 1 人')
  .max(MAX_CAPACITY, `可报名人数最多 ${MAX_CAPACITY} 人`)
const AgendaSlots = z
  .number({ error: '请填写议题数量' })
  .int('议题数量须是整数')
  .min(1, '议程至少安排 1 个议题')
  .max(MAX_AGENDA_SLOTS, `议程最多安排 ${MAX_AGENDA_SLOTS} 个议题`)

export const InvitedParty = onFirstUse(() =>
  z.strictObject({
    kind: InvitedPartyKind,
    /** e.g. "安居物业", "和平区住建局". */
    name: text({ label: '单位名称', min: ORG_NAME_MIN, max: ORG_NAME_MAX }).optional(),
  }),
)

/** Where the session takes place: a venue (睦邻议事厅), an online link, or both. */
function needsPlace(v: { venue?: string; onlineUrl?: string }, ctx: z.RefinementCtx) {
  if (!v.venue && !v.onlineUrl) ctx.addIssue({ code: 'custom', path: ['venue'], message: '请填写地点（或线上会议链接）' })
}

const sessionFields = onFirstUse(() => ({
  kind: SessionKind,
  title: Title,
  description: text({ label: '介绍', max: SESSION_DESCRIPTION_MAX, multiline: true }).optional(),
  startsAt: zonedTime('开始时间'),
  endsAt: zonedTime('结束时间'),
  venue: Venue.optional(),
  onlineUrl: OnlineUrl.optional(),
  capacity: Capacity,
  bookingDeadline: zonedTime('议题申报截止时间'),
  agendaSlots: AgendaSlots,
  invitedParties: z.array(InvitedParty).max(10, '最多邀请 10 家单位').default([]),
}))

/** Create or edit a one-off session (a recurring rule creates the others). */
export const SessionInput = onFirstUse(() =>
  z.strictObject(sessionFields).superRefine((v, ctx) => {
    needsPlace(v, ctx)
    const starts = Date.parse(v.startsAt)
    const ends = Date.parse(v.endsAt)
    const deadline = Date.parse(v.bookingDeadline)
    if (!Number.isNaN(starts) && !Number.isNaN(ends)) {
      if (ends <= starts) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间须晚于开始时间' })
      else if (ends - starts > MAX_SESSION_HOURS * 3600_000) {
        ctx.addIssue({ code: 'custom', path: ['endsAt'], message: `结束时间不能晚于开始后 ${MAX_SESSION_HOURS} 小时` })
      }
    }
    if (!Number.isNaN(starts) && !Number.isNaN(deadline) && deadline > starts) {
      ctx.addIssue({ code: 'custom', path: ['bookingDeadline'], message: '议题申报截止时间不能晚于开始时间' })
    }
  }),
)

/** An admin's standing rule: what the sessions are, and when they recur. */
export const RecurringRuleInput = onFirstUse(() =>
  z
    .strictObject({
      kind: SessionKind,
      title: Title,
      description: text({ label: '介绍', max: SESSION_DESCRIPTION_MAX, multiline: true }).optional(),
      venue: Venue.optional(),
      onlineUrl: OnlineUrl.optional(),
      capacity: Capacity,
      agendaSlots: AgendaSlots,
      /** Booking closes this many hours before each start. */
      bookingLeadHours: z
        .number({ error: '请填写申报截止提前的小时数' })
        .int('申报截止提前的小时数须是整数')
        .min(0, '申报截止提前的小时数不能为负')
        .max(336, '申报截止最多提前 14 天（336 小时）'),
      invitedParties: z.array(InvitedParty).max(10, '最多邀请 10 家单位').default([]),
      schedule: Recurrence,
      active: z.boolean().default(true),
    })
    .superRefine(needsPlace),
)

export const ViewerRegistration = z.enum(['none', 'registered', 'waitlisted', 'checked_in'])

export const SessionSummary = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      kind: SessionKind,
      kindLabel: z.string(),
      title: z.string(),
      startsAt: IsoTime,
      endsAt: IsoTime,
      venue: z.string().nullable(),
      onlineUrl: z.string().nullable(),
      status: SessionStatus,
      statusLabel: z.string(),
      capacity: z.number().int(),
      registeredCount: z.number().int(),
      waitlistCount: z.number().int(),
      agendaSlots: z.number().int(),
      openSlots: z.number().int(),
      bookingDeadline: IsoTime,
      /** Open, and the booking deadline not yet passed. */
      bookingOpen: z.boolean(),
      /** Created by a recurring rule. */
      ruleId: Id.nullable(),
      viewer: z.object({ registration: ViewerRegistration }),
    })
    .meta({ id: 'CouncilSession' }),
)

export const ConcernRef = onFirstUse(() => z.object({ id: Id, publicNo: z.string() }))

export const AgendaItem = onFirstUse(() =>
  z.object({
    topicId: Id,
    order: z.number().int(),
    /** Minutes allotted. */
    minutes: z.number().int(),
    title: z.string(),
    reason: z.string(),
    concern: ConcernRef.nullable(),
    resolution: Resolution.nullable(),
  }),
)

export const Minutes = onFirstUse(() =>
  z.object({
    text: z.string(),
    attendeeCount: z.number().int(),
    /** Residents who checked in through the app. */
    checkedInCount: z.number().int(),
    photos: z.array(Photo),
    publishedAt: IsoTime,
  }),
)

export const Topic = onFirstUse(() =>
  z
    .object({
      id: Id,
      sessionId: Id,
      title: z.string(),
      reason: z.string(),
      concern: ConcernRef.nullable(),
      status: TopicStatus,
      statusLabel: z.string(),
      order: z.number().int().nullable(),
      minutes: z.number().int().nullable(),
      /** The written answer to the proposer: why it was declined (always), or a note with an acceptance or deferral. */
      decisionReason: z.string().nullable(),
      deferredTo: z.object({ sessionId: Id, title: z.string(), startsAt: IsoTime }).nullable(),
      /** The proposer's nickname: staff only, null for everyone else. */
      proposerName: z.string().nullable(),
      createdAt: IsoTime,
      /** True when the viewer booked it. */
      mine: z.boolean(),
      /** The topic actions this viewer may take now. */
      actions: z.array(TopicAction),
    })
    .meta({ id: 'CouncilTopic' }),
)

export const SessionDetail = onFirstUse(() =>
  SessionSummary.extend({
    description: z.string().nullable(),
    invitedParties: z.array(z.object({ kind: InvitedPartyKind, kindLabel: z.string(), name: z.string().nullable() })),
    cancelReason: z.string().nullable(),
    agenda: z.array(AgendaItem),
    minutes: Minutes.nullable(),
    /** Staff only (shown as a QR code and six digits at the venue); null for everyone else. */
    checkInCode: z.string().nullable(),
    viewer: z.object({
      registration: ViewerRegistration,
      /** 1-based place on the waiting list, when waitlisted. */
      waitlistPosition: z.number().int().nullable(),
      canRegister: z.boolean(),
      canCheckIn: z.boolean(),
      canBookTopic: z.boolean(),
      /** Why booking is not possible now, in Chinese; null when it is. */
      bookingBlockedReason: z.string().nullable(),
      /** The topics this viewer booked onto this session. */
      myTopics: z.array(Topic),
      /** The session lifecycle actions this viewer may take now (staff). */
      actions: z.array(SessionAction),
    }),
  }).meta({ id: 'CouncilSessionDetail' }),
)

export const SessionPage = onFirstUse(() => z.object({ items: z.array(SessionSummary), nextCursor: z.string().nullable() }))
export const TopicPage = onFirstUse(() => z.object({ items: z.array(Topic), nextCursor: z.string().nullable() }))

export const RecurringRule = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      kind: SessionKind,
      kindLabel: z.string(),
      title: z.string(),
      description: z.string().nullable(),
      venue: z.string().nullable(),
      onlineUrl: z.string().nullable(),
      capacity: z.number().int(),
      agendaSlots: z.number().int(),
      bookingLeadHours: z.number().int(),
      invitedParties: z.array(z.object({ kind: InvitedPartyKind, kindLabel: z.string(), name: z.string().nullable() })),
      schedule: Recurrence,
      /** The schedule in plain words, e.g. "每月第二个周五 19:00–21:00". */
      scheduleLabel: z.string(),
      active: z.boolean(),
      /** The next few starts. */
      nextStarts: z.array(IsoTime),
    })
    .meta({ id: 'CouncilRecurringRule' }),
)
export const RecurringRuleList = onFirstUse(() => z.object({ items: z.array(RecurringRule) }))

/** After register, cancel or check-in: where the viewer stands, and the fresh counts. */
export const RegistrationState = onFirstUse(() =>
  z.object({
    registration: ViewerRegistration,
    waitlistPosition: z.number().int().nullable(),
    registeredCount: z.number().int(),
    waitlistCount: z.number().int(),
  }),
)

/** One registrant as staff see them. */
export const Registration = onFirstUse(() =>
  z.object({
    id: Id,
    nickname: z.string(),
    status: RegistrationStatus,
    statusLabel: z.string(),
    createdAt: IsoTime,
    checkedInAt: IsoTime.nullable(),
  }),
)
export const RegistrationPage = onFirstUse(() => z.object({ items: z.array(Registration), nextCursor: z.string().nullable() }))

export * from './council-inputs.js'
