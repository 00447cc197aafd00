import { z } from 'zod'
import { ErrorBody } from '../domain/schemas/common.js'

/** One documented operation; routes declare theirs beside the handler. */
export interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete'
  /** Hono style (`/api/communities/:communityId`); converted to `{communityId}` in the document. */
  path: string
  tag: 'system' | 'auth' | 'me' | 'communities' | 'residency' | 'concerns' | 'councils' | 'votes' | 'photos' | 'notifications' | 'jobs'
  summary: string
  auth: boolean
  body?: z.ZodType
  query?: z.ZodType
  response: z.ZodType
  /** The reply's media type when it is not JSON (e.g. text/calendar). */
  contentType?: string
  status?: number
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
  photos: '照片上传（去除 EXIF、压缩）与访问',
  notifications: '我的消息',
  jobs: '定时任务（Vercel Cron 调用）',
}

/** Builds the OpenAPI 3.1 document from the same zod schemas that validate requests. */
export function buildOpenApi(operations: Operation[], version: string) {
  const components: Record<string, unknown> = {}
  const convert = (schema: z.ZodType, io: 'input' | 'output') => {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', reused: 'inline' }) as Record<string, unknown>
    const defs = (json.$defs ?? {}) as Record<string, unknown>
    delete json.$defs
    delete json.$schema
    for (const [name, def] of Object.entries(defs)) components[name] = def
    return JSON.parse(JSON.stringify(json).replaceAll('"#/$defs/', '"#/components/schemas/'))
  }
  const paths: Record<string, Record<string, unknown>> = {}
  for (const o of operations) {
    const path = o.path.replace(/:(\w+)/g, '{$1}')
    const params = [...o.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: m[1].endsWith('Id') ? { type: 'string', format: 'uuid' } : { type: 'string' },
    }))
    if (o.query) {
      const q = convert(o.query, 'input') as { properties?: Record<string, unknown>; required?: string[] }
      for (const [name, schema] of Object.entries(q.properties ?? {})) {
        params.push({ name, in: 'query', required: q.required?.includes(name) ?? false, schema } as never)
      }
    }
    const responses: Record<string, unknown> = {
      [String(o.status ?? 200)]: {
        description: 'OK',
        content: { [o.contentType ?? 'application/json']: { schema: convert(o.response, 'output') } },
      },
    }
    const errs = new Set([...(o.errors ?? []), ...(o.auth ? [401] : []), ...(o.body || o.query ? [400] : [])])
    for (const status of [...errs].sort()) {
      responses[String(status)] = {
        description: 'Error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      }
    }
    paths[path] ??= {}
    paths[path][o.method] = {
      tags: [o.tag],
      summary: o.summary,
      operationId: `${o.method}${path.replace(/[{}]/g, '').replace(/[^a-zA-Z0-9]+(.)/g, (_, ch: string) => ch.toUpperCase())}`,
      ...(o.auth ? { security: [{ bearer: [] }] } : {}),
      ...(params.length ? { parameters: params } : {}),
      ...(o.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert(o.body, 'input') } } } } : {}),
      responses,
    }
  }
  components.Error = convert(ErrorBody, 'output')
  return {
    openapi: '3.1.0',
    info: { title: 'Linli 邻里议事 API', version, description: '社区诉求、议事与投票。所有错误：{ error: { code, message, details } }' },
    servers: [{ url: '/' }],
    tags: Object.entries(tagDescriptions).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      schemas: components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  }
}
