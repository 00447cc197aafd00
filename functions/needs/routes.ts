import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import {
  DotRound,
  DotsInput,
  Need,
  NeedInput,
  NeedList,
  NeedReviewInput,
  NeedsQuery,
  OfferInput,
  OfferReply,
  RoundInput,
  SupportReply,
} from '../../domain/schemas/needs.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { setDots } from './dots.js'
import { getNeed, listNeeds } from './lists.js'
import { offerNeeds } from './offer.js'
import { raiseNeed } from './raise.js'
import { reviewNeed } from './review.js'
import { getRound, openRound } from './rounds.js'
import { setSupport } from './support.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const NeedParams = onFirstUse(() => z.object({ needId: Id }))
const RoundParams = onFirstUse(() => z.object({ roundId: Id }))
const DotParams = onFirstUse(() => z.object({ roundId: Id, needId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the 需求清单 in one statement with the actor (decision 039).
 */
export const communityNeedReads = new Hono<AppEnv>()
communityNeedReads.get('/needs', requireSignedIn, paramsOf(CommunityParams), queryOf(NeedsQuery), async (c) =>
  c.json(await listNeeds(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

/** Mounted at /api/communities/:communityId: a need raised, a dot round opened. */
export const communityNeeds = new Hono<AppEnv>()
communityNeeds.use('/needs', requireUser)
communityNeeds.use('/need-rounds', requireUser)
communityNeeds.post('/needs', paramsOf(CommunityParams), jsonBody(NeedInput), async (c) =>
  c.json(await raiseNeed(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json')), 201),
)
communityNeeds.post('/need-rounds', paramsOf(CommunityParams), jsonBody(RoundInput), async (c) =>
  c.json(await openRound(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json')), 201),
)

/** Mounted at /api/needs. The read comes before `requireUser`: it reads the actor in its own statement. */
export const needsApi = new Hono<AppEnv>()
needsApi.get('/:needId', requireSignedIn, paramsOf(NeedParams), async (c) =>
  c.json(await getNeed(c.var.deps, c.var.userId, c.req.valid('param').needId)),
)
needsApi.use('*', requireUser)
needsApi.post('/:needId/review', paramsOf(NeedParams), jsonBody(NeedReviewInput), async (c) =>
  c.json(await reviewNeed(c.var.deps, c.var.actor, c.req.valid('param').needId, c.req.valid('json'))),
)
needsApi.post('/:needId/support', paramsOf(NeedParams), async (c) =>
  c.json(await setSupport(c.var.deps, c.var.actor, c.req.valid('param').needId, true)),
)
needsApi.delete('/:needId/support', paramsOf(NeedParams), async (c) =>
  c.json(await setSupport(c.var.deps, c.var.actor, c.req.valid('param').needId, false)),
)

/** Mounted at /api/need-rounds. The read comes before `requireUser`: it reads the actor in its own statement. */
export const roundsApi = new Hono<AppEnv>()
roundsApi.get('/:roundId', requireSignedIn, paramsOf(RoundParams), async (c) =>
  c.json(await getRound(c.var.deps, c.var.userId, c.req.valid('param').roundId)),
)
roundsApi.use('*', requireUser)
roundsApi.put('/:roundId/dots/:needId', paramsOf(DotParams), jsonBody(DotsInput), async (c) => {
  const { roundId, needId } = c.req.valid('param')
  return c.json(await setDots(c.var.deps, c.var.actor, roundId, needId, c.req.valid('json').count))
})
roundsApi.post('/:roundId/offer', paramsOf(RoundParams), jsonBody(OfferInput), async (c) =>
  c.json(await offerNeeds(c.var.deps, c.var.actor, c.req.valid('param').roundId, c.req.valid('json').needIds)),
)

const t = 'needs' as const
const needExample = {
  title: '楼道照明改造',
  description: '3 号楼楼道灯常年不亮，老人晚上上下楼不安全，希望换成声控灯',
  category: 'facilities',
  groups: ['elderly_alone'],
  buildingIds: [],
  concernIds: [],
  topicIds: [],
}
export const needsDocs = [
  op({
    method: 'get',
    path: '/api/communities/:communityId/needs',
    tag: t,
    summary: '需求清单：征集中、已上议事会和已关闭的需求（居民另见自己提出的），以及近期的排序',
    description: '本社区认证居民、工作人员和共建单位可以查看；工作人员另见待审核和未采纳的需求，待审核在前。',
    auth: true,
    query: NeedsQuery,
    response: NeedList,
    errors: [403, 404],
  }),
  op({
    method: 'post',
    path: '/api/communities/:communityId/needs',
    tag: t,
    summary: '提出需求：工作人员从诉求或议题整理（直接征集），居民提出（待审核）',
    description: '关联的诉求、议题和楼栋须属于本社区，否则 404 并指出字段；居民不能关联诉求或议题。',
    auth: true,
    body: NeedInput,
    example: needExample,
    response: Need,
    status: 201,
    errors: [400, 403, 404],
  }),
  op({ method: 'get', path: '/api/needs/:needId', tag: t, summary: '一条需求', auth: true, response: Need, errors: [404] }),
  op({
    method: 'post',
    path: '/api/needs/:needId/review',
    tag: t,
    summary: '审核居民提出的需求：采纳（列入清单）或不采纳（写明理由）',
    auth: true,
    body: NeedReviewInput,
    example: { action: 'decline', reason: '已在办理中，见诉求 WA-2026-000123' },
    response: Need,
    errors: [400, 403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/needs/:needId/support',
    tag: t,
    summary: '支持一条需求（每人一次；重复支持结果不变）',
    auth: true,
    response: SupportReply,
    errors: [403, 404, 409],
  }),
  op({
    method: 'delete',
    path: '/api/needs/:needId/support',
    tag: t,
    summary: '撤回支持',
    auth: true,
    response: SupportReply,
    errors: [404],
  }),
  op({
    method: 'post',
    path: '/api/communities/:communityId/need-rounds',
    tag: t,
    summary: '为一场议事会开启需求排序：每位认证居民 N 点（默认 3），可在议事会召开前截止',
    auth: true,
    body: RoundInput,
    example: {
      sessionId: '8d1e6a52-7c4f-4b9a-9e3d-2f5a6b7c8d90',
      opensAt: '2026-12-01T00:00:00+08:00',
      closesAt: '2026-12-08T20:00:00+08:00',
      dots: 3,
    },
    response: DotRound,
    status: 201,
    errors: [400, 403, 404, 409],
  }),
  op({
    method: 'get',
    path: '/api/need-rounds/:roundId',
    tag: t,
    summary: '一轮排序：结果和我的点数',
    auth: true,
    response: DotRound,
    errors: [404],
  }),
  op({
    method: 'put',
    path: '/api/need-rounds/:roundId/dots/:needId',
    tag: t,
    summary: '在一条需求上放几个点（可多点放在同一条；0 为收回）',
    description: '总点数超过本轮额度时 409 DOTS_EXCEEDED，details.dotsLeft 为还剩的点数；排序未开始或已截止时 409 ROUND_NOT_OPEN。',
    auth: true,
    body: DotsInput,
    example: { count: 2 },
    response: DotRound,
    errors: [400, 403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/need-rounds/:roundId/offer',
    tag: t,
    summary: '把排名靠前的需求提交为这场议事会的议题（待定；再按议题审核排入议程）',
    auth: true,
    body: OfferInput,
    example: { needIds: ['8d1e6a52-7c4f-4b9a-9e3d-2f5a6b7c8d90'] },
    response: OfferReply,
    errors: [400, 403, 404, 409],
  }),
]
