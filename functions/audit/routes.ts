import { Hono } from 'hono'
import * as z from 'zod'
import { Id } from '../../domain/schemas/common.js'
import { AuditPage, AuditQuery } from '../../domain/schemas/privacy.js'
import { requireSignedIn } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { queryOfLater } from '../http/query-later.js'
import { paramsOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { listAudit } from './read.js'

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the audit log, for the community's admins, in one statement with the actor.
 */
export const communityAuditReads = new Hono<AppEnv>()
communityAuditReads.get('/audit', requireSignedIn, paramsOf(z.object({ communityId: Id })), queryOfLater(AuditQuery), async (c) =>
  c.json(await listAudit(c.var.deps.database.db, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

export const auditDocs = [
  op({
    method: 'get',
    path: '/api/communities/:communityId/audit',
    tag: 'communities',
    summary: '操作日志：社区工作人员的审核、受理、议题决定、表决开始与结束（仅社区管理员）',
    description:
      '谁、以什么身份、做了什么、对哪条记录、什么时候，最新的在前。只有本社区的管理员可以查看。已注销的工作人员显示为「已注销用户」。',
    auth: true,
    query: AuditQuery,
    response: AuditPage,
    errors: [403, 404],
  }),
]
