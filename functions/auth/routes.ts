import { Hono } from 'hono'
import { createMiddleware } from 'hono/factory'
import { DevLoginInput, DevUserList, Session, WechatLoginInput } from '../../domain/schemas/auth.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { rateLimited } from '../http/rate-limit.js'
import { jsonBody } from '../http/validate.js'
import { op } from '../openapi.js'
import { listDemoUsers, publicUser, signInDemoUser, signInWithOpenid } from './service.js'
import { issueToken } from './tokens.js'

export const auth = new Hono<AppEnv>()

auth.post('/wechat', rateLimited('login'), jsonBody(WechatLoginInput), async (c) => {
  const { deps } = c.var
  const { code } = c.req.valid('json')
  const { openid, unionid } = await deps.wechat.codeToSession(code)
  const user = await signInWithOpenid(deps.database.db, openid, unionid, deps.now())
  const session = await issueToken(user.id, deps.config.sessionSecret, deps.config.sessionTtlDays, deps.now())
  return c.json({ ...session, user: publicUser(user) })
})

/** The demo login: only when the configuration allows it, which production never does. */
const devOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.deps.config.devLogin) throw new AppError('DEV_LOGIN_DISABLED')
  await next()
})

auth.get('/dev/users', devOnly, async (c) => c.json({ items: await listDemoUsers(c.var.deps.database.db) }))

auth.post('/dev', devOnly, rateLimited('login'), jsonBody(DevLoginInput), async (c) => {
  const { deps } = c.var
  const user = await signInDemoUser(deps.database.db, c.req.valid('json').userId, deps.now())
  const session = await issueToken(user.id, deps.config.sessionSecret, deps.config.sessionTtlDays, deps.now())
  return c.json({ ...session, user: publicUser(user) })
})

export const authDocs = [
  op({
    method: 'post',
    path: '/api/auth/wechat',
    rateLimited: true,
    tag: 'auth',
    summary: '微信登录（code2session）',
    auth: false,
    body: WechatLoginInput,
    example: { code: '0a3Xk7000wJ2aQ1Ykq300oQd9q3Xk70A' },
    response: Session,
    errors: [401, 503],
  }),
  op({
    method: 'get',
    path: '/api/auth/dev/users',
    tag: 'auth',
    summary: '演示账号列表（仅非生产环境）',
    auth: false,
    response: DevUserList,
    errors: [404],
  }),
  op({
    method: 'post',
    path: '/api/auth/dev',
    rateLimited: true,
    tag: 'auth',
    summary: '以演示账号登录（仅非生产环境）',
    auth: false,
    body: DevLoginInput,
    example: { userId: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e' },
    response: Session,
    errors: [404],
  }),
]
