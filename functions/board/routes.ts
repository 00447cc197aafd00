import { Hono } from 'hono'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { attachmentHeader } from '../../domain/ledgers/kinds.js'
import { Board, BoardQuery } from '../../domain/schemas/board.js'
import { Id } from '../../domain/schemas/common.js'
import { requireSignedIn } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { rateLimited } from '../http/rate-limit.js'
import { paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { getBoard, getOpenData, ZIP_TYPE } from './index.js'

const CommunityParams = onFirstUse(() => z.object({ communityId: Id }))

/**
 * Mounted at /api/communities/:communityId before every sub-app that loads the actor on its own
 * (functions/app.ts): the 公示栏, for anyone signed in, in one statement with the actor (decision 039).
 */
export const communityBoard = new Hono<AppEnv>()
communityBoard.get('/board', requireSignedIn, paramsOf(CommunityParams), queryOf(BoardQuery), async (c) =>
  c.json(await getBoard(c.var.deps, c.var.userId, c.req.valid('param').communityId, c.req.valid('query'))),
)

/**
 * Mounted at /api/communities/:communityId before every other sub-app there (their `requireUser`
 * would answer 401 first): the open data, without signing in.
 */
export const communityOpenData = new Hono<AppEnv>()
communityOpenData.get('/open-data.zip', rateLimited('openData'), paramsOf(CommunityParams), queryOf(BoardQuery), async (c) => {
  const data = await getOpenData(c.var.deps, c.req.valid('param').communityId, c.req.valid('query'))
  c.header('content-type', ZIP_TYPE)
  c.header('content-disposition', attachmentHeader(data.fileName, data.asciiName))
  c.header('cache-control', 'public, max-age=300')
  return c.body(data.zip as Uint8Array<ArrayBuffer>)
})

const t = 'board' as const
export const boardDocs = [
  op({
    method: 'get',
    path: '/api/communities/:communityId/board',
    tag: t,
    summary: '公示栏：某月的社区三率、已办结诉求（整改前后照片）、议事决议及进度、公示中的表决结果',
    description:
      '任何登录用户都可查看（与社区页、三率卡片一样公开，便于分享到微信群）。不含任何居民的姓名、房号、电话，也不含居民写的文字：诉求只有编号、类别、楼栋、时间、是否按时、满意程度和审核通过的照片（整改前 = 居民反映时的照片，整改后 = 到场和办结的照片，各最多 3 张）；决议的责任方是单位；表决只有票数。每个栏目最多返回最新 20 条，total 为当月总数。month 缺省为本月（北京时间）。社区不存在 404；月份格式不对 400（指出 month）。',
    auth: true,
    query: BoardQuery,
    response: Board,
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/open-data.zip',
    tag: t,
    summary: '开放数据：某月公示栏的事实，CSV（UTF-8 带 BOM）打包为 zip，附 README.txt 说明各列',
    description:
      '无需登录（供其他系统读取）。zip 内有 kpis.csv（三率）、concerns.csv（当月收到的公开诉求：编号、类别、楼栋、时间、是否按时、状态、满意程度，不含文字）、resolutions.csv（议事决议及进度）、votes.csv（公示的表决结果，只有票数）和 README.txt。已去标识化：不含姓名、房号、电话。字段说明见 docs/open-data.md。month 缺省为本月（北京时间）。社区不存在 404；月份格式不对 400（指出 month）；同一地址请求过多 429。',
    auth: false,
    query: BoardQuery,
    rateLimited: true,
    response: z.string().meta({ description: 'zip 压缩包，文件名见 Content-Disposition' }),
    contentType: ZIP_TYPE,
    errors: [404],
  }),
]
