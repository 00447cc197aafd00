import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import {
  BreakdownQuery,
  KpiBreakdown,
  KpiConcernPage,
  KpiConcernsQuery,
  KpiQuery,
  KpiRanking,
  KpiReport,
  KpiSettingsView,
  KpiTrend,
  kpiScopes,
  MonthlyKpiQuery,
  PublicKpiCard,
  RankingQuery,
  StreetSettingsInput,
  TrendQuery,
} from '../../domain/schemas/kpis.js'
import { requireSignedIn, requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { jsonBody, paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { getBreakdown, getTrend } from './breakdown.js'
import { listKpiConcerns } from './drilldown.js'
import { getKpis } from './figures.js'
import { getMonthlyCard } from './monthly.js'
import { getRanking } from './ranking.js'
import { getStreetSettings, putStreetSettings } from './settings.js'

/** An unknown scope names nothing: 404 before anything else is checked. */
const knownScope = createMiddleware<AppEnv>(async (c, next) => {
  const scope = c.req.query('scope')
  if (scope !== undefined && !(kpiScopes as readonly string[]).includes(scope))
    throw new AppError('NOT_FOUND', `没有「${scope}」这种统计范围（可选：street、community、grid、worker、partner）`)
  await next()
})

/** Mounted at /api/kpis. */
export const kpisApi = new Hono<AppEnv>()
// Every read takes the actor inside its own statement (decisions 037, 039): before the middleware that loads it alone.
kpisApi.get('/', requireSignedIn, knownScope, queryOf(KpiQuery), async (c) =>
  c.json(await getKpis(c.var.deps, c.var.userId, c.req.valid('query'))),
)
kpisApi.get('/ranking', requireSignedIn, queryOf(RankingQuery), async (c) =>
  c.json(await getRanking(c.var.deps, c.var.userId, c.req.valid('query'))),
)
kpisApi.get('/breakdown', requireSignedIn, knownScope, queryOf(BreakdownQuery), async (c) =>
  c.json(await getBreakdown(c.var.deps, c.var.userId, c.req.valid('query'))),
)
kpisApi.get('/trend', requireSignedIn, knownScope, queryOf(TrendQuery), async (c) =>
  c.json(await getTrend(c.var.deps, c.var.userId, c.req.valid('query'))),
)
kpisApi.get('/concerns', requireSignedIn, knownScope, queryOf(KpiConcernsQuery), async (c) =>
  c.json(await listKpiConcerns(c.var.deps, c.var.userId, c.req.valid('query'))),
)
kpisApi.use('*', requireUser)

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))

/** Mounted at /api/communities/:communityId with the reads in one statement: the residents' public card. */
export const communityKpiReads = new Hono<AppEnv>()
communityKpiReads.get('/kpis/monthly', requireSignedIn, paramsOf(CommunityParams), queryOf(MonthlyKpiQuery), async (c) =>
  c.json(await getMonthlyCard(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

const StreetParams = onFirstUse(() => z.object({ streetId: Id }))

/** Mounted at /api/streets. */
export const streetsApi = new Hono<AppEnv>()
// The actor inside the read's own statement (decision 039): before the middleware that loads it alone.
streetsApi.get('/:streetId/settings', requireSignedIn, paramsOf(StreetParams), async (c) =>
  c.json(await getStreetSettings(c.var.deps, c.var.userId, c.req.valid('param').streetId)),
)
streetsApi.use('*', requireUser)
streetsApi.put('/:streetId/settings', paramsOf(StreetParams), jsonBody(StreetSettingsInput), async (c) =>
  c.json(await putStreetSettings(c.var.deps, c.var.actor, c.req.valid('param').streetId, c.req.valid('json'))),
)

const t = 'kpis' as const
export const kpisDocs = [
  op({
    method: 'get',
    path: '/api/kpis',
    tag: t,
    summary: '三率：一个单位在一段时间内的响应率、解决率、满意率、综合得分、按时办结率、重办率与中位用时',
    description:
      '单位：street（本街道的街道干部）、community、grid、worker、partner（本社区工作人员或所属街道的街道干部）。每个比率给出精确的分子分母和公式。未知的范围或编号 404；别的街道或社区 403；区间超过 3 年或结束早于开始 400（指出字段）。',
    auth: true,
    query: KpiQuery,
    response: KpiReport,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/kpis/ranking',
    tag: t,
    summary: '街道排名：社区、网格或网格员按综合得分排名；样本不足的单列、不排名',
    description: '本街道的街道干部可以查看。',
    auth: true,
    query: RankingQuery,
    response: KpiRanking,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/kpis/breakdown',
    tag: t,
    summary: '三率分项：一个单位的数字按网格、网格员、共建单位或类别拆开',
    description:
      '每行给出样本（收到件数）、四个比率（精确分子分母）和 drill（点开该行数字时 /api/kpis/concerns 的 scope、id、category；未划入网格等行为 null）。件数多的在前。权限同 /api/kpis。',
    auth: true,
    query: BreakdownQuery,
    response: KpiBreakdown,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/kpis/trend',
    tag: t,
    summary: '三率趋势：最近若干个整月（默认 12，最多 36，中国时间，含本月），每月的样本与四个比率',
    description: '没有诉求的月份也列出（比率为“—”）。权限同 /api/kpis。',
    auth: true,
    query: TrendQuery,
    response: KpiTrend,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/kpis/concerns',
    tag: t,
    summary: '数字背后的诉求：某个指标的分母（或 hit 分子、miss 未计入的），分页',
    description: 'total 等于该指标的分子（hit）、分母（不传 outcome）或两者之差（miss）。权限同 /api/kpis。',
    auth: true,
    query: KpiConcernsQuery,
    response: KpiConcernPage,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/kpis/monthly',
    tag: t,
    summary: '本月社区三率（居民公开卡片）：某月的响应率、解决率、满意率和综合得分，带分子分母与样本量',
    description:
      '任何登录用户都可查看（与社区的诉求公示板一样公开）；不含任何工作人员、共建单位或居民的名字，也不分网格。month 缺省为本月（北京时间）；没有样本的比率 percent 为「—」。社区不存在 404；月份格式不对 400（指出 month）。',
    auth: true,
    query: MonthlyKpiQuery,
    response: PublicKpiCard,
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/streets/:streetId/settings',
    tag: t,
    summary: '街道的考核设置：综合得分权重、基本满意折算比例、参与排名的最少件数，及公式',
    description: '本街道的街道干部和街道内各社区的工作人员可以查看。',
    auth: true,
    response: KpiSettingsView,
    errors: [403, 404],
  }),
  op({
    method: 'put',
    path: '/api/streets/:streetId/settings',
    tag: t,
    summary: '修改街道的考核设置（立即用于所有数字）',
    description: '本街道的街道干部可以修改。三项权重之和须为 100。',
    auth: true,
    body: StreetSettingsInput,
    example: { weights: { response: 10, resolution: 50, satisfaction: 40 }, basicSatisfiedPercent: 90, minSample: 10 },
    response: KpiSettingsView,
    errors: [403, 404],
  }),
]
