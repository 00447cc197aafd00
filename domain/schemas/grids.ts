import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Category, MAX_PHOTOS } from '../concerns/categories.js'
import { ConcernStatus } from '../concerns/lifecycle.js'
import { LimitOverrides, LimitSchema, Milestone } from '../concerns/milestones.js'
import { Id, IsoTime } from './common.js'
import { GRID_NAME_MAX, MILESTONE_NOTE_MAX } from '../limits.js'
import { text } from './text.js'

/**
 * The API contract of grids (网格) and the dispatch loop: staff create grids from buildings and
 * grid workers; a concern goes to the grid of its building; grid workers record 签收 and 到场
 * (办结 is the existing resolve transition); admins set the community's limits per category; staff
 * and the street office see what is overdue, per milestone.
 */

export const MAX_GRID_BUILDINGS = 200
export const MAX_GRID_WORKERS = 20

const gridName = onFirstUse(() => text({ label: '网格名称', min: 1, max: GRID_NAME_MAX, tooShort: '请填写网格名称' }))

const distinct = (what: string) => (ids: string[], ctx: z.RefinementCtx) => {
  if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', message: `${what}不能重复` })
}

const buildingIds = onFirstUse(() =>
  z.array(Id, { error: '请选择楼栋' }).max(MAX_GRID_BUILDINGS, `一个网格最多 ${MAX_GRID_BUILDINGS} 栋楼`).superRefine(distinct('楼栋')),
)
const workerIds = onFirstUse(() =>
  z.array(Id, { error: '请选择网格员' }).max(MAX_GRID_WORKERS, `一个网格最多 ${MAX_GRID_WORKERS} 名网格员`).superRefine(distinct('网格员')),
)

// ——— Inputs ———

export const GridsQuery = onFirstUse(() => z.strictObject({ communityId: Id }))

/** A building already in another grid is refused (409, naming it), never moved silently. */
export const GridInput = onFirstUse(() =>
  z.strictObject({
    communityId: Id,
    name: gridName,
    buildingIds: buildingIds.default([]),
    /** Workers or admins of the community. */
    workerIds: workerIds.default([]),
  }),
)

/** The body of `POST /api/communities/{communityId}/grids`: the community is in the path. */
export const NewGridInput = onFirstUse(() => GridInput.omit({ communityId: true }))

export const GridPatch = onFirstUse(() =>
  z
    .strictObject({ name: gridName.optional(), buildingIds: buildingIds.optional(), workerIds: workerIds.optional() })
    .superRefine((v, ctx) => {
      if (v.name === undefined && v.buildingIds === undefined && v.workerIds === undefined)
        ctx.addIssue({ code: 'custom', path: ['name'], message: '请至少修改一项：名称、楼栋或网格员' })
    }),
)

/** 签收: the grid worker takes the concern. */
export const AcknowledgeInput = onFirstUse(() =>
  z.strictObject({
    note: text({ label: '说明', max: MILESTONE_NOTE_MAX, multiline: true }).optional(),
  }),
)

/** 到场: the worker is on site; a photo when there is one. */
export const ArriveInput = onFirstUse(() =>
  z.strictObject({
    note: text({ label: '说明', max: MILESTONE_NOTE_MAX, multiline: true }).optional(),
    photoIds: z.array(Id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).default([]),
  }),
)

/** The community's limits: per category, only what differs from the defaults (PUT replaces them all). */
/** Days a resident's topic may wait for its written answer before staff are told (议题答复时限). */
export const TopicAnswerDays = z
  .number({ error: '议题答复时限须是天数' })
  .int('议题答复时限须是整数天')
  .min(1, '议题答复时限至少 1 天')
  .max(90, '议题答复时限最多 90 天')

export const LimitsInput = onFirstUse(() => z.strictObject({ overrides: LimitOverrides, topicAnswerDays: TopicAnswerDays.optional() }))

export const OverdueQuery = onFirstUse(() =>
  z
    .strictObject({
      communityId: Id.optional(),
      streetId: Id.optional(),
      milestone: Milestone.optional(),
      category: Category.optional(),
      cursor: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    })
    .superRefine((v, ctx) => {
      if (!v.communityId === !v.streetId)
        ctx.addIssue({ code: 'custom', path: ['communityId'], message: '请指定社区（communityId）或街道（streetId）其中之一' })
    }),
)

// ——— Replies ———

const Named = onFirstUse(() => z.object({ id: Id, name: z.string() }))

export const Grid = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      name: z.string(),
      buildings: z.array(Named),
      workers: z.array(z.object({ userId: Id, name: z.string() })),
      openConcernCount: z.number().int(),
      overdueCount: z.number().int(),
    })
    .meta({ id: 'Grid' }),
)

export const GridList = onFirstUse(() =>
  z.object({
    items: z.array(Grid),
    /** Buildings in no grid: their concerns go to the community's inbox. */
    unassignedBuildings: z.array(Named),
  }),
)

export const Limit = LimitSchema

export const CategoryLimitsView = onFirstUse(() =>
  z.object({
    category: Category,
    label: z.string(),
    acknowledge: LimitSchema,
    arrive: LimitSchema.nullable(),
    resolve: LimitSchema,
    /** False when the community changed any of them. */
    isDefault: z.boolean(),
    /** "签收：反映后 20 分钟内；到场：…". */
    text: z.string(),
  }),
)

export const CommunityLimits = onFirstUse(() =>
  z
    .object({ communityId: Id, categories: z.array(CategoryLimitsView), overrides: LimitOverrides, topicAnswerDays: z.number().int() })
    .meta({ id: 'CommunityLimits' }),
)

export const MilestoneStandingView = onFirstUse(() =>
  z.object({
    milestone: Milestone,
    label: z.string(),
    standing: z.enum(['untimed', 'waiting', 'overdue', 'on_time', 'late']),
    dueAt: IsoTime.nullable(),
    doneAt: IsoTime.nullable(),
    minutesLate: z.number().int().min(0),
    /** "签收已超时 25 分钟" when overdue or late. */
    text: z.string().nullable(),
  }),
)

export const OverdueItem = onFirstUse(() =>
  z.object({
    concernId: Id,
    publicNo: z.string(),
    communityId: Id,
    communityName: z.string(),
    grid: Named.nullable(),
    category: Category,
    categoryLabel: z.string(),
    excerpt: z.string(),
    status: ConcernStatus,
    statusLabel: z.string(),
    assignee: z.string().nullable(),
    milestone: Milestone,
    milestoneLabel: z.string(),
    dueAt: IsoTime,
    minutesLate: z.number().int().min(0),
    text: z.string(),
  }),
)

export const OverduePage = onFirstUse(() =>
  z.object({ items: z.array(OverdueItem), nextCursor: z.string().nullable() }).meta({ id: 'OverduePage' }),
)

/** A deleted grid: its buildings now go to the community's inbox. */
export const DeletedGrid = onFirstUse(() => z.object({ id: Id, deleted: z.literal(true) }))
