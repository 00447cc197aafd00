import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Category, MAX_PHOTOS } from '../concerns/categories.js'
import { ConcernStatus, concernActions } from '../concerns/lifecycle.js'
import {
  CONCERN_TEXT_MAX,
  CONCERN_TEXT_MIN,
  ORG_NAME_MAX,
  ORG_NAME_MIN,
  PLACE_TEXT_MAX,
  PLACE_TEXT_MIN,
  RATING_COMMENT_MAX,
  SIMILAR_TEXT_MIN,
  TRANSITION_NOTE_MAX,
  TRANSITION_REASON_MAX,
} from '../limits.js'
import { Id, IsoTime } from './common.js'
import { MilestoneStandingView } from './grids.js'
import { text } from './text.js'

export { MAX_PHOTOS }

export const Visibility = z.enum(['public', 'private'])

/** Where the concern is: one of the resident's households, a building, or free text (+ a map point). */
export const Place = onFirstUse(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('household'), householdId: Id }),
    z.strictObject({ kind: z.literal('building'), buildingId: Id }),
    z.strictObject({
      kind: z.literal('text'),
      text: text({ label: '位置描述', min: PLACE_TEXT_MIN, max: PLACE_TEXT_MAX, tooShort: `请描述位置（至少 ${PLACE_TEXT_MIN} 个字）` }),
      latitude: z.number().min(-90).max(90).optional(),
      longitude: z.number().min(-180).max(180).optional(),
    }),
  ]),
)

export const RaiseConcernInput = onFirstUse(() =>
  z.strictObject({
    communityId: Id,
    category: Category,
    description: text({
      label: '描述',
      min: CONCERN_TEXT_MIN,
      max: CONCERN_TEXT_MAX,
      multiline: true,
      tooShort: `请至少写 ${CONCERN_TEXT_MIN} 个字，说清楚是什么问题`,
    }),
    place: Place,
    photoIds: z.array(Id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).default([]),
    visibility: Visibility.default('public'),
    /** Hide the author from other residents (staff still see who raised it). On by default. */
    anonymous: z.boolean().default(true),
  }),
)

export const SimilarQuery = onFirstUse(() =>
  z.strictObject({
    communityId: Id,
    category: Category,
    description: text({ label: '描述', min: SIMILAR_TEXT_MIN, max: CONCERN_TEXT_MAX, multiline: true }),
    buildingId: Id.optional(),
    householdId: Id.optional(),
  }),
)

export const BoardQuery = onFirstUse(() =>
  z.strictObject({
    scope: z.enum(['public', 'mine', 'following']).default('public'),
    status: z.enum(['open', 'resolved', 'all']).default('all'),
    category: Category.optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
)

export const InboxQuery = onFirstUse(() =>
  z.strictObject({
    status: ConcernStatus.optional(),
    category: Category.optional(),
    overdue: z.enum(['1', 'true']).optional(),
    mine: z.enum(['1', 'true']).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  }),
)

export const Assignee = onFirstUse(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('worker'), userId: Id }),
    z.strictObject({ kind: z.literal('partner'), orgName: text({ label: '共建单位名称', min: ORG_NAME_MIN, max: ORG_NAME_MAX }) }),
  ]),
)

export const TransitionInput = onFirstUse(() =>
  z.strictObject({
    action: z.enum(concernActions).exclude(['auto_close', 'rate', 'deliberate']),
    reason: text({ label: '原因', max: TRANSITION_REASON_MAX, multiline: true }).optional(),
    targetId: Id.optional(),
    assignee: Assignee.optional(),
    note: text({ label: '说明', max: TRANSITION_NOTE_MAX, multiline: true }).optional(),
    photoIds: z.array(Id).max(MAX_PHOTOS).default([]),
  }),
)

export const RateInput = onFirstUse(() =>
  z.strictObject({
    rating: z.number().int('请选择 1–5 星').min(1, '请选择 1–5 星').max(5, '请选择 1–5 星'),
    solved: z.boolean().default(true),
    comment: text({ label: '评价', max: RATING_COMMENT_MAX, multiline: true }).optional(),
  }),
)

export const Photo = onFirstUse(() =>
  z.object({ id: Id, url: z.string(), width: z.number().int(), height: z.number().int(), hidden: z.boolean() }),
)

/** A person as others see them on a concern: staff by role and name, residents never by name when anonymous. */
export const ActorView = onFirstUse(() => z.object({ role: z.enum(['resident', 'staff', 'partner', 'system']), name: z.string() }))

export const ConcernEvent = onFirstUse(() =>
  z.object({
    id: Id,
    action: z.string(),
    label: z.string(),
    fromStatus: ConcernStatus.nullable(),
    toStatus: ConcernStatus,
    actor: ActorView,
    note: z.string().nullable(),
    photos: z.array(Photo),
    at: IsoTime,
  }),
)

export const ConcernSummary = onFirstUse(() =>
  z
    .object({
      id: Id,
      publicNo: z.string(),
      communityId: Id,
      category: Category,
      categoryLabel: z.string(),
      excerpt: z.string(),
      placeLabel: z.string(),
      status: ConcernStatus,
      statusLabel: z.string(),
      visibility: Visibility,
      cosignCount: z.number().int(),
      followCount: z.number().int(),
      photoCount: z.number().int(),
      coverUrl: z.string().nullable(),
      createdAt: IsoTime,
      dueAt: IsoTime.nullable(),
      /** Some milestone (签收, 到场 or 办结) is past its deadline; the page has each one's standing. */
      overdue: z.boolean(),
      /** The grid it was dispatched to; null: the community's inbox. */
      gridId: Id.nullable(),
      /** True when the viewer raised it. */
      mine: z.boolean(),
    })
    .meta({ id: 'ConcernSummary' }),
)

export const ConcernDetail = onFirstUse(() =>
  ConcernSummary.extend({
    /** 签收, 到场, 办结: each one's deadline and standing. */
    milestones: z.array(MilestoneStandingView),
    description: z.string(),
    author: ActorView,
    photos: z.array(Photo),
    anonymous: z.boolean(),
    assignee: z.string().nullable(),
    mergedInto: z.object({ id: Id, publicNo: z.string() }).nullable(),
    rating: z.number().int().nullable(),
    ratingComment: z.string().nullable(),
    acceptedAt: IsoTime.nullable(),
    resolvedAt: IsoTime.nullable(),
    closedAt: IsoTime.nullable(),
    viewer: z.object({
      cosigned: z.boolean(),
      following: z.boolean(),
      /** The lifecycle actions this viewer may take now. */
      actions: z.array(z.string()),
    }),
    timeline: z.array(ConcernEvent),
  }).meta({ id: 'ConcernDetail' }),
)

export const ConcernPage = onFirstUse(() => z.object({ items: z.array(ConcernSummary), nextCursor: z.string().nullable() }))
export const SimilarList = onFirstUse(() => z.object({ items: z.array(ConcernSummary) }))

export const CosignState = onFirstUse(() => z.object({ cosigned: z.boolean(), cosignCount: z.number().int() }))
export const FollowState = onFirstUse(() => z.object({ following: z.boolean(), followCount: z.number().int() }))

/** Who a concern can be assigned to: the community's workers and its partner organisations. */
export const StaffDirectory = onFirstUse(() =>
  z.object({
    workers: z.array(z.object({ userId: Id, name: z.string(), role: z.enum(['worker', 'admin']) })),
    partners: z.array(z.object({ orgName: z.string() })),
  }),
)
