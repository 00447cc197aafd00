import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { normalizeCheckInCode, RegistrationStatus } from '../councils/booking.js'
import { ResponsibleParty, SessionKind } from '../councils/kinds.js'
import { MAX_AGENDA_SLOTS, MAX_TOPIC_MINUTES, MIN_MINUTES_LENGTH, SessionStatus, TopicStatus } from '../councils/lifecycle.js'
import {
  DECLINE_REASON_MAX,
  DECLINE_REASON_MIN,
  MINUTES_TEXT_MAX,
  ORG_NAME_MAX,
  ORG_NAME_MIN,
  RESOLUTION_TEXT_MAX,
  RESOLUTION_TEXT_MIN,
  TOPIC_REASON_MAX,
  TOPIC_REASON_MIN,
  TOPIC_TITLE_MAX,
  TOPIC_TITLE_MIN,
} from '../limits.js'
import { Id, zonedTime } from './common.js'
import { MAX_PHOTOS } from './concerns.js'
import { cancelWithReason, text } from './text.js'

/** What staff and residents send about councils (议事会): topics, decisions, session actions, minutes, check-in, and the lists' queries. */

// ——— Inputs ———
export const TopicInput = onFirstUse(() =>
  z.strictObject({
    title: text({ label: '议题', min: TOPIC_TITLE_MIN, max: TOPIC_TITLE_MAX, required: '请填写议题' }),
    reason: text({
      label: '说明',
      min: TOPIC_REASON_MIN,
      max: TOPIC_REASON_MAX,
      multiline: true,
      required: '请说明为什么要议',
      tooShort: `请至少用 ${TOPIC_REASON_MIN} 个字说明为什么要议`,
    }),
    /** One of the resident's own or co-signed concerns. */
    concernId: Id.optional(),
  }),
)

// The written answer (答复) to the proposer when a topic is accepted or deferred; a decline's reason is its answer.
const answer = onFirstUse(() => text({ label: '答复', min: DECLINE_REASON_MIN, max: DECLINE_REASON_MAX, multiline: true }))
export const TopicDecisionInput = onFirstUse(() =>
  z.discriminatedUnion(
    'action',
    [
      z.strictObject({
        action: z.literal('accept'),
        order: z
          .number({ error: '请填写议程顺序' })
          .int('议程顺序须是整数')
          .min(1, '议程顺序从 1 开始')
          .max(MAX_AGENDA_SLOTS, `议程顺序最大为 ${MAX_AGENDA_SLOTS}`),
        minutes: z
          .number({ error: '请填写安排的时长（分钟）' })
          .int('时长须是整数分钟')
          .min(1, '时长至少 1 分钟')
          .max(MAX_TOPIC_MINUTES, `时长最多 ${MAX_TOPIC_MINUTES} 分钟`),
        answer: answer.optional(),
      }),
      z.strictObject({ action: z.literal('defer'), targetSessionId: Id, answer: answer.optional() }),
      z.strictObject({
        action: z.literal('decline'),
        reason: text({
          label: '不予采纳的原因',
          min: DECLINE_REASON_MIN,
          max: DECLINE_REASON_MAX,
          multiline: true,
          tooShort: `请填写不予采纳的原因（至少 ${DECLINE_REASON_MIN} 个字）`,
        }),
      }),
    ],
    { error: '请选择：列入议程、顺延或不予采纳' },
  ),
)

/** Staff move a session along; publishing minutes and editing have their own inputs. */
export const SessionActionInput = onFirstUse(() =>
  z.discriminatedUnion('action', [z.strictObject({ action: z.enum(['open', 'fix_agenda', 'start', 'conclude']) }), cancelWithReason()], {
    error: '不支持的操作',
  }),
)

export const ResolutionInput = onFirstUse(() =>
  z.strictObject({
    text: text({ label: '决议', min: RESOLUTION_TEXT_MIN, max: RESOLUTION_TEXT_MAX, multiline: true, required: '请填写决议内容' }),
    responsibleParty: ResponsibleParty,
    responsibleName: text({ label: '责任单位名称', min: ORG_NAME_MIN, max: ORG_NAME_MAX }).optional(),
    responsibleUserId: Id.optional().meta({ description: '指定负责的本社区工作人员（责任方为社区时）' }),
    deadline: zonedTime('完成期限'),
  }),
)

export const MinutesInput = onFirstUse(() =>
  z.strictObject({
    text: text({ label: '会议纪要', min: MIN_MINUTES_LENGTH, max: MINUTES_TEXT_MAX, multiline: true }),
    attendeeCount: z
      .number({ error: '请填写参会人数' })
      .int('参会人数须是整数')
      .min(0, '参会人数不能为负')
      .max(10_000, '参会人数太多了，请核对'),
    photoIds: z.array(Id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).default([]),
  }),
)

export const CheckInInput = onFirstUse(() =>
  z.strictObject({
    code: z
      .string({ error: '请输入签到码' })
      .overwrite(normalizeCheckInCode)
      .regex(/^\d{6}$/, '请输入 6 位数字签到码'),
  }),
)

// ——— Lists (keyset: pass back `nextCursor`) ———

/** The 议事 tab: upcoming sessions soonest first, or past ones latest first. */
export const SessionsQuery = onFirstUse(() =>
  z.strictObject({
    when: z.enum(['upcoming', 'past']).default('upcoming'),
    kind: SessionKind.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
)

export const StaffSessionsQuery = onFirstUse(() =>
  z.strictObject({
    status: SessionStatus.optional(),
    kind: SessionKind.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
)

export const TopicsQuery = onFirstUse(() =>
  z.strictObject({
    status: TopicStatus.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
)

export const RegistrationsQuery = onFirstUse(() =>
  z.strictObject({
    status: RegistrationStatus.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
)
