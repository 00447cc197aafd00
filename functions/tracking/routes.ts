import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import { TrackedItem, TrackedItemPage, TrackedItemPatch, TrackedItemsQuery, TrackedUpdateInput } from '../../domain/schemas/tracking.js'
import { audited } from '../audit/index.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { patchTrackedItem, postTrackedUpdate } from './edit.js'
import { getTrackedItem, listTrackedItems } from './read.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const ItemParams = onFirstUse(() => z.object({ itemId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the 决议跟踪 list in one statement with the actor (decision 039).
 */
export const communityTrackingReads = new Hono<AppEnv>()
communityTrackingReads.get('/tracked-items', requireSignedIn, paramsOf(CommunityParams), queryOf(TrackedItemsQuery), async (c) =>
  c.json(await listTrackedItems(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

/** Mounted at /api/tracked-items. */
export const trackedItemsApi = new Hono<AppEnv>()
// One item reads the actor with everything else (decision 039): before the middleware that loads it alone.
trackedItemsApi.get('/:itemId', requireSignedIn, paramsOf(ItemParams), async (c) =>
  c.json(await getTrackedItem(c.var.deps, c.var.userId, c.req.valid('param').itemId)),
)
trackedItemsApi.use('*', requireUser)
trackedItemsApi.patch('/:itemId', paramsOf(ItemParams), jsonBody(TrackedItemPatch), audited('tracked_item', 'change'), async (c) =>
  c.json(await patchTrackedItem(c.var.deps, c.var.actor, c.req.valid('param').itemId, c.req.valid('json'))),
)
trackedItemsApi.post('/:itemId/updates', paramsOf(ItemParams), jsonBody(TrackedUpdateInput), audited('tracked_item', 'update'), async (c) =>
  c.json(await postTrackedUpdate(c.var.deps, c.var.actor, c.req.valid('param').itemId, c.req.valid('json')), 201),
)

const t = 'tracking' as const
export const trackingDocs = [
  op({
    method: 'get',
    path: '/api/communities/:communityId/tracked-items',
    tag: t,
    summary: '决议跟踪清单：议事会决议和通过的表决事项，期限最近的在前；可按全部、逾期、状态筛选',
    description:
      '本社区的认证居民、工作人员和所属街道的街道干部可以查看；共建单位只看到写明由本单位负责的事项。居民看到的责任方只有单位类别（社区、物业…），没有个人姓名。',
    auth: true,
    query: TrackedItemsQuery,
    response: TrackedItemPage,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/tracked-items/:itemId',
    tag: t,
    summary: '一项决议的跟踪：责任方、期限、状态、进度和每次进展（含照片）',
    description: '看不到这个社区决议跟踪的人得到 404。',
    auth: true,
    response: TrackedItem,
    errors: [404],
  }),
  op({
    method: 'patch',
    path: '/api/tracked-items/:itemId',
    tag: t,
    summary: '修改状态或进度（未开始、进行中、已完成、已搁置）',
    description:
      '本社区工作人员可以修改。已搁置须填写原因（reason）；进度为 0–100 的整数；已完成即 100%，只能重新改为进行中。改为已完成时，关联的诉求随之办结（须有办理后的照片：本次附上或最近一次进展里的）。记一条进展；别人刚改过时 409 TRACKED_CHANGED。',
    auth: true,
    body: TrackedItemPatch,
    example: { status: 'shelved', reason: '资金未落实，待下一年度预算' },
    response: TrackedItem,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/tracked-items/:itemId/updates',
    tag: t,
    summary: '发布一条进展（文字、照片，可同时更新进度）',
    description:
      '本社区工作人员、被指定的负责人、写明负责的共建单位可以发布。照片先用 POST /api/photos 上传；居民看到审核通过的照片。共建单位报 100% 时事项仍为进行中，由社区确认完成。',
    auth: true,
    body: TrackedUpdateInput,
    example: { note: '已完成 3 号楼楼道清理，下周清理 4 号楼', progress: 60, photoIds: ['0b7e7c6a-3c1f-4f3e-9d6a-1a2b3c4d5e6f'] },
    response: TrackedItem,
    status: 201,
    errors: [403, 404, 409],
  }),
]
