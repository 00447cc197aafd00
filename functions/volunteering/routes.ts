import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import { ActivitiesQuery, ActivityCancelInput, ActivityInput, ActivityPatch, SignOffInput } from '../../domain/schemas/volunteering.js'
import { audited } from '../audit/index.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { createActivity } from './create.js'
import { cancelActivity, editActivity } from './edit.js'
import { getActivity, listActivities } from './read.js'
import { signOff } from './sign-off.js'
import { signUp, withdraw } from './sign-up.js'

export { volunteeringDocs } from './docs.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const ActivityParams = onFirstUse(() => z.object({ activityId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the 志愿活动 in one statement with the actor (decision 039).
 */
export const communityVolunteeringReads = new Hono<AppEnv>()
communityVolunteeringReads.get(
  '/volunteering/activities',
  requireSignedIn,
  paramsOf(CommunityParams),
  queryOf(ActivitiesQuery),
  async (c) => c.json(await listActivities(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

/** Mounted at /api/communities/:communityId: a 志愿活动 published. */
export const communityVolunteering = new Hono<AppEnv>()
communityVolunteering.use('/volunteering/*', requireUser)
communityVolunteering.post(
  '/volunteering/activities',
  paramsOf(CommunityParams),
  jsonBody(ActivityInput),
  audited('volunteer_activity', 'create'),
  async (c) => c.json(await createActivity(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json')), 201),
)

/** Mounted at /api/volunteering: one activity by id (in one statement with the actor, so before `requireUser`). */
export const volunteeringApi = new Hono<AppEnv>()
const id = (c: { req: { valid: (k: 'param') => { activityId: string } } }) => c.req.valid('param').activityId
volunteeringApi.get('/activities/:activityId', requireSignedIn, paramsOf(ActivityParams), async (c) =>
  c.json(await getActivity(c.var.deps, c.var.userId, id(c))),
)
volunteeringApi.use('*', requireUser)
volunteeringApi.patch(
  '/activities/:activityId',
  paramsOf(ActivityParams),
  jsonBody(ActivityPatch),
  audited('volunteer_activity', 'edit'),
  async (c) => c.json(await editActivity(c.var.deps, c.var.actor, id(c), c.req.valid('json'))),
)
volunteeringApi.post(
  '/activities/:activityId/cancel',
  paramsOf(ActivityParams),
  jsonBody(ActivityCancelInput),
  audited('volunteer_activity', 'cancel'),
  async (c) => c.json(await cancelActivity(c.var.deps, c.var.actor, id(c), c.req.valid('json'))),
)
volunteeringApi.post('/activities/:activityId/signup', paramsOf(ActivityParams), async (c) =>
  c.json(await signUp(c.var.deps, c.var.actor, id(c))),
)
volunteeringApi.delete('/activities/:activityId/signup', paramsOf(ActivityParams), async (c) =>
  c.json(await withdraw(c.var.deps, c.var.actor, id(c))),
)
volunteeringApi.post(
  '/activities/:activityId/sign-off',
  paramsOf(ActivityParams),
  jsonBody(SignOffInput),
  audited('volunteer_activity', 'sign_off'),
  async (c) => c.json(await signOff(c.var.deps, c.var.actor, id(c), c.req.valid('json'))),
)
