import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import { Resource, ResourceInput, ResourceList, ResourcePatch, ResourcesQuery } from '../../domain/schemas/needs.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { editResource, withdrawResource } from './change.js'
import { createResource, listResources } from './resources.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the 资源清单 in one statement with the actor (decision 039).
 */
export const communityResourceReads = new Hono<AppEnv>()
communityResourceReads.get('/resources', requireSignedIn, paramsOf(CommunityParams), queryOf(ResourcesQuery), async (c) =>
  c.json(await listResources(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

/** Mounted at /api/communities/:communityId: a resource offered. */
export const communityResources = new Hono<AppEnv>()
communityResources.use('/resources', requireUser)
communityResources.post('/resources', paramsOf(CommunityParams), jsonBody(ResourceInput), async (c) =>
  c.json(await createResource(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json')), 201),
)

const ResourceParams = onFirstUse(() => z.object({ resourceId: Id }))

/** Mounted at /api/resources: one resource, changed or withdrawn by its offerer or staff. */
export const resourcesApi = new Hono<AppEnv>()
resourcesApi.use('*', requireUser)
resourcesApi.patch('/:resourceId', paramsOf(ResourceParams), jsonBody(ResourcePatch), async (c) =>
  c.json(await editResource(c.var.deps, c.var.actor, c.req.valid('param').resourceId, c.req.valid('json'))),
)
resourcesApi.post('/:resourceId/withdraw', paramsOf(ResourceParams), async (c) =>
  c.json(await withdrawResource(c.var.deps, c.var.actor, c.req.valid('param').resourceId)),
)

export const resourcesDocs = [
  op({
    method: 'get',
    path: '/api/communities/:communityId/resources',
    tag: 'needs',
    summary: '资源清单：驻区单位、物业、业委会、志愿者团队和居民能提供的场地、资金、技能、时间、物资',
    description: '本社区认证居民、工作人员和共建单位可以查看；联系人和电话只有工作人员（和提供资源的居民本人）看得到。',
    auth: true,
    query: ResourcesQuery,
    response: ResourceList,
    errors: [403, 404],
  }),
  op({
    method: 'post',
    path: '/api/communities/:communityId/resources',
    tag: 'needs',
    summary: '登记资源：工作人员登记任何提供方的资源；认证居民提供自己的',
    auth: true,
    body: ResourceInput,
    example: {
      ownerKind: 'property_company',
      ownerName: '安居物业',
      kind: 'space',
      title: '物业会议室',
      description: '可容纳 30 人，有投影',
      availability: '工作日 9:00–17:00',
      contactName: '张经理',
      contactPhone: '13900000000',
    },
    response: Resource,
    status: 201,
    errors: [400, 403, 404],
  }),
  op({
    method: 'patch',
    path: '/api/resources/:resourceId',
    tag: 'needs',
    summary: '修改资源：工作人员改任何一项；提供资源的居民改自己的',
    auth: true,
    body: ResourcePatch,
    example: { availability: '每周六上午 9:00–11:00' },
    response: Resource,
    errors: [400, 403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/resources/:resourceId/withdraw',
    tag: 'needs',
    summary: '撤回资源：不再出现在资源清单里，也不能用于新项目；已在用的项目保留',
    description: '工作人员或提供资源的居民本人；重复撤回不改变什么。',
    auth: true,
    response: Resource,
    errors: [403, 404],
  }),
]
