import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import {
  Ballot,
  BallotInput,
  ParticipationPage,
  ParticipationQuery,
  ProposalActionInput,
  ProposalDetail,
  ProposalInput,
  ProposalPage,
  ProposalsQuery,
  VoteResult,
} from '../../domain/schemas/votes.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import { audited } from '../audit/index.js'
import type { AppEnv } from '../context.js'
import { rateLimited } from '../http/rate-limit.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { castBallot } from './ballots.js'
import { createProposal } from './create.js'
import { editProposal } from './edit.js'
import { actOnProposal } from './lifecycle.js'
import { listParticipation, listProposals } from './lists.js'
import { getProposal, getResult } from './read.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const ProposalParams = onFirstUse(() => z.object({ proposalId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): a community's votes in one statement with the actor (decision 039).
 */
export const communityVoteReads = new Hono<AppEnv>()
communityVoteReads.get('/proposals', requireSignedIn, paramsOf(CommunityParams), queryOf(ProposalsQuery), async (c) =>
  c.json(await listProposals(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

/** Mounted at /api/communities/:communityId: a vote drafted. */
export const communityVotes = new Hono<AppEnv>()
communityVotes.use('*', requireUser)

communityVotes.post('/proposals', paramsOf(CommunityParams), jsonBody(ProposalInput), audited('proposal', 'create'), async (c) =>
  c.json(await createProposal(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json')), 201),
)

/** Mounted at /api/proposals: one vote, its ballots, participation and result. */
export const proposalsApi = new Hono<AppEnv>()
// A ballot reads the actor with the vote (decision 037): before the middleware that loads it alone.
proposalsApi.post(
  '/:proposalId/ballots',
  requireSignedIn,
  rateLimited('ballot'),
  paramsOf(ProposalParams),
  jsonBody(BallotInput),
  async (c) => {
    const { status, ballot } = await castBallot(c.var.deps, c.var.userId, c.req.valid('param').proposalId, c.req.valid('json'))
    return c.json(ballot, status)
  },
)
// A vote's page and its participation read the actor with everything else (decision 039).
proposalsApi.get('/:proposalId', requireSignedIn, paramsOf(ProposalParams), async (c) =>
  c.json(await getProposal(c.var.deps, c.var.userId, c.req.valid('param').proposalId)),
)
proposalsApi.get('/:proposalId/result', requireSignedIn, paramsOf(ProposalParams), async (c) =>
  c.json(await getResult(c.var.deps, c.var.userId, c.req.valid('param').proposalId)),
)
proposalsApi.get('/:proposalId/participation', requireSignedIn, paramsOf(ProposalParams), queryOf(ParticipationQuery), async (c) =>
  c.json(await listParticipation(c.var.deps, c.var.userId, c.req.valid('param').proposalId, c.req.valid('query'))),
)
proposalsApi.use('*', requireUser)

proposalsApi.patch('/:proposalId', paramsOf(ProposalParams), jsonBody(ProposalInput), audited('proposal', 'edit'), async (c) =>
  c.json(await editProposal(c.var.deps, c.var.actor, c.req.valid('param').proposalId, c.req.valid('json'))),
)
proposalsApi.post('/:proposalId/actions', paramsOf(ProposalParams), jsonBody(ProposalActionInput), audited('proposal'), async (c) =>
  c.json(await actOnProposal(c.var.deps, c.var.actor, c.req.valid('param').proposalId, c.req.valid('json'))),
)

const t = 'votes' as const
export const votesDocs = [
  op({
    method: 'post',
    path: '/api/communities/:communityId/proposals',
    tag: t,
    summary: '起草表决方案（工作人员）：单独发起或关联已列入议程的议题；选项、投票范围、计票单位、规则、起止时间、公示天数',
    auth: true,
    body: ProposalInput,
    example: {
      title: '3号楼2单元加装电梯',
      text: '按楼层分摊费用，由物业牵头出具方案。',
      options: { kind: 'yes_no' },
      electorate: { kind: 'households', unitIds: ['8d1e6a52-7c4f-4b9a-9e3d-2f5a6b7c8d90'] },
      unit: 'household',
      rule: 'owners_major',
      opensAt: '2026-03-13T19:00:00+08:00',
      closesAt: '2026-03-20T19:00:00+08:00',
    },
    response: ProposalDetail,
    status: 201,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/proposals',
    tag: t,
    summary: '社区的表决（由新到旧；居民看不到草稿）',
    auth: true,
    query: ProposalsQuery,
    response: ProposalPage,
    errors: [403],
  }),
  op({
    method: 'get',
    path: '/api/proposals/:proposalId',
    tag: t,
    summary: '表决详情：方案、规则说明、我的选票、能否投票；结束后含结果（业主表决标明参考性表决）',
    auth: true,
    response: ProposalDetail,
    errors: [404],
  }),
  op({
    method: 'patch',
    path: '/api/proposals/:proposalId',
    tag: t,
    summary: '修改表决草稿（整张表单，与发起时的检查相同）；发布后不能再改',
    auth: true,
    body: ProposalInput,
    example: {
      title: '3号楼2单元加装电梯（修改）',
      text: '按楼层分摊费用，由物业牵头出具方案；一楼住户不分摊。',
      options: { kind: 'yes_no' },
      electorate: { kind: 'households', unitIds: ['8d1e6a52-7c4f-4b9a-9e3d-2f5a6b7c8d90'] },
      unit: 'household',
      rule: 'owners_major',
      opensAt: '2026-03-13T19:00:00+08:00',
      closesAt: '2026-03-20T19:00:00+08:00',
    },
    response: ProposalDetail,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/proposals/:proposalId/actions',
    tag: t,
    summary: '发布表决（确定投票人名册并通知）、结束投票并计票（公示结果）、取消（工作人员）',
    auth: true,
    body: ProposalActionInput,
    example: { action: 'open' },
    response: ProposalDetail,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/proposals/:proposalId/ballots',
    rateLimited: true,
    tag: t,
    summary: '投票（每人或每户一票；重复提交返回已投的票 200）',
    auth: true,
    body: BallotInput,
    example: { choices: ['yes'] },
    response: Ballot,
    status: 201,
    alsoStatus: [200],
    errors: [403, 404, 409],
  }),
  op({
    method: 'get',
    path: '/api/proposals/:proposalId/participation',
    tag: t,
    summary: '投票情况：谁（哪一户）已投票——不含投了什么（工作人员）',
    auth: true,
    query: ParticipationQuery,
    response: ParticipationPage,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/proposals/:proposalId/result',
    tag: t,
    summary: '表决结果与逐条说明（结束后；设置了实时显示的表决在投票中也可看）',
    auth: true,
    response: VoteResult,
    errors: [404, 409],
  }),
]
