import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { concerns, outbox, users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { actOk, detail, raise, raiseId, upload, uploadId, wenan, jpeg } from '../helpers/concerns.js'
import { startFakeWechat } from '../helpers/fake-wechat.js'

/**
 * Deadlines, auto-close, the outbox and content security, with a clock the test moves and a
 * fake WeChat server on loopback behind the real client.
 */
let t: TestApp
let wechat: Awaited<ReturnType<typeof startFakeWechat>>
let clock = new Date('2026-11-23T01:00:00Z').getTime() // Monday 09:00 in Beijing
const day = 86400_000
const cron = 'cron-secret-for-tests-0123'
const msgToken = 'wechat-push-token'

beforeAll(async () => {
  wechat = await startFakeWechat()
  t = await startTestApp({
    wechatBase: wechat.base,
    now: () => new Date(clock),
    env: { CONTENT_CHECK: 'wechat', CRON_SECRET: cron, WECHAT_MSG_TOKEN: msgToken },
  })
  // Demo people have no openid until they use WeChat; give them one, as a WeChat login would.
  for (const [key, openid] of [
    ['wang', 'o_wang'],
    ['liu', 'o_liu'],
    ['chen', 'o_chen'],
    ['zhao', 'o_refuser'],
  ] as const) {
    await t.database.db.update(users).set({ openid }).where(eq(users.id, demo.user[key]))
  }
})
afterAll(async () => {
  await t?.close()
  await wechat?.close()
})

async function tick() {
  const res = await t.call('GET', '/api/jobs/tick', { headers: { authorization: `Bearer ${cron}` } })
  expect(res.status).toBe(200)
  return res.json() as Promise<{ overdue: number; autoClosed: number; outbox: { sent: number; failed: number; abandoned: number } }>
}

describe('the scheduled job', () => {
  it('refuses a caller without the cron secret', async () => {
    expect((await t.call('GET', '/api/jobs/tick')).status).toBe(401)
    expect((await t.call('GET', '/api/jobs/tick', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
  })

  it('marks a concern overdue after its deadline, tells the staff once, and lists it under 逾期', async () => {
    const id = await raiseId(t, 'wang', { category: 'noise', description: '5号楼楼下商铺每天晚上放音乐到十一点' })
    await actOk(t, 'liu', id, { action: 'accept' })
    const accepted = await (await detail(t, 'liu', id)).json()
    expect(accepted.dueAt).toBe('2026-11-26T01:00:00.000Z') // three working days for 噪声扰民
    expect(accepted.overdue).toBe(false)

    clock += 4 * day
    const first = await tick()
    expect(first.overdue).toBe(1)
    expect((await tick()).overdue).toBe(0)
    const later = await (await detail(t, 'wang', id)).json()
    expect(later.overdue).toBe(true)
    const list = await (await t.call('GET', `/api/communities/${wenan}/inbox?overdue=1`, { token: await t.tokenFor('liu') })).json()
    expect(list.items.map((c: { id: string }) => c.id)).toContain(id)
    const notes = await (await t.call('GET', '/api/notifications', { token: await t.tokenFor('liu') })).json()
    expect(notes.items.some((n: { title: string }) => n.title.endsWith('办结已超时'))).toBe(true)
  })

  it('closes a resolved concern nobody rated within 7 days, as confirmed', async () => {
    const id = await raiseId(t, 'wang', { category: 'sanitation', description: '垃圾站周末没人清运，味道很大' })
    await actOk(t, 'liu', id, { action: 'accept' })
    await actOk(t, 'liu', id, { action: 'start' })
    await actOk(t, 'liu', id, { action: 'resolve', note: '已安排周末清运', photoIds: [await uploadId(t, 'liu')] })
    clock += 6 * day
    await tick()
    expect((await (await detail(t, 'wang', id)).json()).status).toBe('resolved')
    clock += 2 * day
    const result = await tick()
    expect(result.autoClosed).toBeGreaterThanOrEqual(1)
    const closed = await (await detail(t, 'wang', id)).json()
    expect(closed.status).toBe('closed')
    expect(closed.timeline.at(-1)).toMatchObject({ action: 'auto_close', label: '超时未评价，自动结案' })
  })
})

describe('the outbox', () => {
  it('keeps messages while WeChat is down and delivers them after it recovers', async () => {
    await tick() // drain whatever earlier tests queued
    const id = await raiseId(t, 'wang', { description: '东门的门禁坏了，外来人员随意进出' })
    await actOk(t, 'liu', id, { action: 'accept' })
    const pending = async () =>
      (await t.database.db.select().from(outbox)).filter(
        (r) => !r.sentAt && !r.abandonedAt && (r.payload as { concernId?: string }).concernId === id,
      )

    wechat.setDown(true)
    const down = await tick()
    expect(down.outbox.failed).toBeGreaterThanOrEqual(1)
    const waiting = await pending()
    expect(waiting.length).toBeGreaterThanOrEqual(1)
    expect(waiting[0].lastError).toBeTruthy()
    expect(waiting[0].attempts).toBe(1)

    wechat.setDown(false)
    // Backoff: nothing is retried before its time…
    expect((await tick()).outbox.sent).toBe(0)
    clock += 60_000
    const up = await tick()
    expect(up.outbox.sent).toBeGreaterThanOrEqual(1)
    expect(await pending()).toEqual([])
    const sent = wechat.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send' && c.body?.touser === 'o_wang')
    expect(sent.at(-1)?.body).toMatchObject({ touser: 'o_wang', page: `pages/concern-detail/index?id=${id}` })
  })

  it('gives up on a recipient who never subscribed, and on one without WeChat', async () => {
    const id = await raiseId(t, 'zhao', { description: '5号楼单元门的闭门器坏了，门一直开着' })
    await actOk(t, 'liu', id, { action: 'accept' })
    const result = await tick()
    expect(result.outbox.abandoned).toBeGreaterThanOrEqual(1)
    const rows = (await t.database.db.select().from(outbox)).filter((r) => r.userId === demo.user.zhao)
    expect(rows.every((r) => r.abandonedAt && !r.sentAt)).toBe(true)
  })
})

describe('content security (WeChat msg_sec_check / media_check_async)', () => {
  it('refuses text WeChat does not pass, in Chinese, and saves nothing', async () => {
    const before = (await t.database.db.select({ id: concerns.id }).from(concerns)).length
    for (const description of ['这是一段违禁内容的测试文字', '这是一段待定内容的测试文字']) {
      const res = await raise(t, 'wang', { description })
      expect(res.status).toBe(422)
      expect((await res.json()).error).toMatchObject({ code: 'CONTENT_REFUSED', message: '内容可能含有不当信息，请修改后再提交' })
    }
    expect((await t.database.db.select({ id: concerns.id }).from(concerns)).length).toBe(before)
    const checked = wechat.calls.filter((c) => c.path === '/wxa/msg_sec_check').at(-1)
    expect(checked?.body).toMatchObject({ version: 2, openid: 'o_wang' })
  })

  it('hides an image from others until WeChat’s verdict passes it; a flagged one stays hidden', async () => {
    const ok = await (await upload(t, 'wang', await jpeg({ color: '#123456' }))).json()
    const bad = await (await upload(t, 'wang', await jpeg({ color: '#654321' }))).json()
    expect(ok.hidden).toBe(true)
    const id = await raiseId(t, 'wang', { description: '小区花坛里的树倒了，压坏了栏杆', photoIds: [ok.id, bad.id] })
    expect(wechat.calls.filter((c) => c.path === '/wxa/media_check_async' && c.body?.openid === 'o_wang').length).toBeGreaterThanOrEqual(2)

    const seen = async () => (await (await detail(t, 'li', id)).json()).photos as { url: string; hidden: boolean }[]
    expect((await seen()).every((p) => p.hidden && p.url === '')).toBe(true)
    // The author still sees her own photos.
    expect(((await (await detail(t, 'wang', id)).json()).photos as { url: string }[]).every((p) => p.url)).toBe(true)

    const push = async (trace: string, suggest: string, signed = true) => {
      const timestamp = '1763800000'
      const nonce = 'n0nce'
      const signature = signed ? createHash('sha1').update([msgToken, timestamp, nonce].sort().join('')).digest('hex') : 'forged'
      return t.call('POST', `/api/wechat/events?signature=${signature}&timestamp=${timestamp}&nonce=${nonce}`, {
        body: { ToUserName: 'gh_x', MsgType: 'event', Event: 'wxa_media_check', trace_id: trace, version: 2, result: { suggest } },
      })
    }
    expect((await push('trace-1', 'pass', false)).status).toBe(401)
    // The fake numbers trace ids in the order it was asked; find each photo's by its URL.
    const checks = wechat.calls.filter((c) => c.path === '/wxa/media_check_async')
    const traceOf = (url: string) => `trace-${checks.findIndex((c) => c.body?.media_url === url) + 1}`
    expect(await (await push(traceOf(ok.url), 'pass')).text()).toBe('success')
    expect(await (await push(traceOf(bad.url), 'risky')).text()).toBe('success')
    const after = await seen()
    expect(after[0]).toMatchObject({ hidden: false })
    expect(after[0].url).not.toBe('')
    expect(after[1]).toMatchObject({ hidden: true, url: '' })

    // Staff see the flagged one and decide; a resident may not.
    const review = (who: 'li' | 'liu', verdict: string) =>
      t.tokenFor(who).then((token) => t.call('POST', `/api/photos/${bad.id}/review`, { token, body: { verdict } }))
    expect((await review('li', 'pass')).status).toBe(403)
    const staffView = (await (await detail(t, 'liu', id)).json()).photos as { url: string; hidden: boolean }[]
    expect(staffView[1].url).not.toBe('')
    expect((await review('liu', 'pass')).status).toBe(200)
    expect((await seen())[1]).toMatchObject({ hidden: false })
  })
})

describe('similar concerns', () => {
  it('suggests open concerns of the same kind nearby, best first', async () => {
    const lamp = await raiseId(t, 'wang', { category: 'facilities', description: '3号楼东侧的路灯坏了，晚上很黑' })
    await raiseId(t, 'wang', { category: 'facilities', description: '健身器材的螺丝松动了' })
    const q = new URLSearchParams({
      communityId: wenan,
      category: 'facilities',
      description: '3号楼旁边路灯不亮，晚上太黑了',
      buildingId: demo.building('wenan', 3),
    })
    const res = await t.call('GET', `/api/concerns/similar?${q}`, { token: await t.tokenFor('li') })
    expect(res.status).toBe(200)
    const { items } = await res.json()
    expect(items[0].id).toBe(lamp)
    expect(items.length).toBeLessThanOrEqual(5)
    expect(items.map((i: { excerpt: string }) => i.excerpt)).not.toContain('健身器材的螺丝松动了')
  })
})
