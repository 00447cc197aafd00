import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo, seedId } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { makeResidents } from '../helpers/concerns.js'

/**
 * 志愿活动: staff publish, residents sign up and withdraw (places exact under concurrency), staff sign
 * off after the end and the points arrive once; names only in the staff roster; refusals in Chinese.
 */
let t: TestApp
let clock = new Date('2026-12-01T01:00:00Z').getTime()
const hour = 3600_000
const wenan = demo.community.wenan
const list = `/api/communities/${wenan}/volunteering/activities`
const json = async (res: Response) => (await res.json()) as Record<string, any>

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock) })
})
afterAll(async () => {
  await t?.close()
})

function activityBody(over: Record<string, unknown> = {}) {
  const starts = new Date(clock + 24 * hour)
  return {
    title: '楼道清理志愿服务',
    description: '清理楼道杂物',
    place: '3号楼楼下',
    organiser: '社区志愿服务队',
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 2 * hour).toISOString(),
    capacity: 5,
    hours: 2,
    ...over,
  }
}

async function create(over: Record<string, unknown> = {}, who: 'liu' | 'chen' = 'liu') {
  const res = await t.call('POST', list, { token: await t.tokenFor(who), body: activityBody(over) })
  expect(res.status).toBe(201)
  return json(res)
}

const one = (id: string) => `/api/volunteering/activities/${id}`
const balance = async (token: string) => (await json(await t.call('GET', `/api/communities/${wenan}/points`, { token }))).balance as number

describe('volunteer activities', () => {
  it('shows the seeded upcoming and past activities with counts, not names', async () => {
    const wang = await t.tokenFor('wang')
    const upcoming = await json(await t.call('GET', list, { token: wang }))
    expect(upcoming.items.map((a: { title: string }) => a.title)).toContain('楼道小广告清理')
    const mine = await json(await t.call('GET', `${list}?scope=mine`, { token: wang }))
    expect(mine.items[0]).toMatchObject({
      title: '国庆小区环境整治',
      phase: 'signed_off',
      mine: { status: 'attended', hours: 1, points: 10 },
    })
    const seeded = seedId('volunteer-activity', 'leaflets')
    const res = await t.call('GET', one(seeded), { token: wang })
    const text = await res.text()
    expect(JSON.parse(text)).toMatchObject({ signedUpCount: 1, placesLeft: 9, roster: null, pointsPerHour: 10, mine: null })
    expect(text).not.toContain('赵晓梅')
    const staff = await json(await t.call('GET', one(seeded), { token: await t.tokenFor('liu') }))
    expect(staff.roster).toEqual([expect.objectContaining({ name: '赵晓梅', status: 'signed_up' })])
    expect((await t.call('GET', `${list}?scope=everything`, { token: wang })).status).toBe(400)
    expect((await t.call('GET', list, { token: await t.tokenFor('zhou') })).status).toBe(403)
    expect((await t.call('GET', one(seeded), { token: await t.tokenFor('zhou') })).status).toBe(404)
  })

  it('lets a resident sign up and withdraw before the start, once each', async () => {
    const a = await create()
    const wang = await t.tokenFor('wang')
    for (let i = 0; i < 2; i++) {
      const res = await t.call('POST', `${one(a.id)}/signup`, { token: wang })
      expect(res.status).toBe(200)
      expect(await json(res)).toMatchObject({ signedUpCount: 1, placesLeft: 4, mine: { status: 'signed_up' } })
    }
    const off = await t.call('DELETE', `${one(a.id)}/signup`, { token: wang })
    expect(await json(off)).toMatchObject({ signedUpCount: 0, placesLeft: 5, mine: null })
    expect(await json(await t.call('POST', `${one(a.id)}/signup`, { token: wang }))).toMatchObject({ signedUpCount: 1 })
    // Staff do not sign up as residents; staff endpoints refuse residents.
    expect((await t.call('POST', `${one(a.id)}/signup`, { token: await t.tokenFor('liu') })).status).toBe(403)
    expect((await t.call('PATCH', one(a.id), { token: wang, body: { capacity: 9 } })).status).toBe(403)
    expect((await t.call('POST', list, { token: wang, body: activityBody() })).status).toBe(403)
    expect((await t.call('POST', `${one(a.id)}/cancel`, { token: wang, body: { reason: '不想办了' } })).status).toBe(403)
    expect((await t.call('POST', `${one(a.id)}/sign-off`, { token: wang, body: { entries: [] } })).status).toBe(403)
  })

  it('gives exactly the places there are when many sign up at once', async () => {
    const a = await create({ capacity: 3 })
    const tokens = await makeResidents(t, 12)
    const replies = await Promise.all(tokens.map((token) => t.call('POST', `${one(a.id)}/signup`, { token })))
    const statuses = replies.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(9)
    const refused = await json(replies.find((r) => r.status === 409)!)
    expect(refused.error.code).toBe('ACTIVITY_FULL')
    expect(refused.error.message).toMatch(/名额已满/)
    const rows = await t.database.db.execute(
      sql`select count(*)::int as n from volunteer_signups where activity_id = ${a.id} and status = 'signed_up'`,
    )
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(3)
    expect(await json(await t.call('GET', one(a.id), { token: tokens[0] }))).toMatchObject({ signedUpCount: 3, placesLeft: 0 })
  })

  it('gives a place back when the person who took it deletes the account', async () => {
    const a = await create({ capacity: 2 })
    const [stays, leaves] = await makeResidents(t, 2)
    for (const token of [stays, leaves]) expect((await t.call('POST', `${one(a.id)}/signup`, { token })).status).toBe(200)
    expect(await json(await t.call('GET', one(a.id), { token: stays }))).toMatchObject({ signedUpCount: 2, placesLeft: 0 })
    expect((await t.call('DELETE', '/api/me', { token: leaves, body: { confirm: '注销' } })).status).toBe(200)
    expect(await json(await t.call('GET', one(a.id), { token: stays }))).toMatchObject({ signedUpCount: 1, placesLeft: 1 })
    const [newcomer] = await makeResidents(t, 1)
    expect((await t.call('POST', `${one(a.id)}/signup`, { token: newcomer })).status).toBe(200)
  })

  it('refuses bad input and the wrong moment with the field or a 409 in Chinese', async () => {
    const liu = await t.tokenFor('liu')
    const bad = await json(await t.call('POST', list, { token: liu, body: activityBody({ capacity: 0 }) }))
    expect(bad.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'capacity' }] } })
    const hours = await json(await t.call('POST', list, { token: liu, body: activityBody({ hours: 0.3 }) }))
    expect(hours.error.details.fields[0]).toMatchObject({ path: 'hours', message: expect.stringContaining('半小时') })
    const order = activityBody()
    const backwards = await json(await t.call('POST', list, { token: liu, body: { ...order, endsAt: order.startsAt } }))
    expect(backwards.error.details.fields[0].path).toBe('endsAt')
    const past = await json(
      await t.call('POST', list, {
        token: liu,
        body: activityBody({ startsAt: new Date(clock - hour).toISOString(), endsAt: new Date(clock + hour).toISOString() }),
      }),
    )
    expect(past.error.details.fields[0].path).toBe('startsAt')

    const a = await create({ capacity: 3 })
    const [r1, r2] = await makeResidents(t, 2)
    for (const token of [r1, r2]) await t.call('POST', `${one(a.id)}/signup`, { token })
    const shrink = await json(await t.call('PATCH', one(a.id), { token: liu, body: { capacity: 1 } }))
    expect(shrink.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'capacity' }] } })
    expect(shrink.error.message).toContain('2')
    expect(await json(await t.call('PATCH', one(a.id), { token: liu, body: { capacity: 2, place: '社区服务站' } }))).toMatchObject({
      capacity: 2,
      place: '社区服务站',
      placesLeft: 0,
    })
    const full = await t.call('POST', `${one(a.id)}/signup`, { token: await t.tokenFor('wang') })
    expect(full.status).toBe(409)

    const saved = clock
    clock = Date.parse(a.startsAt) + 60_000
    const late = await json(await t.call('POST', `${one(a.id)}/signup`, { token: await t.tokenFor('zhao') }))
    expect(late.error).toMatchObject({ code: 'ACTIVITY_STARTED', message: expect.stringContaining('开始') })
    expect((await json(await t.call('DELETE', `${one(a.id)}/signup`, { token: r1 }))).error.code).toBe('ACTIVITY_STARTED')
    const early = await json(await t.call('POST', `${one(a.id)}/sign-off`, { token: liu, body: { entries: [] } }))
    expect(early.error).toMatchObject({ code: 'ACTIVITY_NOT_ENDED' })
    expect((await t.call('PATCH', one(a.id), { token: liu, body: { capacity: 5 } })).status).toBe(409)
    clock = saved
  })

  it('signs off once after the end: attended get hours × the rule, absent get nothing', async () => {
    const liu = await t.tokenFor('liu')
    const wang = await t.tokenFor('wang')
    const zhao = await t.tokenFor('zhao')
    const a = await create({ hours: 1.5 })
    await t.call('POST', `${one(a.id)}/signup`, { token: wang })
    await t.call('POST', `${one(a.id)}/signup`, { token: zhao })
    const wangBefore = await balance(wang)
    const zhaoBefore = await balance(zhao)
    const saved = clock
    clock = Date.parse(a.endsAt) + 60_000
    const roster = (await json(await t.call('GET', one(a.id), { token: liu }))).roster as { signupId: string; name: string }[]
    const wangRow = roster.find((r) => r.name === '王秀英')!
    const zhaoRow = roster.find((r) => r.name === '赵晓梅')!
    const partial = await json(
      await t.call('POST', `${one(a.id)}/sign-off`, { token: liu, body: { entries: [{ signupId: wangRow.signupId, attended: true }] } }),
    )
    expect(partial.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'entries' }] } })
    const body = {
      entries: [
        { signupId: wangRow.signupId, attended: true, hours: 3 },
        { signupId: zhaoRow.signupId, attended: false },
      ],
    }
    const done = await t.call('POST', `${one(a.id)}/sign-off`, { token: liu, body })
    expect(done.status).toBe(200)
    expect(await json(done)).toMatchObject({ phase: 'signed_off', phaseLabel: '已签退' })
    const again = await json(await t.call('POST', `${one(a.id)}/sign-off`, { token: liu, body }))
    expect(again.error).toMatchObject({ code: 'ACTIVITY_SIGNED_OFF' })
    expect(await balance(wang)).toBe(wangBefore + 30)
    expect(await balance(zhao)).toBe(zhaoBefore)
    const mine = await json(await t.call('GET', one(a.id), { token: wang }))
    expect(mine.mine).toMatchObject({ status: 'attended', hours: 3, points: 30 })
    expect((await json(await t.call('GET', one(a.id), { token: zhao }))).mine).toMatchObject({ status: 'absent', points: null })
    const notes = await json(await t.call('GET', '/api/notifications', { token: wang }))
    expect(JSON.stringify(notes)).toContain('30 积分已记入道德银行')
    const audit = await json(await t.call('GET', `/api/communities/${wenan}/audit`, { token: await t.tokenFor('chen') }))
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['volunteer_activity.create', 'volunteer_activity.edit', 'volunteer_activity.sign_off']),
    )
    clock = saved
  })

  it('cancels before the start and tells who signed up', async () => {
    const liu = await t.tokenFor('liu')
    const zhao = await t.tokenFor('zhao')
    const a = await create({ title: '冬季扫雪志愿服务' })
    await t.call('POST', `${one(a.id)}/signup`, { token: zhao })
    const bad = await t.call('POST', `${one(a.id)}/cancel`, { token: liu, body: {} })
    expect(bad.status).toBe(400)
    const res = await t.call('POST', `${one(a.id)}/cancel`, { token: liu, body: { reason: '大雪封路，改期' } })
    expect(await json(res)).toMatchObject({ phase: 'cancelled', cancelReason: '大雪封路，改期' })
    expect((await t.call('POST', `${one(a.id)}/cancel`, { token: liu, body: { reason: '再取消一次' } })).status).toBe(409)
    expect((await json(await t.call('POST', `${one(a.id)}/signup`, { token: await t.tokenFor('wang') }))).error.code).toBe(
      'ACTIVITY_CANCELLED',
    )
    expect(JSON.stringify(await json(await t.call('GET', '/api/notifications', { token: zhao })))).toContain('冬季扫雪志愿服务')
    const upcoming = await json(await t.call('GET', list, { token: zhao }))
    expect(upcoming.items.some((x: { id: string }) => x.id === a.id)).toBe(false)
  })
})
