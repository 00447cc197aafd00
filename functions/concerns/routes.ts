import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import {
  BoardQuery,
  ConcernDetail,
  ConcernPage,
  CosignState,
  FollowState,
  InboxQuery,
  RaiseConcernInput,
  RateInput,
  SimilarList,
  SimilarQuery,
  StaffDirectory,
  TransitionInput,
} from '../../domain/schemas/concerns.js'
import { AcknowledgeInput, ArriveInput } from '../../domain/schemas/grids.js'
import { audited } from '../audit/index.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { rateLimited } from '../http/rate-limit.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { findSimilar, listBoard, listInbox, readStaffDirectory } from './lists.js'
import { acknowledgeConcern, arriveAtConcern } from './milestones.js'
import { raiseConcern } from './raise.js'
import { rateConcern } from './rating.js'
import { getConcernDetail } from './read.js'
import { setCosign, setFollow } from './support.js'
import { transitionConcern } from './transitions.js'

const ConcernParams = onFirstUse(() => z.object({ concernId: Id }))
const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))

/** Mounted at /api/concerns. */
export const concernsApi = new Hono<AppEnv>()

// The hot paths load the actor inside their own statement (decision 037): registered before the
// middleware that loads it on its own, so that middleware never runs for them.
concernsApi.get('/similar', requireSignedIn, queryOf(SimilarQuery), async (c) =>
  c.json(await findSimilar(c.var.deps, c.var.userId, c.req.valid('query'))),
)
concernsApi.get('/:concernId', requireSignedIn, paramsOf(ConcernParams), async (c) =>
  c.json(await getConcernDetail(c.var.deps, c.var.userId, c.req.valid('param').concernId)),
)
concernsApi.post('/', requireSignedIn, rateLimited('raise'), jsonBody(RaiseConcernInput), async (c) => {
  const key = c.req.header('idempotency-key')
  if (key !== undefined && !/^[\w.:-]{8,100}$/.test(key)) throw new AppError('IDEMPOTENCY_KEY_INVALID')
  const { id, replayed } = await raiseConcern(c.var.deps, c.var.userId, c.req.valid('json'), key)
  if (replayed) c.header('idempotent-replayed', 'true')
  return c.json(await getConcernDetail(c.var.deps, c.var.userId, id), 201)
})
concernsApi.use('*', requireUser)

concernsApi.post('/:concernId/cosign', rateLimited('cosign'), paramsOf(ConcernParams), async (c) =>
  c.json(await setCosign(c.var.deps, c.var.actor, c.req.valid('param').concernId, true)),
)
concernsApi.delete('/:concernId/cosign', rateLimited('cosign'), paramsOf(ConcernParams), async (c) =>
  c.json(await setCosign(c.var.deps, c.var.actor, c.req.valid('param').concernId, false)),
)
concernsApi.post('/:concernId/follow', rateLimited('follow'), paramsOf(ConcernParams), async (c) =>
  c.json(await setFollow(c.var.deps, c.var.actor, c.req.valid('param').concernId, true)),
)
concernsApi.delete('/:concernId/follow', rateLimited('follow'), paramsOf(ConcernParams), async (c) =>
  c.json(await setFollow(c.var.deps, c.var.actor, c.req.valid('param').concernId, false)),
)

concernsApi.post('/:concernId/transitions', paramsOf(ConcernParams), jsonBody(TransitionInput), audited('concern'), async (c) =>
  c.json(await transitionConcern(c.var.deps, c.var.actor, c.req.valid('param').concernId, c.req.valid('json'))),
)

concernsApi.post('/:concernId/rating', paramsOf(ConcernParams), jsonBody(RateInput), async (c) =>
  c.json(await rateConcern(c.var.deps, c.var.actor, c.req.valid('param').concernId, c.req.valid('json'))),
)

concernsApi.post(
  '/:concernId/acknowledge',
  paramsOf(ConcernParams),
  jsonBody(AcknowledgeInput),
  audited('concern', 'acknowledge'),
  async (c) => c.json(await acknowledgeConcern(c.var.deps, c.var.actor, c.req.valid('param').concernId, c.req.valid('json'))),
)

concernsApi.post('/:concernId/arrive', paramsOf(ConcernParams), jsonBody(ArriveInput), audited('concern', 'arrive'), async (c) =>
  c.json(await arriveAtConcern(c.var.deps, c.var.actor, c.req.valid('param').concernId, c.req.valid('json'))),
)

/** Mounted at /api/communities/:communityId: the board. */
export const communityConcerns = new Hono<AppEnv>()
communityConcerns.get('/concerns', requireSignedIn, paramsOf(CommunityParams), queryOf(BoardQuery), async (c) =>
  c.json(await listBoard(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)
communityConcerns.use('*', requireUser)

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the inbox and the assign directory, each one statement with the actor.
 */
export const communityConcernReads = new Hono<AppEnv>()
communityConcernReads.get('/inbox', requireSignedIn, paramsOf(CommunityParams), queryOf(InboxQuery), async (c) =>
  c.json(await listInbox(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)
communityConcernReads.get('/staff', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await readStaffDirectory(c.var.deps.database.db, c.var.userId, c.req.valid('param').communityId)),
)

const t = 'concerns' as const
export const concernsDocs = [
  op({
    method: 'get',
    path: '/api/concerns/similar',
    tag: t,
    summary: '提交前查找附近的类似诉求（最多 5 条）',
    auth: true,
    query: SimilarQuery,
    response: SimilarList,
  }),
  op({
    method: 'post',
    path: '/api/concerns',
    rateLimited: true,
    tag: t,
    summary: '反映诉求（Idempotency-Key 防重复提交）',
    description:
      '居民在自己认证或加入的社区反映诉求，默认公开、匿名。网络重试请带同一个 Idempotency-Key：服务器只建一条，重试得到同一条诉求（头 idempotent-replayed: true）；同一个 key 换了内容答 409。',
    auth: true,
    idempotencyKey: true,
    body: RaiseConcernInput,
    example: {
      communityId: '3f2b8c4e-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      category: 'facilities',
      description: '3号楼东侧路灯坏了一个多星期，晚上很黑，老人走路不安全。',
      place: { kind: 'building', buildingId: '8d1e6a52-7c4f-4b9a-9e3d-2f5a6b7c8d90' },
      visibility: 'public',
      anonymous: true,
    },
    response: ConcernDetail,
    status: 201,
    errors: [403, 409, 422],
  }),
  op({
    method: 'get',
    path: '/api/concerns/:concernId',
    tag: t,
    summary: '诉求详情与办理时间线',
    auth: true,
    response: ConcernDetail,
    errors: [404],
  }),
  op({
    method: 'post',
    path: '/api/concerns/:concernId/cosign',
    rateLimited: true,
    tag: t,
    summary: '附议',
    auth: true,
    response: CosignState,
    errors: [403, 404, 409],
  }),
  op({
    method: 'delete',
    path: '/api/concerns/:concernId/cosign',
    rateLimited: true,
    tag: t,
    summary: '取消附议',
    auth: true,
    response: CosignState,
    errors: [404],
  }),
  op({
    method: 'post',
    path: '/api/concerns/:concernId/follow',
    rateLimited: true,
    tag: t,
    summary: '关注',
    auth: true,
    response: FollowState,
    errors: [404],
  }),
  op({
    method: 'delete',
    path: '/api/concerns/:concernId/follow',
    rateLimited: true,
    tag: t,
    summary: '取消关注',
    auth: true,
    response: FollowState,
    errors: [404],
  }),
  op({
    method: 'post',
    path: '/api/concerns/:concernId/transitions',
    tag: t,
    summary: '受理、不予受理、合并、指派、开始办理、提交议事、添加进展、办结',
    auth: true,
    body: TransitionInput,
    example: { action: 'accept', note: '已联系物业，明天上午派人维修。' },
    response: ConcernDetail,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/concerns/:concernId/acknowledge',
    tag: t,
    summary: '签收（受理）：开始计算到场和办结时限',
    description:
      '本社区工作人员可以签收待受理的诉求，与「受理」是同一步。网格员签收自己网格的诉求时成为承办人。签收时按社区当前的时限定下到场和办结期限，之后不再变动。',
    auth: true,
    body: AcknowledgeInput,
    example: { note: '收到，马上过去看看。' },
    response: ConcernDetail,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/concerns/:concernId/arrive',
    tag: t,
    summary: '到场：工作人员已到现场（可附现场照片）',
    description: '签收后、办结前可记录一次；待办的诉求随之进入「办理中」。',
    auth: true,
    body: ArriveInput,
    example: { note: '已到 3 号楼东侧，正在检查线路。', photoIds: [] },
    response: ConcernDetail,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/concerns/:concernId/rating',
    tag: t,
    summary: '居民评价（1–2 星或未解决则重新办理一次）',
    auth: true,
    body: RateInput,
    example: { rating: 5, solved: true, comment: '修得很快，谢谢！' },
    response: ConcernDetail,
    errors: [403, 404, 409, 422],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/concerns',
    tag: t,
    summary: '社区诉求公示板 / 我的诉求 / 我关注的',
    auth: true,
    query: BoardQuery,
    response: ConcernPage,
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/inbox',
    tag: t,
    summary: '工单：社区工作人员全部诉求；共建单位仅派给本单位的',
    auth: true,
    query: InboxQuery,
    response: ConcernPage,
    errors: [403],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/staff',
    tag: t,
    summary: '可指派的工作人员与共建单位',
    auth: true,
    response: StaffDirectory,
    errors: [403],
  }),
]
