import * as z from 'zod'
import { ErrorBody } from '../domain/schemas/common.js'

/** A parameter the route reads itself (not through a zod schema): documented here. */
export interface ExtraParam {
  name: string
  in: 'query' | 'header'
  description: string
  required?: boolean
  schema?: Record<string, unknown>
}

/** One documented operation; routes declare theirs beside the handler. */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete'
  /** Hono style (`/api/communities/:communityId`); converted to `{communityId}` in the document. */
  path: string
  tag:
    | 'system'
    | 'auth'
    | 'me'
    | 'communities'
    | 'residency'
    | 'concerns'
    | 'councils'
    | 'votes'
    | 'photos'
    | 'notifications'
    | 'jobs'
    | 'grids'
    | 'kpis'
    | 'ledgers'
    | 'board'
    | 'tracking'
    | 'needs'
    | 'projects'
    | 'points'
    | 'errands'
    | 'volunteering'
  summary: string
  /** What the summary leaves out: who may call it, what changes, what to do next. */
  description?: string
  auth: boolean
  body?: z.ZodType
  /** The route reads the body itself and acknowledges anything (a push from WeChat): no 400 or 415. */
  acceptsAnyBody?: boolean
  /** A request body that passes `body` (checked by the contract tests); shown in the document. */
  example?: unknown
  /** The request is a multipart/form-data upload of one file in this field. */
  upload?: { field: string; types: string[] }
  query?: z.ZodType
  params?: readonly ExtraParam[]
  /** Accepts an `Idempotency-Key` header: a retried request with the same key replays the first reply. */
  idempotencyKey?: boolean
  /** Counted by a rate limit (functions/http/rate-limit.ts): may answer 429 with Retry-After. */
  rateLimited?: boolean
  response: z.ZodType
  /** The reply's media types when it is not JSON (e.g. text/calendar, image/png). */
  contentType?: string | string[]
  status?: number
  /** Other success statuses with the same reply (e.g. 200 when a repeat returns what the first call created). */
  alsoStatus?: number[]
  errors?: number[]
}

export function op(o: Operation): Operation {
  return o
}

const tagDescriptions: Record<Operation['tag'], string> = {
  system: '健康检查与接口文档',
  auth: '登录：微信 code2session；非生产环境的演示登录',
  me: '当前用户：资料、身份、已认证房屋',
  communities: '社区、楼栋、单元、房屋',
  residency: '房屋认证：居民申请，社区工作者审核',
  concerns: '诉求：反映、附议、关注、受理、派单、办结、评价',
  councils: '议事会：每月一议、邻里事周议、专题议事会、民情恳谈会；议题申报、报名、签到、决议与纪要',
  votes:
    '表决：方案、投票范围（到会居民、认证居民、指定楼栋/单元住户）、每人或每户一票、简单多数/议事会规则/业主共同决定（参考性）；结果公示',
  photos: '照片上传（去除 EXIF、压缩）与访问；微信内容安全的消息推送',
  notifications: '我的消息',
  jobs: '定时任务（Vercel Cron 调用）',
  grids: '网格与派单：网格的楼栋和网格员、各类诉求的签收/到场/办结时限、超时清单',
  kpis: '三率：响应率、解决率、满意率与综合得分；街道排名；每个数字背后的诉求；街道的考核设置',
  ledgers: '台账（Excel）：诉求办理、议事协商、投票表决；社区的和街道汇总的',
  needs:
    '需求清单与资源清单：居民和社区提出的需求、支持、每月一议前的点数排序、提交议事会；驻区单位、物业、业委会、志愿者和居民提供的资源（联系方式仅工作人员可见）',
  projects: '项目清单：把需求清单里的需求和资源清单里的资源对接成项目，按决议跟踪的方式跟踪到完成，并上公示栏',
  points: '道德银行与爱心超市：积分规则、积分记录（只增不改）、月度对账单、好人好事审核、物品兑换与核销',
  errands:
    '党员家庭代办站：代办站（党员家庭、志愿者）、居民找人帮忙（或工作人员代为提出）、接单、办好、确认完成与感谢；地址电话只给接单的人；确认后记代办服务积分',
  volunteering: '志愿活动：工作人员发布、修改、取消活动；居民报名和取消报名（名额并发准确）；活动结束后签退、确认时长并记入积分',
  board: '公示栏与开放数据：三率、已办结诉求、议事决议、表决结果；不含姓名、房号、电话',
  tracking: '决议跟踪：议事会决议和通过的表决事项的责任方、期限、状态、进度和带照片的进展',
}

/** Path parameters by name; a path with a name missing here fails the build of the document. */
const pathParamDescriptions: Record<string, string> = {
  communityId: '社区编号（UUID）',
  concernId: '诉求编号（UUID）',
  sessionId: '议事会编号（UUID）',
  topicId: '议题编号（UUID）',
  proposalId: '表决方案编号（UUID）',
  itemId: '跟踪事项编号（UUID）',
  projectId: '项目编号（UUID）',
  claimId: '房屋认证申请编号（UUID）',
  photoId: '照片编号（UUID）',
  gridId: '网格编号（UUID）',
  needId: '需求编号（UUID）',
  resourceId: '资源编号（UUID）',
  roundId: '需求排序编号（UUID）',
  streetId: '街道编号（UUID）',
  shopItemId: '爱心超市物品编号（UUID）',
  redemptionId: '兑换记录编号（UUID）',
  goodDeedId: '好人好事编号（UUID）',
  accountUserId: '积分账户所属居民的用户编号（UUID）',
  stationId: '代办站编号（UUID）',
  errandId: '代办编号（UUID）',
  activityId: '志愿活动编号（UUID）',
  kind: '台账种类：concerns、councils 或 votes（路径以 .xlsx 结尾）',
  name: '文件名（上传时返回的 url 的最后一段）',
  scope: '订阅范围（由 /calendar-feed 生成，原样使用）',
  signature: '订阅链接的签名（由 /calendar-feed 生成，原样使用）',
}

/** Query parameters by name, unless the schema describes its own. */
const queryParamDescriptions: Record<string, string> = {
  month: '月份，YYYY-MM（北京时间）',
  q: '按姓名筛选（包含即可）',
  cursor: '分页游标：上一页返回的 nextCursor；第一页不传',
  limit: '每页条数',
  status: '按状态筛选',
  category: '按诉求类别筛选',
  scope: '范围',
  overdue: '只看超期未办结的（1 或 true）',
  mine: '只看指派给我的（1 或 true）',
  communityId: '社区编号（UUID）',
  description: '正在填写的诉求描述，用于查找类似诉求',
  buildingId: '楼栋编号（UUID）',
  householdId: '房屋编号（UUID）',
  unitId: '单元编号（UUID）',
  unread: '只看未读（1 或 true）',
  phase: '按阶段筛选',
  kind: '按类型筛选',
  from: '开始时间（含），带时区的 ISO 8601 时间',
  to: '结束时间（不含），带时区的 ISO 8601 时间',
  sessionId: '议事会编号（UUID）',
  topicId: '议题编号（UUID）',
  when: 'upcoming：即将召开（最近的在前）；past：已结束（最近的在前）',
  voted: 'yes：已投票的；no：还没投票的',
  streetId: '街道编号（UUID）',
  street: '街道编号（UUID）',
  id: '统计对象的编号：街道、社区、网格、网格员（用户）的 UUID；共建单位为单位名称',
  level: '排名层级：community（社区）、grid（网格）或 worker（网格员）',
  measure: '指标：response、resolution、satisfaction、onTime 或 reopen',
  outcome: 'hit：计入分子的；miss：未计入分子的；不传则为分母全部',
  by: '分项：grid（网格）、worker（网格员）、partner（共建单位）或 category（类别）',
  months: '最近几个整月（含本月），1–36，默认 12',
  milestone: '节点：acknowledge（签收）、arrive（到场）或 resolve（办结）',
}

/** What each error status means on this API; the body is always the one Error schema. */
const errorDescriptions: Record<number, string> = {
  400: '请求有误：字段、查询参数或路径中的编号不合法（VALIDATION_FAILED 等，details.fields 指出字段）',
  401: '未登录、登录已过期或凭证无效（UNAUTHENTICATED、TOKEN_EXPIRED 等）',
  403: '没有权限进行此操作（FORBIDDEN 等）',
  404: '要找的内容不存在，或对当前用户不可见（NOT_FOUND）',
  409: '与当前状态冲突，请刷新后重试（如 TRANSITION_NOT_ALLOWED、IDEMPOTENCY_KEY_REUSED）',
  413: '提交的内容太大（PAYLOAD_TOO_LARGE、PHOTO_TOO_LARGE）',
  415: '提交的格式不对（UNSUPPORTED_MEDIA_TYPE、PHOTO_TYPE_UNSUPPORTED）',
  422: '内容未通过微信内容安全检测（CONTENT_REFUSED）',
  429: '操作太频繁（RATE_LIMITED）：Retry-After 头给出可以重试的秒数',
  503: '服务暂时不可用：数据库或微信接口（DATABASE_UNAVAILABLE、WECHAT_UNAVAILABLE、STORAGE_UNAVAILABLE）',
}

/** `/api/concerns/:concernId` → `/api/concerns/{concernId}` */
export const documentPath = (path: string) => path.replace(/:(\w+)/g, '{$1}')

export const operationId = (o: Pick<Operation, 'method' | 'path'>) =>
  `${o.method}${documentPath(o.path)
    .replace(/[{}]/g, '')
    .replace(/[^a-zA-Z0-9]+(.)/g, (_, ch: string) => ch.toUpperCase())}`

/** Every status an operation can answer: its success, what it declares, and what the HTTP layer adds. */
export function statusesOf(o: Operation): number[] {
  const json = Boolean(o.body) && !o.acceptsAnyBody
  const validates = json || Boolean(o.query) || /:\w+Id\b/.test(o.path) || o.idempotencyKey
  const all = new Set([
    o.status ?? 200,
    ...(o.alsoStatus ?? []),
    ...(o.errors ?? []),
    ...(o.auth ? [401] : []),
    ...(validates ? [400] : []),
    ...(json ? [415] : []),
    ...(o.body ? [413] : []),
    ...(o.idempotencyKey ? [409] : []),
    ...(o.rateLimited ? [429] : []),
    503,
  ])
  return [...all].sort((a, b) => a - b)
}

const jsonSchemaOptions = { unrepresentable: 'any', reused: 'inline', target: 'draft-2020-12' } as const

/** Builds the OpenAPI 3.1 document from the same zod schemas that validate requests. */
export function buildOpenApi(operations: Operation[], version: string) {
  const schemas: Record<string, unknown> = {}
  // zod names a schema with `.meta({ id })` in `$defs`: those become components, referenced from every use.
  const convert = (schema: z.ZodType, io: 'input' | 'output') => {
    const json = z.toJSONSchema(schema, { ...jsonSchemaOptions, io }) as Record<string, unknown>
    const defs = (json.$defs ?? {}) as Record<string, unknown>
    delete json.$defs
    delete json.$schema
    for (const [name, def] of Object.entries(defs)) schemas[name] ??= rewriteRefs(def)
    // A named schema at the top comes back as `{ $ref: '#' }`-free JSON with its id: reference the component.
    const id = z.globalRegistry.get(schema)?.id
    if (id) {
      schemas[id] ??= rewriteRefs(json)
      return { $ref: `#/components/schemas/${id}` }
    }
    return rewriteRefs(json)
  }
  const byCollection = new Map(operations.filter((o) => o.method === 'get').map((o) => [o.path, o]))
  const paths: Record<string, Record<string, unknown>> = {}

  for (const o of operations) {
    const path = documentPath(o.path)
    const parameters = parametersOf(o)
    const responses = responsesOf(o, convert, byCollection)
    const requestBody = requestBodyOf(o, convert)

    paths[path] ??= {}
    paths[path][o.method] = {
      tags: [o.tag],
      summary: o.summary,
      description: [o.description ?? `${o.summary}。`, o.auth ? '需要登录。' : '公开接口，无需登录。'].join(' '),
      operationId: operationId(o),
      security: o.auth ? [{ bearer: [] }] : [],
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    }
  }
  convert(ErrorBody, 'output')
  return {
    openapi: '3.1.0',
    info: {
      title: 'Linli 邻里议事 API',
      version,
      description:
        '社区诉求、议事与投票。登录后以 `Authorization: Bearer <token>` 调用。所有错误的内容都是 `{ error: { code, message, details, requestId } }`：code 稳定、供程序判断，message 是给人看的中文。路径中格式不对的编号答 400，不存在的内容答 404，不支持的请求方法答 405（带 Allow 头）。',
      license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
    },
    servers: [{ url: '/', description: '与 H5 应用同源' }],
    security: [{ bearer: [] }],
    tags: Object.entries(tagDescriptions).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: '登录接口返回的 token' } },
    },
  }
}

/** A zod schema as JSON Schema, named ones as references to components (see buildOpenApi). */
type Convert = (schema: z.ZodType, io: 'input' | 'output') => unknown

/** The path parameters (every one described), the query's, the Idempotency-Key header and any extra ones. */
function parametersOf(o: Operation): Record<string, unknown>[] {
  const parameters: Record<string, unknown>[] = [...o.path.matchAll(/:(\w+)/g)].map((m) => {
    const description = pathParamDescriptions[m[1]]
    if (!description) throw new Error(`openapi: describe path parameter ${m[1]} (${o.path})`)
    return {
      name: m[1],
      in: 'path',
      required: true,
      description,
      schema: m[1].endsWith('Id') ? { type: 'string', format: 'uuid' } : { type: 'string' },
    }
  })
  if (o.query) {
    const q = z.toJSONSchema(o.query, { ...jsonSchemaOptions, io: 'input' }) as {
      properties?: Record<string, Record<string, unknown>>
      required?: string[]
    }
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      const description = (schema.description as string | undefined) ?? queryParamDescriptions[name]
      if (!description) throw new Error(`openapi: describe query parameter ${name} (${o.path})`)
      parameters.push({ name, in: 'query', required: q.required?.includes(name) ?? false, description, schema })
    }
  }
  if (o.idempotencyKey)
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        '防重复提交：同一次提交的重试带同一个值（8–100 个字母、数字或 ._:-），服务器返回第一次的结果并带 idempotent-replayed: true 头',
      schema: { type: 'string', pattern: '^[\\w.:-]{8,100}$' },
      example: 'raise-7f3c2a9e-4b1d',
    })
  for (const p of o.params ?? []) parameters.push({ required: false, schema: { type: 'string' }, ...p })
  return parameters
}

/** The success reply (and its replay), then every error status the operation may answer, each with the one error shape. */
function responsesOf(o: Operation, convert: Convert, byCollection: Map<string, Operation>): Record<string, unknown> {
  const errorRef = { $ref: '#/components/schemas/Error' }
  const success = o.status ?? 200
  const types = o.contentType === undefined ? ['application/json'] : [o.contentType].flat()
  const successSchema = types[0] === 'application/json' ? convert(o.response, 'output') : { type: 'string', ...binaryOf(types[0]) }
  const content = Object.fromEntries(types.map((t) => [t, { schema: successSchema }]))
  const responses: Record<string, unknown> = {
    [String(success)]: { description: success === 201 ? '已创建' : '成功', content, ...linksOf(o, byCollection) },
  }
  for (const status of o.alsoStatus ?? []) responses[String(status)] = { description: '成功（重复的请求，返回第一次的结果）', content }
  for (const status of statusesOf(o).filter((s) => s >= 400)) {
    const description = errorDescriptions[status]
    if (!description) throw new Error(`openapi: describe error status ${status}`)
    responses[String(status)] = {
      description,
      ...(status === 429
        ? { headers: { 'Retry-After': { description: '多少秒后可以再试', schema: { type: 'integer', minimum: 1 }, example: 1800 } } }
        : {}),
      content: { 'application/json': { schema: errorRef } },
    }
  }
  return responses
}

/** A multipart upload or a JSON body (with its example), or none. */
function requestBodyOf(o: Operation, convert: Convert): Record<string, unknown> | undefined {
  if (o.upload)
    return {
      required: true,
      description: `一个文件，字段名 ${o.upload.field}（${o.upload.types.join('、')}）`,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: [o.upload.field],
            properties: { [o.upload.field]: { type: 'string', format: 'binary', description: '照片文件' } },
          },
          encoding: { [o.upload.field]: { contentType: o.upload.types.join(', ') } },
        },
      },
    }
  if (o.body)
    return {
      required: true,
      content: { 'application/json': { schema: convert(o.body, 'input'), ...(o.example === undefined ? {} : { example: o.example }) } },
    }
  return undefined
}

function rewriteRefs<T>(json: T): T {
  return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'))
}

function binaryOf(type: string): Record<string, string> {
  return type.startsWith('image/') || type.startsWith('application/vnd.') || type === 'application/zip'
    ? { contentMediaType: type, format: 'binary' }
    : {}
}

/**
 * A create links to the read of what it created: `POST /api/concerns` (201) → `GET /api/concerns/{concernId}`,
 * `POST /api/communities/{communityId}/sessions` → `GET /api/sessions/{sessionId}`, by the reply's `id`.
 */
function linksOf(o: Operation, gets: Map<string, Operation>) {
  if (o.method !== 'post' || o.status !== 201) return {}
  const noun = o.path
    .split('/')
    .filter((s) => s && !s.startsWith(':'))
    .at(-1)
  const read = [...gets.values()].find((g) => new RegExp(`^/api/${noun}/:\\w+$`).test(g.path))
  if (!read) return {}
  const param = read.path.split(':')[1]
  return {
    links: {
      read: {
        operationId: operationId(read),
        parameters: { [param]: '$response.body#/id' },
        description: `用返回的 id 读取刚创建的内容（${read.summary}）`,
      },
    },
  }
}
