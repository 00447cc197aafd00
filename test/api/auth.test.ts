import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { issueToken, verifyToken } from '../../functions/auth/tokens.js'
import { startTestApp, testSecret, type TestApp } from '../helpers/app.js'
import { startFakeWechat } from '../helpers/fake-wechat.js'

let t: TestApp
let wechat: Awaited<ReturnType<typeof startFakeWechat>>

beforeAll(async () => {
  wechat = await startFakeWechat()
  t = await startTestApp({ wechatBase: wechat.base })
})
afterAll(async () => {
  await t?.close()
  await wechat?.close()
})

describe('WeChat login', () => {
  it('exchanges a code for a session token and creates the user once', async () => {
    const first = await t.call('POST', '/api/auth/wechat', { body: { code: 'ok-alice' } })
    expect(first.status).toBe(200)
    const a = await first.json()
    expect(a.token).toMatch(/^ey/)
    expect(a.user.nickname).toMatch(/^邻居/)
    const second = await (await t.call('POST', '/api/auth/wechat', { body: { code: 'ok-alice' } })).json()
    expect(second.user.id).toBe(a.user.id)
    const call = wechat.calls.at(-1)!
    expect(call.path).toBe('/sns/jscode2session')
    expect(call.query).toMatchObject({ js_code: 'ok-alice', grant_type: 'authorization_code' })
  })

  it('never returns the WeChat session key', async () => {
    const res = await t.call('POST', '/api/auth/wechat', { body: { code: 'ok-bob' } })
    expect(await res.text()).not.toContain('SECRET-SESSION-KEY')
  })

  it('makes one user when the same person logs in twice at once', async () => {
    const replies = await Promise.all([1, 2, 3, 4, 5].map(() => t.call('POST', '/api/auth/wechat', { body: { code: 'ok-carol' } })))
    const ids = await Promise.all(replies.map(async (r) => (await r.json()).user.id))
    expect(new Set(ids).size).toBe(1)
  })

  it('answers 401 WECHAT_CODE_INVALID for a bad or used code', async () => {
    for (const code of ['nonsense', 'used-123']) {
      const res = await t.call('POST', '/api/auth/wechat', { body: { code } })
      expect(res.status).toBe(401)
      expect((await res.json()).error.code).toBe('WECHAT_CODE_INVALID')
    }
  })

  it('answers 503 WECHAT_UNAVAILABLE in Chinese while WeChat is down, and works again after', async () => {
    wechat.setDown(true)
    const res = await t.call('POST', '/api/auth/wechat', { body: { code: 'ok-dave' } })
    expect(res.status).toBe(503)
    const body = await res.json()
    expect(body.error.code).toBe('WECHAT_UNAVAILABLE')
    expect(body.error.message).toMatch(/微信服务暂时不可用/)
    wechat.setDown(false)
    expect((await t.call('POST', '/api/auth/wechat', { body: { code: 'ok-dave' } })).status).toBe(200)
  })

  it('answers 503 when WeChat cannot be reached at all', async () => {
    const offline = await startTestApp({ wechatBase: 'http://127.0.0.1:9' })
    try {
      const res = await offline.call('POST', '/api/auth/wechat', { body: { code: 'ok-erin' } })
      expect(res.status).toBe(503)
      expect((await res.json()).error.code).toBe('WECHAT_UNAVAILABLE')
    } finally {
      await offline.close()
    }
  })

  it('names the missing field when the code is absent', async () => {
    const res = await t.call('POST', '/api/auth/wechat', { body: {} })
    expect(res.status).toBe(400)
    const body = await res.json()
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.details.fields[0].path).toBe('code')
  })
})

describe('dev login', () => {
  it('lists the seeded demo people with their community and role', async () => {
    const res = await t.call('GET', '/api/auth/dev/users')
    expect(res.status).toBe(200)
    const { items } = await res.json()
    expect(items.map((u: { nickname: string }) => u.nickname)).toEqual(expect.arrayContaining(['王秀英', '刘网格', '陈书记']))
    expect(items.find((u: { nickname: string }) => u.nickname === '刘网格')).toMatchObject({ communityName: '文安路社区', role: 'worker' })
    expect(JSON.stringify(items)).not.toMatch(/1380411/)
  })

  it('refuses a user that is not a demo account', async () => {
    const signIn = await t.call('POST', '/api/auth/wechat', { body: { code: 'ok-frank' } })
    expect(signIn.status, await signIn.clone().text()).toBe(200)
    const w = await signIn.json()
    const res = await t.call('POST', '/api/auth/dev', { body: { userId: w.user.id } })
    expect(res.status).toBe(404)
  })

  it('does not exist when dev login is off', async () => {
    const prod = await startTestApp({ env: { DEV_LOGIN: 'off' } })
    try {
      expect((await prod.call('GET', '/api/auth/dev/users')).status).toBe(404)
      const res = await prod.call('POST', '/api/auth/dev', { body: { userId: demo.user.wang } })
      expect(res.status).toBe(404)
      expect((await res.json()).error.code).toBe('DEV_LOGIN_DISABLED')
    } finally {
      await prod.close()
    }
  })
})

describe('session tokens', () => {
  it('401 without a token, with a forged one, and TOKEN_EXPIRED with an expired one', async () => {
    expect((await t.call('GET', '/api/me')).status).toBe(401)
    const forged = await issueToken(demo.user.wang, 'x'.repeat(40), 30, new Date())
    const f = await t.call('GET', '/api/me', { token: forged.token })
    expect(f.status).toBe(401)
    expect((await f.json()).error.code).toBe('UNAUTHENTICATED')
    const old = await issueToken(demo.user.wang, testSecret, 1, new Date('2020-01-01'))
    const e = await t.call('GET', '/api/me', { token: old.token })
    expect(e.status).toBe(401)
    expect((await e.json()).error.code).toBe('TOKEN_EXPIRED')
  })

  it('refuses a token once it expires even after it was accepted (verified tokens are remembered)', async () => {
    const now = new Date()
    const { token } = await issueToken(demo.user.wang, testSecret, 1, now)
    expect(await verifyToken(token, testSecret, now)).toBe(demo.user.wang)
    expect(await verifyToken(token, testSecret, new Date(now.getTime() + 3600_000))).toBe(demo.user.wang)
    const late = verifyToken(token, testSecret, new Date(now.getTime() + 24 * 3600_000 + 1000))
    await expect(late).rejects.toMatchObject({ code: 'TOKEN_EXPIRED' })
    // Remembered under its own secret only: the same token is no good to an app with another one.
    await expect(verifyToken(token, 'y'.repeat(40), now)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  })
})
