import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import { ConfirmInput, ErrandInput, ErrandsQuery, OnBehalfInput, StationInput, StationPatch } from '../../domain/schemas/errands.js'
import { audited } from '../audit/index.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { acceptErrand } from './accept.js'
import { askErrand, askOnBehalf } from './ask.js'
import { cancelErrand } from './cancel.js'
import { confirmErrand } from './confirm.js'
import { markErrandDone } from './done.js'
import { getErrand, listErrands } from './lists.js'
import { createStation, listStations, stationCandidates, updateStation } from './stations.js'

export { errandsDocs } from './docs.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const ErrandParams = onFirstUse(() => z.object({ errandId: Id }))
const cid = (c: { req: { valid: (k: 'param') => { communityId: string } } }) => c.req.valid('param').communityId

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the 代办站 and the errands, each in one statement with the actor (decision 039).
 */
export const communityErrandReads = new Hono<AppEnv>()
communityErrandReads.get('/errand-stations', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await listStations(c.var.deps, c.var.userId, cid(c))),
)
communityErrandReads.get('/errand-stations/candidates', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await stationCandidates(c.var.deps, c.var.userId, cid(c))),
)
communityErrandReads.get('/errands', requireSignedIn, paramsOf(CommunityParams), queryOf(ErrandsQuery), async (c) =>
  c.json(await listErrands(c.var.deps, c.var.userId, cid(c), c.req.valid('query'))),
)

/** Mounted at /api/communities/:communityId: a station set up, an errand asked. */
export const communityErrands = new Hono<AppEnv>()
for (const path of ['/errand-stations', '/errand-stations/*', '/errands', '/errands/*']) communityErrands.use(path, requireUser)
communityErrands.post(
  '/errand-stations',
  paramsOf(CommunityParams),
  jsonBody(StationInput),
  audited('errand_station', 'create'),
  async (c) => c.json(await createStation(c.var.deps, c.var.actor, cid(c), c.req.valid('json')), 201),
)
communityErrands.post('/errands', paramsOf(CommunityParams), jsonBody(ErrandInput), async (c) =>
  c.json(await askErrand(c.var.deps, c.var.actor, cid(c), c.req.valid('json')), 201),
)
communityErrands.post(
  '/errands/on-behalf',
  paramsOf(CommunityParams),
  jsonBody(OnBehalfInput),
  audited('errand', 'ask_on_behalf'),
  async (c) => c.json(await askOnBehalf(c.var.deps, c.var.actor, cid(c), c.req.valid('json')), 201),
)

/** Mounted at /api/errand-stations: a station by id (staff edit it). */
export const stationsApi = new Hono<AppEnv>()
stationsApi.use('*', requireUser)
stationsApi.patch(
  '/:stationId',
  paramsOf(z.object({ stationId: Id })),
  jsonBody(StationPatch),
  audited('errand_station', 'edit'),
  async (c) => c.json(await updateStation(c.var.deps, c.var.actor, c.req.valid('param').stationId, c.req.valid('json'))),
)

/** Mounted at /api/errands: one errand (in one statement with the actor, so before `requireUser`) and its steps. */
export const errandsApi = new Hono<AppEnv>()
const eid = (c: { req: { valid: (k: 'param') => { errandId: string } } }) => c.req.valid('param').errandId
errandsApi.get('/:errandId', requireSignedIn, paramsOf(ErrandParams), async (c) =>
  c.json(await getErrand(c.var.deps, c.var.userId, eid(c))),
)
errandsApi.use('*', requireUser)
errandsApi.post('/:errandId/accept', paramsOf(ErrandParams), async (c) => c.json(await acceptErrand(c.var.deps, c.var.actor, eid(c))))
errandsApi.post('/:errandId/done', paramsOf(ErrandParams), async (c) => c.json(await markErrandDone(c.var.deps, c.var.actor, eid(c))))
errandsApi.post('/:errandId/confirm', paramsOf(ErrandParams), jsonBody(ConfirmInput), async (c) =>
  c.json(await confirmErrand(c.var.deps, c.var.actor, eid(c), c.req.valid('json'))),
)
errandsApi.post('/:errandId/cancel', paramsOf(ErrandParams), async (c) => c.json(await cancelErrand(c.var.deps, c.var.actor, eid(c))))
