import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { errorCatalog } from '../domain/errors.js'
import { Health } from '../domain/schemas/common.js'
import { auditDocs, communityAuditReads } from './audit/index.js'
import { boardDocs, communityBoard, communityOpenData } from './board/routes.js'
import { auth, authDocs } from './auth/routes.js'
import { communitiesApi, communitiesDocs, communityReads } from './communities/routes.js'
import { communityConcernReads, communityConcerns, concernsApi, concernsDocs } from './concerns/routes.js'
import { calendarFeedApi, communityCouncilReads, communityCouncils, councilsDocs, sessionsApi, topicsApi } from './councils/routes.js'
import type { AppEnv, Deps } from './context.js'
import { AppError, databaseUnavailable } from './http/errors.js'
import { requestLog } from './http/log.js'
import { knownRoutesOnly } from './http/methods.js'
import { communityErrandReads, communityErrands, errandsApi, errandsDocs, stationsApi } from './errands/routes.js'
import { communityGridReads, communityGrids, gridsApi, gridsDocs, overdueApi } from './grids/routes.js'
import { jobsApi, jobsDocs } from './jobs/routes.js'
import { communityKpiReads, kpisApi, kpisDocs, streetsApi } from './kpis/routes.js'
import { communityLedgerReads, ledgersDocs, streetLedgers } from './ledgers/routes.js'
import { me, meDocs } from './me/routes.js'
import { communityNeedReads, communityNeeds, needsApi, needsDocs, roundsApi } from './needs/routes.js'
import { notificationsApi, notificationsDocs } from './notifications/routes.js'
import { buildOpenApi, op } from './openapi.js'
import { filesApi, photosApi, photosDocs, wechatEvents } from './photos/routes.js'
import { communityPoints, communityPointsReads, pointsApi, pointsDocs } from './points/routes.js'
import { residency, residencyDocs, residencyQueueReads } from './residency/routes.js'
import { communityTrackingReads, trackedItemsApi, trackingDocs } from './tracking/routes.js'
import { communityResourceReads, communityResources, resourcesApi, resourcesDocs } from './resources/routes.js'
import { communityProjectReads, communityProjects, projectsApi, projectsDocs } from './projects/routes.js'
import { communityVoteReads, communityVotes, proposalsApi, votesDocs } from './votes/routes.js'
import { communityVolunteering, communityVolunteeringReads, volunteeringApi, volunteeringDocs } from './volunteering/routes.js'

export const version = '0.1.0'

/** The largest JSON body a request may send (photos have their own limit). */
const jsonMaxBytes = 1024 * 1024

const systemDocs = [
  op({ method: 'get', path: '/api/health', tag: 'system', summary: '健康检查（含数据库）', auth: false, response: Health, errors: [503] }),
  op({
    method: 'get',
    path: '/api/openapi.json',
    tag: 'system',
    summary: 'OpenAPI 3.1 文档',
    auth: false,
    response: Health.pick({}).loose(),
  }),
]
export const operations = [
  ...systemDocs,
  ...authDocs,
  ...meDocs,
  ...communitiesDocs,
  ...auditDocs,
  ...residencyDocs,
  ...concernsDocs,
  ...councilsDocs,
  ...votesDocs,
  ...photosDocs,
  ...notificationsDocs,
  ...jobsDocs,
  ...gridsDocs,
  ...kpisDocs,
  ...ledgersDocs,
  ...boardDocs,
  ...trackingDocs,
  ...needsDocs,
  ...resourcesDocs,
  ...projectsDocs,
  ...pointsDocs,
  ...errandsDocs,
  ...volunteeringDocs,
]

/** Every module's routes, by path; the order matters where two sub-apps share a prefix. */
function mountRoutes(app: Hono<AppEnv>) {
  app.route('/api/auth', auth)
  app.route('/api/me', me)
  // Before the other community sub-apps: their `requireUser` would answer the open data with 401.
  app.route('/api/communities/:communityId', communityOpenData)
  // Reads in one statement with the actor (decision 039), before every sub-app whose `requireUser`
  // would load the actor in a statement of its own.
  app.route('/api/communities/:communityId', communityResourceReads)
  app.route('/api/communities/:communityId', communityLedgerReads)
  app.route('/api/communities/:communityId', communityCouncilReads)
  app.route('/api/communities/:communityId', communityNeedReads)
  app.route('/api/communities/:communityId', communityProjectReads)
  app.route('/api/communities/:communityId', communityReads)
  app.route('/api/communities/:communityId', communityConcernReads)
  app.route('/api/communities/:communityId', communityAuditReads)
  app.route('/api/communities/:communityId/residency', residencyQueueReads)
  app.route('/api/communities/:communityId', communityErrandReads)
  app.route('/api/communities/:communityId', communityVolunteeringReads)
  app.route('/api/communities/:communityId', communityGridReads)
  app.route('/api/communities/:communityId', communityKpiReads)
  app.route('/api/communities/:communityId', communityVoteReads)
  app.route('/api/communities/:communityId', communityTrackingReads)
  app.route('/api/communities/:communityId', communityBoard)
  app.route('/api/communities/:communityId', communityPointsReads)
  app.route('/api/communities/:communityId', communityConcerns)
  app.route('/api/communities/:communityId', communityCouncils)
  app.route('/api/communities/:communityId', communityVotes)
  app.route('/api/communities/:communityId', communityGrids)
  app.route('/api/communities/:communityId', communityNeeds)
  app.route('/api/communities/:communityId', communityResources)
  app.route('/api/communities/:communityId', communityProjects)
  app.route('/api/communities/:communityId', communityPoints)
  app.route('/api/communities/:communityId', communityErrands)
  app.route('/api/communities/:communityId', communityVolunteering)
  app.route('/api/communities', communitiesApi)
  app.route('/api/residency', residency)
  app.route('/api/concerns', concernsApi)
  app.route('/api/sessions', sessionsApi)
  app.route('/api/topics', topicsApi)
  app.route('/api/proposals', proposalsApi)
  app.route('/api/tracked-items', trackedItemsApi)
  app.route('/api/needs', needsApi)
  app.route('/api/need-rounds', roundsApi)
  app.route('/api/resources', resourcesApi)
  app.route('/api/projects', projectsApi)
  app.route('/api/calendar', calendarFeedApi)
  app.route('/api/photos', photosApi)
  app.route('/api/files', filesApi)
  app.route('/api/wechat', wechatEvents)
  app.route('/api/notifications', notificationsApi)
  app.route('/api/jobs', jobsApi)
  app.route('/api/grids', gridsApi)
  app.route('/api/overdue', overdueApi)
  app.route('/api/kpis', kpisApi)
  app.route('/api/points', pointsApi)
  app.route('/api/errands', errandsApi)
  app.route('/api/errand-stations', stationsApi)
  app.route('/api/volunteering', volunteeringApi)
  // The street's ledger loads the actor in its own statement: before `streetsApi`'s `requireUser`.
  app.route('/api/streets', streetLedgers)
  app.route('/api/streets', streetsApi)
}

/** The whole HTTP API. Everything it touches comes in through `deps`, so tests build it on any database. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>()
  let openApiDoc: unknown

  app.use('*', requestId({ headerName: 'x-request-id' }))
  app.use('*', async (c, next) => {
    const started = performance.now()
    c.set('deps', deps)
    await next()
    deps.logger.info(
      {
        requestId: c.get('requestId'),
        userId: c.get('userId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    )
  })
  // The API answers JSON, files and calendars, never a page: nothing may run, load or frame it.
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
      strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    }),
  )
  app.use('*', knownRoutesOnly(app))
  const jsonLimit = bodyLimit({
    maxSize: jsonMaxBytes,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', '提交的内容超过 1 MB')
    },
  })
  // Photo uploads have their own, larger limit (functions/photos/routes.ts). A request without a body,
  // or whose declared length is within the limit, goes on without the limiter touching the body: asking
  // for it would build a full web Request and stream on Node for every request (8 % of a ballot's
  // CPU over loopback HTTP in a profile); a body sent in chunks is counted by the limiter as it reads.
  app.use('*', (c, next) => {
    if (c.req.path === '/api/photos' || c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    const length = c.req.header('content-length')
    if (length !== undefined && !c.req.header('transfer-encoding') && Number(length) <= jsonMaxBytes) return next()
    return jsonLimit(c, next)
  })

  app.get('/api/health', async (c) => {
    try {
      await deps.database.ping()
      return c.json({ ok: true, database: 'up' as const, version })
    } catch (err) {
      requestLog(c, deps.logger).error({ err }, 'health: database unreachable')
      return c.json({ ok: false, database: 'down' as const, version }, 503)
    }
  })
  app.get('/api/openapi.json', (c) => {
    openApiDoc ??= buildOpenApi(operations, version)
    return c.json(openApiDoc)
  })

  mountRoutes(app)

  app.notFound((c) => {
    const e = errorCatalog.ROUTE_NOT_FOUND
    return c.json({ error: { code: 'ROUTE_NOT_FOUND', message: e.message, requestId: c.var.requestId } }, 404)
  })

  app.onError((err, c) => {
    const requestId = c.var.requestId
    let appError: AppError
    if (err instanceof AppError) appError = err
    else if (err instanceof HTTPException && err.status < 500) {
      appError = new AppError(err.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION_FAILED', undefined, { reason: err.message })
    } else if (databaseUnavailable(err)) {
      requestLog(c, deps.logger).error({ err, method: c.req.method, path: c.req.path }, 'database connection lost')
      appError = new AppError('DATABASE_UNAVAILABLE')
    } else {
      requestLog(c, deps.logger).error({ err, method: c.req.method, path: c.req.path }, 'unhandled error')
      appError = new AppError('INTERNAL')
    }
    if (appError.status >= 500 && err instanceof AppError)
      requestLog(c, deps.logger).warn({ code: appError.code, details: appError.details }, 'service failure')
    for (const [name, value] of Object.entries(appError.headers ?? {})) c.header(name, value)
    return c.json(
      { error: { code: appError.code, message: appError.message, details: appError.details, requestId } },
      appError.status as 400,
    )
  })

  return app
}

export type App = ReturnType<typeof createApp>
