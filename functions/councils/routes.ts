import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import {
  CheckInInput,
  MinutesInput,
  RecurringRule,
  RecurringRuleInput,
  RecurringRuleList,
  RegistrationPage,
  RegistrationsQuery,
  RegistrationState,
  SessionActionInput,
  SessionDetail,
  SessionInput,
  SessionPage,
  SessionsQuery,
  ResolutionInput,
  Topic,
  TopicDecisionInput,
  TopicInput,
  TopicPage,
  TopicsQuery,
} from '../../domain/schemas/councils.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import { audited } from '../audit/index.js'
import type { AppEnv } from '../context.js'
import { rateLimited } from '../http/rate-limit.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { calendarFeed, calendarFeedPath, calendarOfCommunity, calendarOfSession, verifyFeed } from './calendar-feed.js'
import { checkIn } from './check-in.js'
import { decideTopic, withdrawTopic } from './decisions.js'
import { publishMinutes } from './minutes.js'
import { getSessionDetail, listSessions } from './read.js'
import { cancelRegistration, listRegistrations, register } from './registration.js'
import { recordResolution } from './resolutions.js'
import { createRule, listRules } from './schedule.js'
import { actOnSession, createSession, editSession } from './sessions.js'
import { bookTopic, getTopic, listTopics } from './topics.js'
import { sessionExample } from './examples.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))
const SessionParams = onFirstUse(() => z.object({ sessionId: Id }))
const TopicParams = onFirstUse(() => z.object({ topicId: Id }))

/** Mounted at /api/communities/:communityId before the `requireUser` sub-apps: reads in one statement each (decision 039). */
export const communityCouncilReads = new Hono<AppEnv>()
communityCouncilReads.get('/sessions', requireSignedIn, paramsOf(CommunityParams), queryOf(SessionsQuery), async (c) =>
  c.json(await listSessions(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)
communityCouncilReads.get('/rules', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  c.json(await listRules(c.var.deps, c.var.userId, c.req.valid('param').communityId)),
)
communityCouncilReads.get('/calendar.ics', requireSignedIn, paramsOf(CommunityParams), async (c) =>
  ics(c, await calendarOfCommunity(c.var.deps, c.var.userId, c.req.valid('param').communityId), 'councils'),
)
communityCouncilReads.get('/calendar-feed', requireSignedIn, paramsOf(CommunityParams), async (c) => {
  const path = await calendarFeedPath(c.var.deps, c.var.userId, c.req.valid('param').communityId)
  const url = new URL(path, c.req.url)
  if (c.req.header('x-forwarded-proto') === 'https') url.protocol = 'https:'
  return c.json({ url: url.toString(), webcal: url.toString().replace(/^https?:/, 'webcal:') })
})

/** Mounted at /api/communities/:communityId: a community's sessions and rules arranged. */
export const communityCouncils = new Hono<AppEnv>()
communityCouncils.use('*', requireUser)
communityCouncils.post('/sessions', paramsOf(CommunityParams), jsonBody(SessionInput), audited('session', 'create'), async (c) => {
  const id = await createSession(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json'))
  return c.json(await getSessionDetail(c.var.deps, c.var.userId, id), 201)
})
communityCouncils.post('/rules', paramsOf(CommunityParams), jsonBody(RecurringRuleInput), audited('rule', 'create'), async (c) =>
  c.json(await createRule(c.var.deps, c.var.actor, c.req.valid('param').communityId, c.req.valid('json')), 201),
)

/**
 * Mounted at /api/calendar, without sign-in: the community calendar for calendar apps that
 * subscribed to the signed path from `/calendar-feed`.
 */
export const calendarFeedApi = new Hono<AppEnv>()
const FeedParams = onFirstUse(() => z.object({ communityId: Id, scope: z.string().min(1).max(400), signature: z.string().min(1).max(64) }))
calendarFeedApi.get('/:communityId/:scope/:signature/councils.ics', paramsOf(FeedParams), async (c) => {
  const { communityId, scope, signature } = c.req.valid('param')
  const orgs = verifyFeed(c.var.deps.config.sessionSecret, communityId, scope, signature)
  c.header('cache-control', 'private, max-age=900')
  return ics(c, await calendarFeed(c.var.deps, communityId, orgs), 'councils')
})

/** An .ics reply; the calendar module (ical-generator) is loaded only here. */
async function ics(c: Context<AppEnv>, cal: Awaited<ReturnType<typeof calendarOfCommunity>>, file: string) {
  const { sessionsCalendar } = await import('./calendar.js')
  c.header('content-type', 'text/calendar; charset=utf-8')
  c.header('content-disposition', `attachment; filename="${file}.ics"`)
  return c.body(sessionsCalendar(cal.name, cal.sessions, cal.communityName, cal.now))
}

/** Mounted at /api/sessions: one session, its registration and check-in. */
export const sessionsApi = new Hono<AppEnv>()
// The reads first, each one statement with the actor (decision 039): `requireUser` below would load it alone.
sessionsApi.get('/:sessionId', requireSignedIn, paramsOf(SessionParams), async (c) =>
  c.json(await getSessionDetail(c.var.deps, c.var.userId, c.req.valid('param').sessionId)),
)
sessionsApi.get('/:sessionId/calendar.ics', requireSignedIn, paramsOf(SessionParams), async (c) => {
  const { sessionId } = c.req.valid('param')
  return ics(c, await calendarOfSession(c.var.deps, c.var.userId, sessionId), `session-${sessionId.slice(0, 8)}`)
})
sessionsApi.get('/:sessionId/registrations', requireSignedIn, paramsOf(SessionParams), queryOf(RegistrationsQuery), async (c) =>
  c.json(await listRegistrations(c.var.deps, c.var.userId, c.req.valid('param').sessionId, c.req.valid('query'))),
)
sessionsApi.get('/:sessionId/topics', requireSignedIn, paramsOf(SessionParams), queryOf(TopicsQuery), async (c) =>
  c.json(await listTopics(c.var.deps, c.var.userId, c.req.valid('param').sessionId, c.req.valid('query'))),
)
sessionsApi.use('*', requireUser)
sessionsApi.patch('/:sessionId', paramsOf(SessionParams), jsonBody(SessionInput), audited('session', 'edit'), async (c) => {
  const { sessionId } = c.req.valid('param')
  await editSession(c.var.deps, c.var.actor, sessionId, c.req.valid('json'))
  return c.json(await getSessionDetail(c.var.deps, c.var.userId, sessionId))
})
sessionsApi.post('/:sessionId/actions', paramsOf(SessionParams), jsonBody(SessionActionInput), audited('session'), async (c) => {
  const { sessionId } = c.req.valid('param')
  await actOnSession(c.var.deps, c.var.actor, sessionId, c.req.valid('json'))
  return c.json(await getSessionDetail(c.var.deps, c.var.userId, sessionId))
})
sessionsApi.post('/:sessionId/registration', rateLimited('register'), paramsOf(SessionParams), async (c) =>
  c.json(await register(c.var.deps, c.var.actor, c.req.valid('param').sessionId)),
)
sessionsApi.delete('/:sessionId/registration', rateLimited('register'), paramsOf(SessionParams), async (c) =>
  c.json(await cancelRegistration(c.var.deps, c.var.actor, c.req.valid('param').sessionId)),
)
sessionsApi.post('/:sessionId/check-in', paramsOf(SessionParams), jsonBody(CheckInInput), async (c) =>
  c.json(await checkIn(c.var.deps, c.var.actor, c.req.valid('param').sessionId, c.req.valid('json').code)),
)
sessionsApi.post('/:sessionId/topics', rateLimited('book'), paramsOf(SessionParams), jsonBody(TopicInput), async (c) =>
  c.json(await bookTopic(c.var.deps, c.var.actor, c.req.valid('param').sessionId, c.req.valid('json')), 201),
)
sessionsApi.post('/:sessionId/minutes', paramsOf(SessionParams), jsonBody(MinutesInput), audited('session', 'minutes'), async (c) => {
  const { sessionId } = c.req.valid('param')
  await publishMinutes(c.var.deps, c.var.actor, sessionId, c.req.valid('json'))
  return c.json(await getSessionDetail(c.var.deps, c.var.userId, sessionId))
})

/** Mounted at /api/topics: one topic (a read in one statement, before `requireUser`), deciding, withdrawing and resolving it. */
export const topicsApi = new Hono<AppEnv>()
topicsApi.get('/:topicId', requireSignedIn, paramsOf(TopicParams), async (c) =>
  c.json(await getTopic(c.var.deps, c.var.userId, c.req.valid('param').topicId)),
)
topicsApi.use('*', requireUser)
topicsApi.post('/:topicId/decision', paramsOf(TopicParams), jsonBody(TopicDecisionInput), audited('topic'), async (c) =>
  c.json(await decideTopic(c.var.deps, c.var.actor, c.req.valid('param').topicId, c.req.valid('json'))),
)
topicsApi.post('/:topicId/withdraw', paramsOf(TopicParams), async (c) =>
  c.json(await withdrawTopic(c.var.deps, c.var.actor, c.req.valid('param').topicId)),
)
topicsApi.post('/:topicId/resolution', paramsOf(TopicParams), jsonBody(ResolutionInput), audited('topic', 'resolution'), async (c) =>
  c.json(await recordResolution(c.var.deps, c.var.actor, c.req.valid('param').topicId, c.req.valid('json'))),
)

const CalendarFeedLink = onFirstUse(() => z.object({ url: z.url(), webcal: z.string() }).meta({ id: 'CalendarFeedLink' }))
const IcsFile = z.string().meta({ description: 'text/calendar (RFC 5545), TZID=Asia/Shanghai' })

const t = 'councils' as const
export const councilsDocs = [
  op({
    method: 'post',
    path: '/api/communities/:communityId/sessions',
    tag: t,
    summary: '安排一场议事会（工作人员；创建后为筹备中）',
    auth: true,
    body: SessionInput,
    example: sessionExample,
    response: SessionDetail,
    status: 201,
    errors: [403],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/sessions',
    tag: t,
    summary: '议事：即将召开（由近到远）或往期（由近到远）；共建单位仅见邀请了本单位的',
    auth: true,
    query: SessionsQuery,
    response: SessionPage,
    errors: [403],
  }),
  op({
    method: 'post',
    path: '/api/communities/:communityId/rules',
    tag: t,
    summary: '设置固定议事安排（如每月第二个周五 19:00），立即生成之后八周的议事会',
    auth: true,
    body: RecurringRuleInput,
    example: {
      kind: 'monthly_council',
      title: '每月一议',
      venue: '睦邻议事厅',
      capacity: 40,
      agendaSlots: 6,
      bookingLeadHours: 48,
      schedule: { freq: 'monthly', nth: 2, weekday: 5, time: '19:00', durationMinutes: 120 },
    },
    response: RecurringRule,
    status: 201,
    errors: [403],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/rules',
    tag: t,
    summary: '固定议事安排（工作人员）',
    auth: true,
    response: RecurringRuleList,
    errors: [403],
  }),
  op({
    method: 'get',
    path: '/api/sessions/:sessionId',
    tag: t,
    summary: '议事会详情：议程、报名、我的议题、纪要；签到码仅工作人员可见',
    auth: true,
    response: SessionDetail,
    errors: [404],
  }),
  op({
    method: 'patch',
    path: '/api/sessions/:sessionId',
    tag: t,
    summary: '修改尚未召开的议事会（整张表单）',
    auth: true,
    body: SessionInput,
    example: sessionExample,
    response: SessionDetail,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/sessions/:sessionId/actions',
    tag: t,
    summary: '开放申报和报名、确定议程、开始、结束、取消（通知已报名的居民）',
    auth: true,
    body: SessionActionInput,
    example: { action: 'cancel', reason: '台风预警，改期举行' },
    response: SessionDetail,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/sessions/:sessionId/registration',
    rateLimited: true,
    tag: t,
    summary: '报名（满员则候补）；开始后截止',
    auth: true,
    response: RegistrationState,
    errors: [403, 404, 409],
  }),
  op({
    method: 'delete',
    path: '/api/sessions/:sessionId/registration',
    rateLimited: true,
    tag: t,
    summary: '取消报名或候补；空出的名额按顺序给候补',
    auth: true,
    response: RegistrationState,
    errors: [404, 409],
  }),
  op({
    method: 'post',
    path: '/api/sessions/:sessionId/check-in',
    tag: t,
    summary: '现场签到（6 位签到码或扫码）',
    auth: true,
    body: CheckInInput,
    example: { code: '482913' },
    response: RegistrationState,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/sessions/:sessionId/topics',
    rateLimited: true,
    tag: t,
    summary: '申报议题（本社区认证居民，截止前；可关联自己反映或附议的诉求）',
    auth: true,
    body: TopicInput,
    example: { title: '3号楼加装电梯', reason: '楼里老人多，上下楼困难，想听听大家意见并商量费用分摊。' },
    response: Topic,
    status: 201,
    errors: [403, 404, 409, 422],
  }),
  op({
    method: 'get',
    path: '/api/sessions/:sessionId/topics',
    tag: t,
    summary: '议题列表（工作人员：全部；居民：已列入议程的和自己申报的）',
    auth: true,
    query: TopicsQuery,
    response: TopicPage,
    errors: [404],
  }),
  op({
    method: 'post',
    path: '/api/sessions/:sessionId/minutes',
    tag: t,
    summary: '发布会议纪要（议事结束后；通知报名的居民）',
    auth: true,
    body: MinutesInput,
    example: { text: '到会居民 23 人。议定：3号楼加装电梯由物业出具方案，下月公示后表决。', attendeeCount: 23 },
    response: SessionDetail,
    errors: [403, 404, 409],
  }),
  op({ method: 'get', path: '/api/topics/:topicId', tag: t, summary: '议题', auth: true, response: Topic, errors: [404] }),
  op({
    method: 'post',
    path: '/api/topics/:topicId/decision',
    tag: t,
    summary: '审核议题：列入议程（顺序、时长）、顺延到之后一场、不予采纳（原因）',
    auth: true,
    body: TopicDecisionInput,
    example: { action: 'accept', order: 1, minutes: 20 },
    response: Topic,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/topics/:topicId/withdraw',
    tag: t,
    summary: '申报人撤回待审核的议题',
    auth: true,
    response: Topic,
    errors: [403, 404, 409],
  }),
  op({
    method: 'post',
    path: '/api/topics/:topicId/resolution',
    tag: t,
    summary: '记录决议（议事中）：内容、责任方、期限；关联诉求转入办理',
    auth: true,
    body: ResolutionInput,
    example: {
      text: '同意加装电梯，由物业出具方案并公示。',
      responsibleParty: 'property_company',
      responsibleName: '安居物业',
      deadline: '2026-06-30T18:00:00+08:00',
    },
    response: Topic,
    errors: [403, 404, 409],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/calendar.ics',
    tag: t,
    summary: '社区议事会日历（iCalendar，北京时间；近 30 天与之后 12 周）',
    auth: true,
    response: IcsFile,
    contentType: 'text/calendar',
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/calendar-feed',
    tag: t,
    summary: '我的议事会日历订阅地址（签名链接，可加到手机日历；共建单位只含邀请本单位的）',
    auth: true,
    response: CalendarFeedLink,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/calendar/:communityId/:scope/:signature/councils.ics',
    tag: t,
    summary: '议事会日历订阅（无需登录，凭签名链接；北京时间）',
    auth: false,
    response: IcsFile,
    contentType: 'text/calendar',
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/sessions/:sessionId/calendar.ics',
    tag: t,
    summary: '一场议事会的日历文件（.ics，北京时间）',
    auth: true,
    response: IcsFile,
    contentType: 'text/calendar',
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/sessions/:sessionId/registrations',
    tag: t,
    summary: '报名名单（工作人员；按报名先后）',
    auth: true,
    query: RegistrationsQuery,
    response: RegistrationPage,
    errors: [403, 404],
  }),
]
