import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { concerns } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { operations } from '../../functions/app.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { concernBody, wenan } from '../helpers/concerns.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

const json = async (res: Response) =>
  (await res.json()) as { error: { code: string; message: string; details: { fields: { path: string }[] } } }

describe('free text', () => {
  it('refuses NUL in the nickname with a 400 naming the field, and keeps the old nickname', async () => {
    const token = await t.tokenFor('li')
    const before = await (await t.call('GET', '/api/me', { token })).json()
    const res = await t.call('PATCH', '/api/me', { token, body: { nickname: '\u0000' } })
    expect(res.status).toBe(400)
    const body = await json(res)
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.message).toBe('昵称含有不可见的控制字符，请删除后重试')
    expect(body.error.details.fields.map((f) => f.path)).toEqual(['nickname'])
    expect((await (await t.call('GET', '/api/me', { token })).json()).user.nickname).toBe(before.user.nickname)
  })

  it('refuses NUL in a concern’s description and place, naming each field, and writes nothing', async () => {
    const token = await t.tokenFor('wang')
    const before = await t.database.db.$count(concerns)
    const res = await t.call('POST', '/api/concerns', {
      token,
      body: concernBody({ description: '路灯坏了\u0000一个星期，晚上很黑', place: { kind: 'text', text: '东门\u0000岗亭' } }),
    })
    expect(res.status).toBe(400)
    const body = await json(res)
    expect(body.error.details.fields.map((f) => f.path).sort()).toEqual(['description', 'place.text'])
    expect(body.error.message).toContain('含有不可见的控制字符')
    expect(await t.database.db.$count(concerns)).toBe(before)
  })

  it('refuses NUL in a topic title naming the field; keeps line breaks in a multi-line text and counts an emoji as one character', async () => {
    const token = await t.tokenFor('wang')
    const sessions = await (await t.call('GET', `/api/communities/${wenan}/sessions`, { token })).json()
    const sessionId = sessions.items[0]?.id ?? demo.community.wenan
    const res = await t.call('POST', `/api/sessions/${sessionId}/topics`, {
      token,
      body: { title: '加装\u0000电梯', reason: '楼里老人多，上下楼困难，想商量一下' },
    })
    expect(res.status).toBe(400)
    expect((await json(res)).error.details.fields.map((f) => f.path)).toEqual(['title'])

    const raised = await t.call('POST', '/api/concerns', { token, body: concernBody({ description: '  路灯坏了\r\n晚上很黑🌙  ' }) })
    expect(raised.status).toBe(201)
    expect((await raised.json()).description).toBe('路灯坏了\n晚上很黑🌙')
    const short = await t.call('POST', '/api/concerns', { token, body: concernBody({ description: '👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧' }) })
    expect((await json(short)).error.message).toBe('请至少写 5 个字，说清楚是什么问题')
  })
})

describe('the HTTP layer', () => {
  it('answers a malformed id in the path with a 400 naming the parameter, on every operation that takes one', async () => {
    const token = await t.tokenFor('chen')
    for (const o of operations.filter((o) => /:\w+Id\b/.test(o.path) && o.auth)) {
      const name = o.path.match(/:(\w+Id)\b/)?.[1] ?? ''
      const path = o.path.replace(/:(\w+)/g, (_, p: string) => (p === name ? 'not-a-uuid' : demo.community.wenan))
      const res = await t.call(o.method.toUpperCase(), path, { token, body: o.example ?? (o.body ? {} : undefined) })
      expect(res.status, `${o.method} ${o.path}`).toBe(400)
      expect((await json(res)).error, `${o.method} ${o.path}`).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: `链接中的「${name}」格式不对`,
        details: { fields: [{ path: name }] },
      })
    }
    const res = await t.call('GET', '/api/concerns/not-a-uuid', { token })
    expect(res.status).toBe(400)
    expect((await json(res)).error.details.fields).toEqual([{ path: 'concernId', message: '链接中的「concernId」格式不对' }])
  })

  it('answers an unsupported method on a known path with 405 and Allow, an unknown path with 404, signed in or not', async () => {
    for (const token of [undefined, await t.tokenFor('wang')]) {
      const res = await t.call('DELETE', '/api/concerns', { token })
      expect(res.status).toBe(405)
      expect(res.headers.get('allow')).toBe('POST')
      expect((await json(res)).error.code).toBe('METHOD_NOT_ALLOWED')
      const me = await t.call('PUT', '/api/me', { token })
      expect(me.status).toBe(405)
      expect(me.headers.get('allow')).toBe('GET, HEAD, PATCH, DELETE')
      const unknown = await t.call('GET', '/api/concerns/x/nothing-here', { token })
      expect(unknown.status).toBe(404)
      expect((await json(unknown)).error.code).toBe('ROUTE_NOT_FOUND')
    }
  })

  it('sends security headers on every reply, errors included: nothing may run, load or frame an API reply', async () => {
    for (const res of [await t.call('GET', '/api/health'), await t.call('GET', '/api/me'), await t.call('GET', '/api/nope')]) {
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('strict-transport-security')).toContain('max-age=')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    }
  })
})

describe('the H5 app’s page', () => {
  it('gets the same compatible policy from npm start and from Vercel', async () => {
    const { h5Policy } = await import('../../functions/http/security.js')
    const vercel = JSON.parse(readFileSync('vercel.json', 'utf8')) as {
      headers: { source: string; headers: { key: string; value: string }[] }[]
    }
    const page = vercel.headers.find((h) => h.source.includes('(?!api/)'))
    expect(page?.headers.find((h) => h.key === 'Content-Security-Policy')?.value).toBe(h5Policy)
    expect(h5Policy).toBe("frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'")
  })
})
