import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import {
  CommunityLimits,
  DeletedGrid,
  Grid,
  GridList,
  GridPatch,
  LimitsInput,
  NewGridInput,
  OverduePage,
  OverdueQuery,
} from '../../domain/schemas/grids.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import { audited } from '../audit/index.js'
import type { AppEnv } from '../context.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { createGrid, deleteGrid, listGrids, updateGrid } from './grids.js'
import { getCommunityLimits, putCommunityLimits } from './limits.js'
import { listOverdue } from './overdue.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const GridParams = onFirstUse(() => z.object({ gridId: Id }))

/** Mounted at /api/communities/:communityId with the reads in one statement (decision 039): the grids and the limits. */
export const communityGridReads = new Hono<AppEnv>()
communityGridReads.get('/grids', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await listGrids(c.var.deps, c.var.userId, c.req.valid('param').communityId)),
)
communityGridReads.get('/limits', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await getCommunityLimits(c.var.deps, c.var.userId, c.req.valid('param').communityId)),
)

/** Mounted at /api/communities/:communityId: the community's grids and milestone limits. */
export const communityGrids = new Hono<AppEnv>()
communityGrids.use('*', requireUser)

communityGrids.post('/grids', paramsOf(CommunityParams), jsonBody(NewGridInput), audited('grid', 'create'), async (c) =>
  c.json(await createGrid(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json')), 201),
)
communityGrids.put('/limits', paramsOf(CommunityParams), jsonBody(LimitsInput), audited('limits', 'set'), async (c) =>
  c.json(await putCommunityLimits(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json'))),
)

/** Mounted at /api/grids. */
export const gridsApi = new Hono<AppEnv>()
gridsApi.use('*', requireUser)
gridsApi.patch('/:gridId', paramsOf(GridParams), jsonBody(GridPatch), audited('grid', 'edit'), async (c) =>
  c.json(await updateGrid(c.var.deps, c.var.actor, c.req.valid('param').gridId, c.req.valid('json'))),
)
gridsApi.delete('/:gridId', paramsOf(GridParams), audited('grid', 'delete'), async (c) => {
  const { gridId } = c.req.valid('param')
  await deleteGrid(c.var.deps, c.var.actor, gridId)
  return c.json({ id: gridId, deleted: true as const })
})

/** Mounted at /api/overdue. */
export const overdueApi = new Hono<AppEnv>()
// The actor inside the read's own statement (decision 039): before the middleware that loads it alone.
overdueApi.get('/', requireSignedIn, queryOf(OverdueQuery), async (c) =>
  c.json(await listOverdue(c.var.deps, c.var.userId, c.req.valid('query'))),
)
overdueApi.use('*', requireUser)

const t = 'grids' as const
const gridExample = {
  name: '第一网格',
  buildingIds: ['8d1e6a52-7c4f-4b9a-9e3d-2f5a6b7c8d90'],
  workerIds: ['5a0c3e1f-2b4d-4c6e-8f0a-1b2c3d4e5f60'],
}
export const gridsDocs = [
  op({
    method: 'get',
    path: '/api/communities/:communityId/grids',
    tag: t,
    summary: '社区的网格：楼栋、网格员、在办与超时件数；未划入网格的楼栋',
    description: '本社区工作人员和所属街道的街道干部可以查看。',
    auth: true,
    response: GridList,
    errors: [403, 404],
  }),
  op({
    method: 'post',
    path: '/api/communities/:communityId/grids',
    tag: t,
    summary: '新建网格',
    description:
      '本社区工作人员可以新建。楼栋须属于本社区且不在其他网格（否则 409 GRID_BUILDING_TAKEN，指出楼栋）；网格员须是本社区的工作人员。',
    auth: true,
    body: NewGridInput,
    example: gridExample,
    response: Grid,
    status: 201,
    errors: [403, 404, 409],
  }),
  op({
    method: 'patch',
    path: '/api/grids/:gridId',
    tag: t,
    summary: '修改网格：改名、调整楼栋或网格员',
    description: '给出的楼栋或网格员整体替换原来的；已派出的诉求仍归原网格。',
    auth: true,
    body: GridPatch,
    example: { name: '第二网格', buildingIds: ['8d1e6a52-7c4f-4b9a-9e3d-2f5a6b7c8d90'] },
    response: Grid,
    errors: [403, 404, 409],
  }),
  op({
    method: 'delete',
    path: '/api/grids/:gridId',
    tag: t,
    summary: '删除网格（楼栋的新诉求改由社区统一受理）',
    auth: true,
    response: DeletedGrid,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/limits',
    tag: t,
    summary: '各类诉求的签收、到场、办结时限',
    auth: true,
    response: CommunityLimits,
    errors: [404],
  }),
  op({
    method: 'put',
    path: '/api/communities/:communityId/limits',
    tag: t,
    summary: '设置本社区的时限（只填与默认不同的；整体替换）；可同时设置议题答复时限',
    description:
      '社区管理员可以设置。已收到的诉求保留当时的期限。topicAnswerDays（1–90 天，默认 14）：居民申报的议题超过这个天数仍未答复，定时任务提醒工作人员。',
    auth: true,
    body: LimitsInput,
    example: {
      overrides: { facilities: { acknowledge: { unit: 'minutes', amount: 120 } }, utilities: { arrive: null } },
      topicAnswerDays: 10,
    },
    response: CommunityLimits,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/overdue',
    tag: t,
    summary: '超时清单：按节点（签收、到场、办结），超时最久的在前',
    description: '指定社区（本社区工作人员、街道干部）或街道（本街道的街道干部）。',
    auth: true,
    query: OverdueQuery,
    response: OverduePage,
    errors: [403, 404],
  }),
]
