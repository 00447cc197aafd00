import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { DEFAULT_DOTS, MAX_DOTS } from '../needs/dots.js'
import { AffectedGroup, NeedCategory, NeedStatus, ResourceKind, ResourceOwnerKind } from '../needs/needs.js'
import { TOPIC_REASON_MAX, TOPIC_REASON_MIN, TOPIC_TITLE_MAX, TOPIC_TITLE_MIN } from '../limits.js'
import { Id, IsoTime } from './common.js'
import { text } from './text.js'

/**
 * The API contract of 需求清单 (needs, support, the dot vote before a 每月一议) and 资源清单
 * (resources). A need's title and description fit a council topic's, so a need can be offered
 * onto an agenda as it is.
 */

const distinct = (what: string) => (ids: string[], ctx: z.RefinementCtx) => {
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: `${what}不能重复` })
}

// ——— Needs ———

export const NeedInput = onFirstUse(() =>
  z.strictObject({
    title: text({ label: '需求', min: TOPIC_TITLE_MIN, max: TOPIC_TITLE_MAX, required: '请填写需求' }),
    description: text({
      label: '说明',
      min: TOPIC_REASON_MIN,
      max: TOPIC_REASON_MAX,
      multiline: true,
      tooShort: `请至少用 ${TOPIC_REASON_MIN} 个字说明需求`,
    }),
    category: NeedCategory,
    groups: z.array(AffectedGroup).max(5).superRefine(distinct('人群')).default([]),
    buildingIds: z.array(Id).max(50).superRefine(distinct('楼栋')).default([]),
    /** Staff only: the concerns of this community the need comes from. */
    concernIds: z.array(Id).max(20).superRefine(distinct('诉求')).default([]),
    /** Staff only: the council topics of this community the need comes from. */
    topicIds: z.array(Id).max(20).superRefine(distinct('议题')).default([]),
  }),
)

export const NeedsQuery = onFirstUse(() => z.strictObject({ status: NeedStatus.optional() }))

export const NeedReviewInput = onFirstUse(() =>
  z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('accept') }),
    z.strictObject({
      action: z.literal('decline'),
      reason: text({ label: '不采纳的理由', min: 2, max: 500, required: '请写明不采纳的理由' }),
    }),
  ]),
)

export const Need = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      title: z.string(),
      description: z.string(),
      category: NeedCategory,
      categoryLabel: z.string(),
      groups: z.array(AffectedGroup),
      groupLabels: z.array(z.string()),
      buildings: z.array(z.object({ id: Id, name: z.string() })),
      status: NeedStatus,
      statusLabel: z.string(),
      /** 社区 when staff raised it, 居民 when a resident did: never the resident's name. */
      raisedBy: z.enum(['staff', 'resident']),
      mine: z.boolean(),
      decisionReason: z.string().nullable(),
      supporterCount: z.number().int(),
      supportedByMe: z.boolean(),
      sources: z.array(z.object({ kind: z.enum(['concern', 'topic']), id: Id, title: z.string() })),
      topicId: Id.nullable(),
      /** The 项目清单 project that takes it up, once there is one. */
      project: z.object({ id: Id, title: z.string() }).nullable(),
      createdAt: IsoTime,
    })
    .meta({ id: 'Need' }),
)

export const DotRound = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      session: z.object({ id: Id, title: z.string(), startsAt: IsoTime }),
      dots: z.number().int(),
      opensAt: IsoTime,
      closesAt: IsoTime,
      phase: z.enum(['upcoming', 'open', 'closed']),
      /** The caller's dots per need and what is left (0 for staff, who do not vote). */
      myDots: z.array(z.object({ needId: Id, count: z.number().int() })),
      dotsLeft: z.number().int(),
      ranking: z.array(
        z.object({
          needId: Id,
          title: z.string(),
          status: NeedStatus,
          dots: z.number().int(),
          supporters: z.number().int(),
          rank: z.number().int(),
          topicId: Id.nullable(),
        }),
      ),
    })
    .meta({ id: 'DotRound' }),
)

export const NeedList = onFirstUse(() => z.object({ items: z.array(Need), rounds: z.array(DotRound) }).meta({ id: 'NeedList' }))

export const SupportReply = onFirstUse(() => z.object({ needId: Id, supported: z.boolean(), supporterCount: z.number().int() }))

export const RoundInput = onFirstUse(() =>
  z
    .strictObject({
      sessionId: Id,
      opensAt: IsoTime,
      closesAt: IsoTime,
      dots: z.number().int().min(1).max(MAX_DOTS).default(DEFAULT_DOTS),
    })
    .superRefine((v, ctx) => {
      if (Date.parse(v.closesAt) <= Date.parse(v.opensAt))
        ctx.addIssue({ code: 'custom', path: ['closesAt'], message: '截止时间须晚于开始时间' })
    }),
)

export const DotsInput = onFirstUse(() => z.strictObject({ count: z.number({ error: '请填写点数' }).int().min(0).max(MAX_DOTS) }))

export const OfferInput = onFirstUse(() =>
  z.strictObject({ needIds: z.array(Id).min(1, '请选择要提交议事会的需求').max(10).superRefine(distinct('需求')) }),
)
export const OfferReply = onFirstUse(() => z.object({ topics: z.array(z.object({ needId: Id, topicId: Id })) }))

// ——— Resources ———

const phone = z.string({ error: '请填写联系电话' }).regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入手机号或座机号')

export const ResourceInput = onFirstUse(() =>
  z.strictObject({
    ownerKind: ResourceOwnerKind,
    ownerName: text({ label: '提供方', min: 2, max: 40 }),
    kind: ResourceKind,
    title: text({ label: '资源名称', min: 2, max: 40 }),
    description: text({ label: '说明', min: 2, max: 500, multiline: true }),
    availability: text({ label: '可用时间', min: 2, max: 100 }),
    contactName: text({ label: '联系人', min: 1, max: 20 }),
    contactPhone: phone,
  }),
)

/** A change to a resource: any of its fields, at least one. */
export const ResourcePatch = onFirstUse(() =>
  ResourceInput.partial().refine((p) => Object.keys(p).length > 0, { message: '请至少修改一项' }),
)

export const ResourcesQuery = onFirstUse(() => z.strictObject({ kind: ResourceKind.optional() }))

export const Resource = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      ownerKind: ResourceOwnerKind,
      ownerKindLabel: z.string(),
      /** An organisation's name; a resident's resource shows 居民 only. */
      ownerName: z.string(),
      kind: ResourceKind,
      kindLabel: z.string(),
      title: z.string(),
      description: z.string(),
      availability: z.string(),
      /** Staff only (and the resident who offered it); null for everyone else. */
      contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
      mine: z.boolean(),
      createdAt: IsoTime,
      /** Withdrawn resources are off the list; a project that used one still shows it, marked. */
      withdrawnAt: IsoTime.nullable(),
    })
    .meta({ id: 'Resource' }),
)

export const ResourceList = onFirstUse(() => z.object({ items: z.array(Resource) }).meta({ id: 'ResourceList' }))
