import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import * as z from 'zod'
import { onFirstUse } from '../../domain/schemas/lazy.js'
import { Id } from '../../domain/schemas/common.js'
import { Photo } from '../../domain/schemas/concerns.js'
import { requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { rateLimited } from '../http/rate-limit.js'
import { jsonBody, paramsOf } from '../http/validate.js'
import { op } from '../openapi.js'
import { MAX_UPLOAD_BYTES, applyMediaVerdict, reviewPhoto, uploadPhoto } from './service.js'

/** Mounted at /api/photos. */
export const photosApi = new Hono<AppEnv>()

photosApi.post(
  '/',
  bodyLimit({
    maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
    onError: () => {
      throw new AppError('PHOTO_TOO_LARGE')
    },
  }),
  requireUser,
  rateLimited('upload'),
  async (c) => {
    const type = c.req.header('content-type') ?? ''
    if (!type.startsWith('multipart/form-data')) throw new AppError('PHOTO_MISSING', '请以 multipart/form-data 上传，字段名为 file')
    let body: Record<string, unknown>
    try {
      body = await c.req.parseBody()
    } catch {
      throw new AppError('PHOTO_MISSING', '上传内容无法读取，请重试')
    }
    const file = body.file
    if (!(file instanceof File) || file.size === 0)
      throw new AppError('PHOTO_MISSING', undefined, { fields: [{ path: 'file', message: '请选择要上传的照片' }] })
    return c.json(await uploadPhoto(c.var.deps, c.var.actor, file), 201)
  },
)

const PhotoReviewInput = onFirstUse(() =>
  z.strictObject({ verdict: z.enum(['pass', 'rejected'], { error: '请选择「通过」或「不通过」' }) }),
)

photosApi.post('/:photoId/review', requireUser, paramsOf(z.object({ photoId: Id })), jsonBody(PhotoReviewInput), async (c) =>
  c.json(await reviewPhoto(c.var.deps.database.db, c.var.actor, c.req.valid('param').photoId, c.req.valid('json').verdict)),
)

/** Mounted at /api/files: local storage only (production serves Vercel Blob URLs directly). */
export const filesApi = new Hono<AppEnv>()

filesApi.get('/:name', async (c) => {
  const read = c.var.deps.storage.read
  const name = c.req.param('name')
  const bytes = read ? await read(name) : null
  if (!bytes) throw new AppError('NOT_FOUND', '图片不存在')
  const mime = name.endsWith('.png') ? 'image/png' : name.endsWith('.webp') ? 'image/webp' : 'image/jpeg'
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': mime, 'cache-control': 'public, max-age=31536000, immutable' })
})

/** Mounted at /api/wechat: WeChat's message push (服务器配置), for media-check verdicts. */
export const wechatEvents = new Hono<AppEnv>()

function signatureOk(token: string | null, q: Record<string, string>): boolean {
  if (!token || !q.signature || !q.timestamp || !q.nonce) return false
  const expected = createHash('sha1').update([token, q.timestamp, q.nonce].sort().join('')).digest('hex')
  return expected.length === q.signature.length && timingSafeEqual(Buffer.from(expected), Buffer.from(q.signature))
}

wechatEvents.get('/events', (c) => {
  // WeChat verifies the URL once with a GET carrying `echostr`.
  if (!signatureOk(c.var.deps.config.wechatMsgToken, c.req.query())) throw new AppError('SIGNATURE_INVALID')
  return c.text(c.req.query('echostr') ?? '')
})

const MediaCheckPush = onFirstUse(() =>
  z.object({
    Event: z.literal('wxa_media_check'),
    trace_id: z.string().min(1),
    result: z.object({ suggest: z.string() }),
  }),
)

wechatEvents.post('/events', async (c) => {
  if (!signatureOk(c.var.deps.config.wechatMsgToken, c.req.query())) throw new AppError('SIGNATURE_INVALID')
  const parsed = MediaCheckPush.safeParse(await c.req.json().catch(() => null))
  // Other events are acknowledged and ignored; WeChat retries anything that is not "success".
  if (parsed.success) await applyMediaVerdict(c.var.deps.database.db, parsed.data.trace_id, parsed.data.result.suggest)
  return c.text('success')
})

/** WeChat signs each push in the query string (see signatureOk). */
const wechatSignature = [
  { name: 'signature', in: 'query', required: true, description: 'sha1(排序后的 token、timestamp、nonce)' },
  { name: 'timestamp', in: 'query', required: true, description: '微信的时间戳' },
  { name: 'nonce', in: 'query', required: true, description: '微信的随机数' },
] as const

export const photosDocs = [
  op({
    method: 'post',
    path: '/api/photos',
    rateLimited: true,
    tag: 'photos',
    summary: '上传照片（multipart 字段 file；JPG/PNG/WebP，≤ 10 MB；服务器去除 EXIF 并压缩到 2048 px）',
    description:
      '先上传照片，再把返回的 id 放进诉求、进展或纪要的 photoIds。照片经微信内容安全异步检测，被标记的照片在工作人员审核前对居民隐藏。',
    auth: true,
    upload: { field: 'file', types: ['image/jpeg', 'image/png', 'image/webp'] },
    response: Photo,
    status: 201,
    errors: [400, 413, 415],
  }),
  op({
    method: 'post',
    path: '/api/photos/:photoId/review',
    tag: 'photos',
    summary: '工作人员审核被微信标记的照片（通过后对居民可见）',
    auth: true,
    body: PhotoReviewInput,
    example: { verdict: 'pass' },
    response: Photo,
    errors: [403, 404],
  }),
  op({
    method: 'get',
    path: '/api/files/:name',
    tag: 'photos',
    summary: '照片文件（本地存储）',
    description: '本地存储时照片的地址（生产环境照片直接由 Vercel Blob 提供）。文件名不变即内容不变，可长期缓存。',
    auth: false,
    response: z.string(),
    contentType: ['image/jpeg', 'image/png', 'image/webp'],
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/wechat/events',
    tag: 'photos',
    summary: '微信消息推送的地址验证',
    description: '微信后台配置消息推送时调用一次：签名正确则原样返回 echostr。',
    auth: false,
    params: [...wechatSignature, { name: 'echostr', in: 'query', required: true, description: '验证成功时原样返回的随机字符串' }],
    response: z.string(),
    contentType: 'text/plain',
    errors: [401],
  }),
  op({
    method: 'post',
    path: '/api/wechat/events',
    tag: 'photos',
    summary: '微信消息推送（图片内容安全的异步结果）',
    description:
      '微信推送 wxa_media_check 事件：risky 的照片对居民隐藏，待工作人员审核。其他事件确认后忽略；回复 success，否则微信会重试。',
    auth: false,
    params: wechatSignature,
    body: MediaCheckPush,
    acceptsAnyBody: true,
    example: { Event: 'wxa_media_check', trace_id: '6721a3f4-0d1c9e2b-1a2b3c4d', result: { suggest: 'pass' } },
    response: z.string(),
    contentType: 'text/plain',
    errors: [401],
  }),
]
