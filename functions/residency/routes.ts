import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import { Claim, ClaimInput, ClaimList, ClaimsQuery, RejectInput, StaffClaimPage } from '../../domain/schemas/residency.js'
import { audited } from '../audit/index.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { queryOfLater } from '../http/query-later.js'
import { jsonBody, paramsOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { listClaimsForStaff, listMyClaims, reviewClaim, submitClaim, withdrawClaim } from './service.js'

const ClaimParams = onFirstUse(() => z.object({ claimId: Id }))
const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))

/** Mounted at /api/residency. */
export const residency = new Hono<AppEnv>()
// Registered before the middleware that loads the actor on its own: the read takes it into its one statement (decision 039).
residency.get('/claims/mine', requireSignedIn, async (c) => c.json({ items: await listMyClaims(c.var.deps.database.db, c.var.userId) }))
residency.use('*', requireUser)

residency.post('/claims', jsonBody(ClaimInput), async (c) =>
  c.json(await submitClaim(c.var.deps.database.db, c.var.actor, c.req.valid('json')), 201),
)

residency.post('/claims/:claimId/withdraw', paramsOf(ClaimParams), async (c) =>
  c.json(await withdrawClaim(c.var.deps.database.db, c.var.actor, c.req.valid('param').claimId)),
)

residency.post('/claims/:claimId/approve', paramsOf(ClaimParams), audited('claim', 'approve'), async (c) => {
  const { deps, actor } = c.var
  return c.json(await reviewClaim(deps.database.db, actor, c.req.valid('param').claimId, { verdict: 'verified' }, deps.now()))
})

residency.post('/claims/:claimId/reject', paramsOf(ClaimParams), jsonBody(RejectInput), audited('claim', 'reject'), async (c) => {
  const { deps, actor } = c.var
  const { reason } = c.req.valid('json')
  return c.json(await reviewClaim(deps.database.db, actor, c.req.valid('param').claimId, { verdict: 'rejected', reason }, deps.now()))
})

/**
 * Mounted at /api/communities/:communityId/residency before every sub-app that loads the actor on
 * its own (functions/app.ts): the staff queue of one community, in one statement with the actor.
 */
export const residencyQueueReads = new Hono<AppEnv>()
residencyQueueReads.get('/claims', requireSignedIn, paramsOf(CommunityParams), queryOfLater(ClaimsQuery), async (c) =>
  c.json(await listClaimsForStaff(c.var.deps.database.db, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

export const residencyDocs = [
  op({
    method: 'post',
    path: '/api/residency/claims',
    tag: 'residency',
    summary: '提交房屋认证申请',
    auth: true,
    body: ClaimInput,
    example: { householdId: 'c4a7e1f0-2b3d-4e5f-8a9b-0c1d2e3f4a5b', relation: 'owner' },
    response: Claim,
    status: 201,
    errors: [404, 409],
  }),
  op({ method: 'get', path: '/api/residency/claims/mine', tag: 'residency', summary: '我的认证申请', auth: true, response: ClaimList }),
  op({
    method: 'post',
    path: '/api/residency/claims/:claimId/withdraw',
    tag: 'residency',
    summary: '撤回待审核的申请',
    auth: true,
    response: Claim,
    errors: [404, 409],
  }),
  op({
    method: 'post',
    path: '/api/residency/claims/:claimId/approve',
    tag: 'residency',
    summary: '通过认证（社区工作者）',
    auth: true,
    response: Claim,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/residency/claims/:claimId/reject',
    tag: 'residency',
    summary: '不通过并说明原因（社区工作者）',
    auth: true,
    body: RejectInput,
    example: { reason: '房号与登记信息不符，请核对后重新申请。' },
    response: Claim,
    errors: [403, 404, 409],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/residency/claims',
    tag: 'residency',
    summary: '本社区的认证申请（社区工作者）',
    auth: true,
    query: ClaimsQuery,
    response: StaffClaimPage,
    errors: [403],
  }),
]
