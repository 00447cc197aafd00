import { Hono } from 'hono'
import { audited } from '../audit/index.js'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import {
  GoodDeedInput,
  GoodDeedReviewInput,
  GoodDeedsQuery,
  HandOverInput,
  ItemInput,
  ItemPatch,
  PointsAccountsQuery,
  PointsRulesInput,
  ReversalInput,
  StatementQuery,
} from '../../domain/schemas/points.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { getAccount, listAccounts } from './accounts.js'
import { getStatement, getSummary } from './balance.js'
import { cancelRedemption } from './close.js'
import { listGoodDeeds, reportGoodDeed, reviewGoodDeed } from './good-deeds.js'
import { handOver } from './hand-over.js'
import { createItem, listItems, updateItem } from './items.js'
import { redeem } from './redeem.js'
import { listRedemptions } from './redemptions.js'
import { reverseEntry } from './reversal.js'
import { getRules, putRules } from './rules.js'

export { pointsDocs } from './docs.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const cid = (c: { req: { valid: (k: 'param') => { communityId: string } } }) => c.req.valid('param').communityId

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the 道德银行 and 爱心超市 reads, each one statement with the actor (decision 039).
 */
export const communityPointsReads = new Hono<AppEnv>()
communityPointsReads.get('/points', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await getSummary(c.var.deps, c.var.userId, cid(c))),
)
communityPointsReads.get('/points/statement', requireSignedIn, paramsOf(CommunityParams), queryOf(StatementQuery), async (c) =>
  c.json(await getStatement(c.var.deps, c.var.userId, cid(c), c.req.valid('query'))),
)
communityPointsReads.get('/points/rules', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await getRules(c.var.deps, c.var.userId, cid(c))),
)
communityPointsReads.get('/points/accounts', requireSignedIn, paramsOf(CommunityParams), queryOf(PointsAccountsQuery), async (c) =>
  c.json(await listAccounts(c.var.deps, c.var.userId, cid(c), c.req.valid('query'))),
)
communityPointsReads.get(
  '/points/accounts/:accountUserId',
  requireSignedIn,
  paramsOf(CommunityParams.extend({ accountUserId: Id })),
  async (c) => c.json(await getAccount(c.var.deps, c.var.userId, cid(c), c.req.valid('param').accountUserId)),
)
communityPointsReads.get('/points/items', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await listItems(c.var.deps, c.var.userId, cid(c))),
)
communityPointsReads.get('/points/redemptions', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await listRedemptions(c.var.deps, c.var.userId, cid(c))),
)
communityPointsReads.get('/points/good-deeds', requireSignedIn, paramsOf(CommunityParams), queryOf(GoodDeedsQuery), async (c) =>
  c.json(await listGoodDeeds(c.var.deps, c.var.userId, cid(c), c.req.valid('query'))),
)

/** Mounted at /api/communities/:communityId: the writes of the community's 道德银行 and 爱心超市. */
export const communityPoints = new Hono<AppEnv>()
communityPoints.use('*', requireUser)
communityPoints.put('/points/rules', paramsOf(CommunityParams), jsonBody(PointsRulesInput), audited('points_rules', 'set'), async (c) =>
  c.json(await putRules(c.var.deps, c.var.actor, cid(c), c.req.valid('json'))),
)
communityPoints.post(
  '/points/reversals',
  paramsOf(CommunityParams),
  jsonBody(ReversalInput),
  audited('points_entry', 'reverse'),
  async (c) => c.json(await reverseEntry(c.var.deps, c.var.actor, cid(c), c.req.valid('json')), 201),
)
communityPoints.post('/points/items', paramsOf(CommunityParams), jsonBody(ItemInput), audited('shop_item', 'create'), async (c) =>
  c.json(await createItem(c.var.deps, c.var.actor, cid(c), c.req.valid('json')), 201),
)
communityPoints.post(
  '/points/hand-over',
  paramsOf(CommunityParams),
  jsonBody(HandOverInput),
  audited('redemption', 'hand_over'),
  async (c) => c.json(await handOver(c.var.deps, c.var.actor, cid(c), c.req.valid('json').code)),
)
communityPoints.post('/points/good-deeds', paramsOf(CommunityParams), jsonBody(GoodDeedInput), async (c) =>
  c.json(await reportGoodDeed(c.var.deps, c.var.actor, cid(c), c.req.valid('json')), 201),
)

/** Mounted at /api/points: an item, a redemption, a good-deed report by id. */
export const pointsApi = new Hono<AppEnv>()
pointsApi.use('*', requireUser)
pointsApi.patch(
  '/items/:shopItemId',
  paramsOf(z.object({ shopItemId: Id })),
  jsonBody(ItemPatch),
  audited('shop_item', 'edit'),
  async (c) => c.json(await updateItem(c.var.deps, c.var.actor, c.req.valid('param').shopItemId, c.req.valid('json'))),
)
pointsApi.post('/items/:shopItemId/redemptions', paramsOf(z.object({ shopItemId: Id })), async (c) =>
  c.json(await redeem(c.var.deps, c.var.actor, c.req.valid('param').shopItemId), 201),
)
pointsApi.post('/redemptions/:redemptionId/cancel', paramsOf(z.object({ redemptionId: Id })), async (c) =>
  c.json(await cancelRedemption(c.var.deps, c.var.actor, c.req.valid('param').redemptionId)),
)
pointsApi.post(
  '/good-deeds/:goodDeedId/review',
  paramsOf(z.object({ goodDeedId: Id })),
  jsonBody(GoodDeedReviewInput),
  audited('good_deed', 'review'),
  async (c) => c.json(await reviewGoodDeed(c.var.deps, c.var.actor, c.req.valid('param').goodDeedId, c.req.valid('json'))),
)
