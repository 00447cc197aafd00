import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { ResponsibleParty } from '../councils/kinds.js'
import { MAX_PHOTOS } from '../limits.js'
import {
  SHELVE_REASON_MAX,
  SHELVE_REASON_MIN,
  TrackedFilter,
  trackedFilters,
  TrackedStatus,
  UPDATE_NOTE_MAX,
  UPDATE_NOTE_MIN,
} from '../tracking/items.js'
import { Id, IsoTime, PageQuery, page } from './common.js'
import { Photo } from './concerns.js'
import { text } from './text.js'

/** How a resolution's tracked item is going, as the session page shows it beside the resolution. */
export const ResolutionTracking = onFirstUse(() =>
  z.object({
    itemId: Id,
    status: TrackedStatus,
    statusLabel: z.string(),
    progress: z.number().int(),
    overdue: z.boolean(),
  }),
)

/** A topic's resolution (决议) as the session page shows it: what, who is responsible, by when, how it is going. */
export const Resolution = onFirstUse(() =>
  z.object({
    text: z.string(),
    responsibleParty: ResponsibleParty,
    responsiblePartyLabel: z.string(),
    /** e.g. "安居物业"; null when the party is named by its kind alone. */
    responsibleName: z.string().nullable(),
    deadline: IsoTime,
    recordedAt: IsoTime,
    tracking: ResolutionTracking.nullable(),
  }),
)

/** Where a tracked item comes from: a council topic's resolution, an approved proposal standing alone, or a 项目清单 project. */
export const TrackedSource = onFirstUse(() =>
  z.object({
    kind: z.enum(['topic', 'proposal', 'project']),
    /** The session the resolution was recorded in (null for a proposal outside any session). */
    sessionId: Id.nullable(),
    sessionTitle: z.string().nullable(),
    topicId: Id.nullable(),
    proposalId: Id.nullable(),
    projectId: Id.nullable(),
    /** The topic's, proposal's or project's title. */
    title: z.string(),
  }),
)

export const TrackedUpdate = onFirstUse(() =>
  z.object({
    id: Id,
    note: z.string(),
    /** The status and progress this update left the item in. */
    status: TrackedStatus,
    statusLabel: z.string(),
    progress: z.number().int(),
    /** Who posted it, as residents may see it: 社区工作人员, 物业 …; staff also see the name. */
    byLabel: z.string(),
    photos: z.array(Photo),
    createdAt: IsoTime,
  }),
)

export const TrackedItem = onFirstUse(() =>
  z
    .object({
      id: Id,
      communityId: Id,
      text: z.string(),
      responsibleParty: ResponsibleParty,
      /** 社区 / 物业（安居物业）/ 社区（刘网格）for staff; residents never see a worker's name. */
      partyLabel: z.string(),
      /** The worker named responsible (staff only; null for everyone else). */
      worker: z.object({ id: Id, name: z.string() }).nullable(),
      deadline: IsoTime,
      status: TrackedStatus,
      statusLabel: z.string(),
      progress: z.number().int().min(0).max(100),
      shelvedReason: z.string().nullable(),
      overdue: z.boolean(),
      source: TrackedSource,
      /** The linked concern's public number (staff only; residents follow it on the concern itself). */
      concern: z.object({ id: Id, publicNo: z.string() }).nullable(),
      lastUpdateAt: IsoTime.nullable(),
      completedAt: IsoTime.nullable(),
      createdAt: IsoTime,
      updates: z.array(TrackedUpdate),
      /** What this viewer may do: change status and progress (staff), post an update (staff, the named worker or party). */
      viewer: z.object({ canManage: z.boolean(), canPostUpdate: z.boolean() }),
    })
    .meta({ id: 'TrackedItem' }),
)

export const TrackedItemSummary = onFirstUse(() => TrackedItem.omit({ updates: true, viewer: true }).meta({ id: 'TrackedItemSummary' }))
export const TrackedItemPage = onFirstUse(() =>
  page(TrackedItemSummary).extend({
    /** How many items each filter holds (全部, 逾期, each status). */
    counts: z.object(Object.fromEntries(trackedFilters.map((f) => [f, z.number().int()])) as Record<TrackedFilter, z.ZodNumber>),
  }),
)

export const TrackedItemsQuery = onFirstUse(() =>
  PageQuery.extend({
    filter: TrackedFilter.default('all').meta({
      description: '筛选：all 全部、overdue 逾期，或一种状态（not_started、in_progress、done、shelved）',
    }),
    sessionId: Id.optional().meta({ description: '只看某次议事会的决议（议事会编号）' }),
  }),
)

const progress = z
  .number({ error: '进度须是 0–100 的整数' })
  .int('进度须是 0–100 的整数')
  .min(0, '进度不能小于 0')
  .max(100, '进度不能大于 100')
const reason = onFirstUse(() => text({ label: '搁置原因', min: SHELVE_REASON_MIN, max: SHELVE_REASON_MAX, multiline: true }))
const note = onFirstUse(() => text({ label: '进展说明', min: UPDATE_NOTE_MIN, max: UPDATE_NOTE_MAX, multiline: true }))

/** Staff change status and/or progress; 已搁置 needs a reason. The change is logged as an update. */
export const TrackedItemPatch = onFirstUse(() =>
  z
    .strictObject({
      status: TrackedStatus.optional(),
      progress: progress.optional(),
      reason: reason.optional(),
      note: note.optional(),
      photoIds: z.array(Id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).default([]),
    })
    .superRefine((v, ctx) => {
      if (v.status === undefined && v.progress === undefined)
        ctx.addIssue({ code: 'custom', path: ['status'], message: '请选择新的状态或填写进度' })
      if (v.status === 'shelved' && !v.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '搁置须填写原因' })
    }),
)

/** A progress update: what was done, optionally a new progress, photos of it. */
export const TrackedUpdateInput = onFirstUse(() =>
  z.strictObject({
    note,
    progress: progress.optional(),
    photoIds: z.array(Id).max(MAX_PHOTOS, `最多上传 ${MAX_PHOTOS} 张照片`).default([]),
  }),
)

/** An item as the 公示栏 shows it: no names, no rooms, no concern numbers. */
export const PublicTrackedItem = onFirstUse(() =>
  z
    .object({
      id: Id,
      text: z.string(),
      partyLabel: z.string(),
      deadline: IsoTime,
      status: TrackedStatus,
      statusLabel: z.string(),
      progress: z.number().int(),
      overdue: z.boolean(),
      lastUpdateAt: IsoTime.nullable(),
      photos: z.array(Photo),
    })
    .meta({ id: 'PublicTrackedItem' }),
)
