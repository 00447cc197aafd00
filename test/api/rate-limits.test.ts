import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rateLimitCounters } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { raise } from '../helpers/concerns.js'

/**
 * Rate limits on writes, with the limits scaled down so a test reaches them: raise allows 30 per
 * person and 300 per address an hour by default; here 3 and 5. The clock is the test's.
 */
let t: TestApp
let clock = new Date('2026-11-23T02:10:00Z').getTime()
const hour = 3600_000

beforeAll(async () => {
  t = await startTestApp({
    now: () => new Date(clock),
    env: { RATE_LIMIT_USER_SCALE: '0.1', RATE_LIMIT_ADDRESS_SCALE: String(5 / 300), CRON_SECRET: 'cron-secret-for-tests-0123' },
  })
})
afterAll(async () => {
  await t?.close()
})

describe('rate limits', () => {
  it('lets a person raise a few concerns, then answers 429 in Chinese with Retry-After until the hour is over', async () => {
    for (let i = 0; i < 3; i++) expect((await raise(t, 'wang', { description: `路灯坏了第${i + 1}处，晚上很黑` })).status).toBe(201)
    const refused = await raise(t, 'wang', { description: '又一处路灯坏了，晚上很黑' })
    expect(refused.status).toBe(429)
    // 02:10 → the window ends at 03:00: 50 minutes.
    expect(refused.headers.get('retry-after')).toBe('3000')
    const { error } = await refused.json()
    expect(error).toMatchObject({
      code: 'RATE_LIMITED',
      message: '操作太频繁了，请 50 分钟后再试',
      details: { scope: 'user', action: 'raise' },
    })

    // Another person from the same address still may: the limit is per person first.
    expect((await raise(t, 'zhao', { description: '5号楼门口的井盖松了，踩上去会响' })).status).toBe(201)

    clock += hour
    expect((await raise(t, 'wang', { description: '新的一小时，再反映一处坏了的路灯' })).status).toBe(201)
  })

  it('limits one address across people, and counts each write on its own', async () => {
    clock += hour
    // Five raises per address an hour: wang 3 and zhao 2 fill it, zhao's third is refused by address.
    for (let i = 0; i < 3; i++) expect((await raise(t, 'wang', { description: `楼道灯坏了第${i + 1}处，晚上很黑` })).status).toBe(201)
    const zhaos: string[] = []
    for (let i = 0; i < 2; i++) {
      const res = await raise(t, 'zhao', { description: `健身器材松动第${i + 1}处，有危险` })
      expect(res.status).toBe(201)
      zhaos.push((await res.json()).id)
    }
    const refused = await raise(t, 'zhao', { description: '健身器材又松动了一处，有危险' })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.details.scope).toBe('address')
    // Co-signing is its own count: not touched by the raise limit.
    expect((await t.call('POST', `/api/concerns/${zhaos[0]}/cosign`, { token: await t.tokenFor('wang') })).status).toBe(200)
  })

  it('takes the address from Vercel’s header only when configured to trust it', { timeout: 120_000 }, async () => {
    const [behindVercel, bare] = await Promise.all([
      startTestApp({ now: () => new Date(clock), env: { CLIENT_ADDRESS: 'vercel', RATE_LIMIT_ADDRESS_SCALE: String(2 / 600) } }),
      startTestApp({ now: () => new Date(clock), env: { RATE_LIMIT_ADDRESS_SCALE: String(2 / 600) } }),
    ])
    try {
      const login = (app: TestApp, ip: string) =>
        app.call('POST', '/api/auth/dev', {
          body: { userId: demo.user.li },
          headers: { 'x-vercel-forwarded-for': ip, 'x-forwarded-for': ip },
        })
      expect((await login(behindVercel, '203.0.113.7')).status).toBe(200)
      expect((await login(behindVercel, '203.0.113.7')).status).toBe(200)
      expect((await login(behindVercel, '203.0.113.7')).status).toBe(429)
      expect((await login(behindVercel, '198.51.100.4')).status).toBe(200)
      // Not behind Vercel, the headers are the client's own words: changing them changes nothing.
      expect((await login(bare, '203.0.113.7')).status).toBe(200)
      expect((await login(bare, '203.0.113.8')).status).toBe(200)
      expect((await login(bare, '203.0.113.9')).status).toBe(429)
    } finally {
      await behindVercel.close()
      await bare.close()
    }
  })

  it('drops the counters of ended windows on the scheduled run', async () => {
    const before = await t.database.db.select().from(rateLimitCounters)
    expect(before.length).toBeGreaterThan(0)
    clock += 2 * hour
    const tick = await t.call('GET', '/api/jobs/tick', { headers: { authorization: 'Bearer cron-secret-for-tests-0123' } })
    expect((await tick.json()).rateLimitsPruned).toBe(before.length)
    expect(await t.database.db.select().from(rateLimitCounters)).toEqual([])
  })
})
