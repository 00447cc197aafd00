import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq, like } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { concerns, outbox, photos, users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { actOk, jpeg, raise, raiseId, upload } from '../helpers/concerns.js'
import { startFakeWechat } from '../helpers/fake-wechat.js'

/**
 * Faults outside the app: WeChat down or slow (the fake on loopback), photo storage failing.
 * Each fails closed with a clear Chinese message and leaves nothing half-written; the outbox
 * waits with backoff and delivers after WeChat recovers.
 */
let t: TestApp
let broken: TestApp
let wechat: Awaited<ReturnType<typeof startFakeWechat>>
let clock = Date.now()
const cron = 'cron-secret-for-tests-0123'

beforeAll(async () => {
  wechat = await startFakeWechat()
  // An upload folder that can never be created: a path under a plain file.
  const dir = mkdtempSync(join(tmpdir(), 'linli-broken-'))
  writeFileSync(join(dir, 'not-a-folder'), '')
  ;[t, broken] = await Promise.all([
    startTestApp({
      wechatBase: wechat.base,
      now: () => new Date(clock),
      env: { CONTENT_CHECK: 'wechat', CRON_SECRET: cron, WECHAT_TIMEOUT_MS: '1000' },
    }),
    startTestApp({ env: { UPLOAD_DIR: join(dir, 'not-a-folder', 'uploads') } }),
  ])
  await t.database.db.update(users).set({ openid: 'o_wang' }).where(eq(users.id, demo.user.wang))
}, 180_000)
afterAll(async () => {
  await t?.close()
  await broken?.close()
  await wechat?.close()
})

const concernsLike = async (app: TestApp, text: string) =>
  (
    await app.database.db
      .select({ id: concerns.id })
      .from(concerns)
      .where(like(concerns.description, `%${text}%`))
  ).length

describe('WeChat content security unavailable', () => {
  for (const [fault, set, reset] of [
    ['down (503)', () => wechat.setDown(true), () => wechat.setDown(false)],
    ['slower than the timeout', () => wechat.setDelay(3000), () => wechat.setDelay(0)],
  ] as const) {
    it(`refuses to publish unchecked words while WeChat is ${fault}: 503 in Chinese, nothing saved`, async () => {
      set()
      try {
        const res = await raise(t, 'wang', { description: `西门岗亭的顶棚漏雨了（${fault}）` })
        expect(res.status).toBe(503)
        expect((await res.json()).error).toMatchObject({
          code: 'WECHAT_UNAVAILABLE',
          message: '暂时无法完成内容安全检查，这次提交没有保存，请稍后再试',
        })
        expect(await concernsLike(t, fault)).toBe(0)
      } finally {
        reset()
      }
      // The same words go through once WeChat answers again.
      expect((await raise(t, 'wang', { description: `西门岗亭的顶棚漏雨了（${fault}）` })).status).toBe(201)
    })
  }

  it('refuses a photo whose image check cannot be submitted, and keeps no row for it', async () => {
    const before = (await t.database.db.select({ id: photos.id }).from(photos)).length
    wechat.setDown(true)
    try {
      const res = await upload(t, 'wang', await jpeg({ color: '#2e86c1' }))
      expect(res.status).toBe(503)
      expect((await res.json()).error.code).toBe('WECHAT_UNAVAILABLE')
    } finally {
      wechat.setDown(false)
    }
    expect((await t.database.db.select({ id: photos.id }).from(photos)).length).toBe(before)
  })
})

describe('the outbox while WeChat is slow', () => {
  it('retries with growing waits and delivers once WeChat answers in time', async () => {
    const tick = async () =>
      (await (await t.call('GET', '/api/jobs/tick', { headers: { authorization: `Bearer ${cron}` } })).json()) as {
        outbox: { sent: number; failed: number }
      }
    await tick() // drain what earlier tests queued
    const id = await raiseId(t, 'wang', { description: '东门的门禁坏了，外来车辆随意进出' })
    await actOk(t, 'liu', id, { action: 'accept' })
    const row = async () =>
      (await t.database.db.select().from(outbox)).find(
        (r) => r.userId === demo.user.wang && (r.payload as { concernId?: string }).concernId === id,
      )

    wechat.setDelay(3000)
    clock = Date.now() + 1000 // the row is due from when the database wrote it
    expect((await tick()).outbox.failed).toBeGreaterThanOrEqual(1)
    const first = await row()
    expect(first).toMatchObject({ attempts: 1, sentAt: null })
    expect(first?.lastError).toBeTruthy()
    expect(first!.nextAttemptAt.getTime() - clock).toBe(30_000)

    clock += 30_000
    expect((await tick()).outbox.failed).toBeGreaterThanOrEqual(1)
    const second = await row()
    expect(second?.attempts).toBe(2)
    expect(second!.nextAttemptAt.getTime() - clock).toBe(60_000)

    wechat.setDelay(0)
    expect((await tick()).outbox.sent).toBe(0) // not due yet: the wait holds even after recovery
    clock += 60_000
    expect((await tick()).outbox.sent).toBeGreaterThanOrEqual(1)
    expect((await row())?.sentAt).toBeTruthy()
  })
})

describe('photo storage failing', () => {
  it('answers 503 STORAGE_UNAVAILABLE in Chinese and writes no photo row', async () => {
    const res = await upload(broken, 'wang', await jpeg())
    expect(res.status).toBe(503)
    expect((await res.json()).error).toMatchObject({ code: 'STORAGE_UNAVAILABLE', message: '照片暂时无法保存，请稍后重试' })
    expect(await broken.database.db.select({ id: photos.id }).from(photos)).toEqual([])
  })
})
