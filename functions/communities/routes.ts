import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import { BuildingList, CommunityList, CommunitySummary, HouseholdOptionList, HouseholdsQuery } from '../../domain/schemas/communities.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { communitySummary, listBuildings, listCommunities, listHouseholds } from './reads.js'

/**
 * Mounted at /api/communities: the list, in one statement with the actor (decision 039), before the
 * middleware that would load the actor on its own.
 */
export const communitiesApi = new Hono<AppEnv>()
communitiesApi.get('/', requireSignedIn, async (c) => c.json(await listCommunities(c.var.deps.database.db, c.var.userId)))
communitiesApi.use('*', requireUser)

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): a community, its buildings and a unit's households, each one statement.
 */
export const communityReads = new Hono<AppEnv>()
communityReads.get('/', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await communitySummary(c.var.deps.database.db, c.var.userId, c.req.valid('param').communityId)),
)
communityReads.get('/buildings', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await listBuildings(c.var.deps.database.db, c.var.userId, c.req.valid('param').communityId)),
)
communityReads.get('/households', requireSignedIn, paramsOf(CommunityParams), queryOf(HouseholdsQuery), async (c) =>
  c.json(await listHouseholds(c.var.deps.database.db, c.var.userId, c.req.valid('param').communityId, c.req.valid('query').unitId)),
)

export const communitiesDocs = [
  op({ method: 'get', path: '/api/communities', tag: 'communities', summary: '社区列表', auth: true, response: CommunityList }),
  op({
    method: 'get',
    path: '/api/communities/:communityId',
    tag: 'communities',
    summary: '社区概况',
    auth: true,
    response: CommunitySummary,
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/buildings',
    tag: 'communities',
    summary: '楼栋与单元',
    auth: true,
    response: BuildingList,
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/households',
    tag: 'communities',
    summary: '某单元的房屋（门牌与面积）',
    auth: true,
    query: HouseholdsQuery,
    response: HouseholdOptionList,
    errors: [404],
  }),
]
