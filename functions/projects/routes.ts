import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import { Project, ProjectInput, ProjectLinksInput, ProjectList, ProjectsQuery } from '../../domain/schemas/projects.js'
import { audited } from '../audit/index.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { createProject } from './create.js'
import { editProjectLinks } from './links.js'
import { getProject, listProjects } from './read.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const ProjectParams = onFirstUse(() => z.object({ projectId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the 项目清单 in one statement with the actor (decision 039).
 */
export const communityProjectReads = new Hono<AppEnv>()
communityProjectReads.get('/projects', requireSignedIn, paramsOf(CommunityParams), queryOf(ProjectsQuery), async (c) =>
  c.json(await listProjects(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

/** Mounted at /api/communities/:communityId: a project created. */
export const communityProjects = new Hono<AppEnv>()
communityProjects.use('*', requireUser)
communityProjects.post('/projects', paramsOf(CommunityParams), jsonBody(ProjectInput), audited('project', 'create'), async (c) =>
  c.json(await createProject(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json')), 201),
)

/** Mounted at /api/projects. The read comes before `requireUser`: it reads the actor in its own statement. */
export const projectsApi = new Hono<AppEnv>()
projectsApi.get('/:projectId', requireSignedIn, paramsOf(ProjectParams), async (c) =>
  c.json(await getProject(c.var.deps, c.var.userId, c.req.valid('param').projectId)),
)
projectsApi.use('*', requireUser)
projectsApi.put('/:projectId/links', paramsOf(ProjectParams), jsonBody(ProjectLinksInput), audited('project', 'links'), async (c) =>
  c.json(await editProjectLinks(c.var.deps, c.var.actor, c.req.valid('param').projectId, c.req.valid('json'))),
)

const t = 'projects' as const
export const projectsDocs = [
  op({
    method: 'get',
    path: '/api/communities/:communityId/projects',
    tag: t,
    summary: '项目清单：把需求和资源对接起来的项目，新建的在前；可按进展状态筛选',
    description:
      '本社区认证居民、工作人员和共建单位可以查看。居民看到的责任方只有单位类别，资源没有联系方式，居民提供的资源只显示「居民」。',
    auth: true,
    query: ProjectsQuery,
    response: ProjectList,
    errors: [403, 404],
  }),
  op({
    method: 'post',
    path: '/api/communities/:communityId/projects',
    tag: t,
    summary: '建立项目：至少一条需求和一项资源，责任方、完成期限，有预算时填预算（分）',
    description:
      '本社区工作人员可以建立。需求须是本社区征集中或已上议事会、尚未列入其他项目的（其他社区的需求 404 needIds；已有项目的 409 NEED_NOT_LINKABLE）；资源须是本社区资源清单里的（404 resourceIds）。建立后需求变为「项目实施中」，项目进入决议跟踪：进展、照片和状态用 /api/tracked-items/{itemId} 的接口更新；跟踪事项完成时需求变为「已解决」。',
    auth: true,
    body: ProjectInput,
    example: {
      title: '独居老人助餐点',
      description: '借用睦邻中心厨房，由志愿者团队每周一至五为独居老人送午餐',
      needIds: ['0b7e7c6a-3c1f-4f3e-9d6a-1a2b3c4d5e6f'],
      resourceIds: ['1c8f8d7b-4d2a-4a4f-8e7b-2b3c4d5e6f70'],
      responsibleParty: 'community',
      deadline: '2026-12-31T18:00:00+08:00',
      budgetFen: 1280000,
    },
    response: Project,
    status: 201,
    errors: [403, 404, 409],
  }),
  op({
    method: 'get',
    path: '/api/projects/:projectId',
    tag: t,
    summary: '一个项目：对接的需求和资源、预算、责任方、期限、状态和进度（进展详情见其跟踪事项）',
    description: '看不到这个社区项目清单的人得到 404。资源的联系人和电话只有工作人员（和提供资源的居民本人）看得到。',
    auth: true,
    response: Project,
    errors: [404],
  }),
  op({
    method: 'put',
    path: '/api/projects/:projectId/links',
    tag: t,
    summary: '修改项目对接的需求和资源（整体替换，各至少一项）',
    description:
      '本社区工作人员可以修改。新加入的需求须是征集中或已上议事会的（否则 409 NEED_NOT_LINKABLE），随项目进入「项目实施中」（项目已完成时为「已解决」）；移出的需求回到「已上议事会」或「征集中」。其他社区的需求或资源 404，指明 needIds / resourceIds。',
    auth: true,
    body: ProjectLinksInput,
    example: { needIds: ['0b7e7c6a-3c1f-4f3e-9d6a-1a2b3c4d5e6f'], resourceIds: ['1c8f8d7b-4d2a-4a4f-8e7b-2b3c4d5e6f70'] },
    response: Project,
    errors: [403, 404, 409],
  }),
]
