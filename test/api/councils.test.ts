import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type DemoKey, type TestApp } from '../helpers/app.js'
import { createSession, makeVerifiedResidents, registerAs, sessionAction, sessionBody, sessionDetail } from '../helpers/councils.js'

/** Sessions, registration with a waiting list, check-in, cancellation, and who may do what. */
let t: TestApp
let clock = new Date('2026-12-01T01:00:00Z').getTime() // Tuesday 09:00 in Beijing
const hour = 3600_000
const day = 24 * hour
const wenan = demo.community.wenan
const minzhu = demo.community.minzhu

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock), env: { SESSION_TTL_DAYS: '90' } })
})
afterAll(() => t?.close())

/** A start `days` days from the test clock, at 19:00 Beijing time. */
function inDays(days: number): Date {
  const d = new Date(clock + days * day)
  d.setUTCHours(11, 0, 0, 0)
  return d
}

async function json(res: Response) {
  return (await res.json()) as Record<string, any>
}

describe('scheduling a session', () => {
  it('lets a worker create a session that starts planned and opens it; residents see it in the 议事 list', async () => {
    const liu = await t.tokenFor('liu')
    const res = await t.call('POST', `/api/communities/${wenan}/sessions`, { token: liu, body: sessionBody(inDays(10)) })
    expect(res.status).toBe(201)
    const created = await json(res)
    expect(created).toMatchObject({
      status: 'planned',
      statusLabel: '筹备中',
      kindLabel: '每月一议',
      capacity: 50,
      openSlots: 4,
      bookingOpen: false,
    })
    expect(created.checkInCode).toMatch(/^\d{6}$/)
    expect(created.viewer.actions).toEqual(['open', 'edit', 'cancel'])

    const opened = await json(await sessionAction(t, 'liu', created.id, { action: 'open' }, 200))
    expect(opened).toMatchObject({ status: 'open', bookingOpen: true })

    const list = await json(await t.call('GET', `/api/communities/${wenan}/sessions?when=upcoming`, { token: await t.tokenFor('wang') }))
    const item = list.items.find((s: { id: string }) => s.id === created.id)
    expect(item).toMatchObject({
      title: '十二月每月一议',
      venue: '睦邻议事厅',
      registeredCount: 0,
      openSlots: 4,
      viewer: { registration: 'none' },
    })

    const seen = await json(await sessionDetail(t, 'wang', created.id))
    expect(seen.checkInCode).toBeNull()
    expect(seen.viewer).toMatchObject({ canRegister: true, canBookTopic: true, actions: [] })
  })

  it('names the field when the form is wrong, and never answers 500', async () => {
    const chen = await t.tokenFor('chen')
    const start = inDays(5)
    const cases: Array<[Record<string, unknown>, string]> = [
      [sessionBody(start, { endsAt: new Date(start.getTime() - hour).toISOString() }), 'endsAt'],
      [sessionBody(start, { bookingDeadline: new Date(start.getTime() + hour).toISOString() }), 'bookingDeadline'],
      [sessionBody(start, { capacity: 0 }), 'capacity'],
      [sessionBody(start, { venue: undefined }), 'venue'],
      [sessionBody(start, { kind: 'party' }), 'kind'],
      [sessionBody(start, { startsAt: '下周五' }), 'startsAt'],
      [sessionBody(new Date(clock - day)), 'startsAt'],
    ]
    for (const [body, field] of cases) {
      const res = await t.call('POST', `/api/communities/${wenan}/sessions`, { token: chen, body })
      expect(res.status, field).toBe(400)
      const err = (await json(res)).error
      expect(err.code).toBe('VALIDATION_FAILED')
      expect(err.details.fields.map((f: { path: string }) => f.path)).toContain(field)
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect((await t.call('GET', `/api/communities/${wenan}/sessions?when=soon`, { token: chen })).status).toBe(400)
    expect((await t.call('GET', `/api/communities/${wenan}/sessions?cursor=bm9wZQ`, { token: chen })).status).toBe(400)
    expect((await t.call('GET', '/api/sessions/not-a-uuid', { token: chen })).status).toBe(400)
  })

  it.each<[DemoKey, number]>([
    ['wang', 403],
    ['zhao', 403],
    ['li', 403],
    ['anju', 403],
    ['zhou', 403],
    ['wu', 403],
    ['liu', 201],
    ['chen', 201],
  ])('creating a session in 文安路社区 as %s answers %i', async (who, status) => {
    const res = await t.call('POST', `/api/communities/${wenan}/sessions`, { token: await t.tokenFor(who), body: sessionBody(inDays(20)) })
    expect(res.status).toBe(status)
  })

  it('edits a session, refusing fewer seats than are taken', async () => {
    const id = await createSession(t, inDays(6), { capacity: 3 })
    for (const who of ['wang', 'zhao'] as const) expect((await registerAs(t, await t.tokenFor(who), id)).status).toBe(200)
    const chen = await t.tokenFor('chen')
    const shrink = await t.call('PATCH', `/api/sessions/${id}`, { token: chen, body: sessionBody(inDays(6), { capacity: 1 }) })
    expect(shrink.status).toBe(409)
    expect((await json(shrink)).error.message).toBe('已有 2 人报名，可报名人数不能少于 2')
    const ok = await t.call('PATCH', `/api/sessions/${id}`, {
      token: chen,
      body: sessionBody(inDays(6), { capacity: 2, title: '改期后的每月一议' }),
    })
    expect(ok.status).toBe(200)
    expect(await json(ok)).toMatchObject({ title: '改期后的每月一议', capacity: 2, registeredCount: 2 })
    expect((await t.call('PATCH', `/api/sessions/${id}`, { token: await t.tokenFor('wang'), body: sessionBody(inDays(6)) })).status).toBe(
      403,
    )
  })
})

describe('registration and the waiting list', () => {
  it('seats the first, waitlists the rest in order, and promotes the earliest when a seat is cancelled', async () => {
    const id = await createSession(t, inDays(7), { capacity: 2 })
    const [a, b, c] = await makeVerifiedResidents(t, 3)
    const wang = await t.tokenFor('wang')
    const states = []
    for (const token of [wang, a, b, c]) {
      clock += 1000
      states.push(await json(await registerAs(t, token, id)))
    }
    expect(states.map((s) => s.registration)).toEqual(['registered', 'registered', 'waitlisted', 'waitlisted'])
    expect(states.map((s) => s.waitlistPosition)).toEqual([null, null, 1, 2])
    expect(states[3]).toMatchObject({ registeredCount: 2, waitlistCount: 2 })

    // Registering twice changes nothing.
    expect(await json(await registerAs(t, wang, id))).toMatchObject({ registration: 'registered', registeredCount: 2, waitlistCount: 2 })

    const cancelled = await json(await t.call('DELETE', `/api/sessions/${id}/registration`, { token: wang }))
    expect(cancelled).toMatchObject({ registration: 'none', registeredCount: 2, waitlistCount: 1 })
    expect(await json(await sessionDetail(t, b, id))).toMatchObject({ viewer: { registration: 'registered', waitlistPosition: null } })
    expect(await json(await sessionDetail(t, c, id))).toMatchObject({ viewer: { registration: 'waitlisted', waitlistPosition: 1 } })
    const notes = await json(await t.call('GET', '/api/notifications', { token: b }))
    expect(notes.items[0].title).toContain('候补成功')

    // Cancelling a place on the waiting list frees no seat; registering again goes to the back.
    expect(await json(await t.call('DELETE', `/api/sessions/${id}/registration`, { token: c }))).toMatchObject({
      registration: 'none',
      waitlistCount: 0,
    })
    clock += 1000
    expect(await json(await registerAs(t, wang, id))).toMatchObject({ registration: 'waitlisted', waitlistPosition: 1 })

    const staffList = await json(await t.call('GET', `/api/sessions/${id}/registrations`, { token: await t.tokenFor('liu') }))
    expect(staffList.items.map((r: { status: string }) => r.status)).toEqual(['registered', 'registered', 'cancelled', 'waitlisted'])
    expect((await t.call('GET', `/api/sessions/${id}/registrations`, { token: wang })).status).toBe(403)
  })

  it('answers registration outside its window with clear 409s', async () => {
    const planned = await createSession(t, inDays(8), {}, { open: false })
    const wang = await t.tokenFor('wang')
    const notOpen = await registerAs(t, wang, planned)
    expect(notOpen.status).toBe(409)
    expect((await json(notOpen)).error).toMatchObject({ code: 'REGISTRATION_NOT_OPEN', message: '这场议事会还没有开放报名' })

    const soon = await createSession(t, new Date(clock + 2 * hour))
    clock += 3 * hour
    const late = await registerAs(t, wang, soon)
    expect(late.status).toBe(409)
    expect((await json(late)).error).toMatchObject({ code: 'REGISTRATION_CLOSED', message: '议事会已开始，报名已截止' })
    const lateCancel = await t.call('DELETE', `/api/sessions/${soon}/registration`, { token: wang })
    expect(lateCancel.status).toBe(409)

    const off = await createSession(t, inDays(9))
    await sessionAction(t, 'chen', off, { action: 'cancel', reason: '场地维修' }, 200)
    const cancelled = await registerAs(t, wang, off)
    expect(cancelled.status).toBe(409)
    expect((await json(cancelled)).error).toMatchObject({ code: 'SESSION_CANCELLED', message: '这场议事会已取消' })
  })

  it.each<[DemoKey, number, string]>([
    ['wang', 200, 'verified owner'],
    ['zhao', 200, 'verified tenant'],
    ['li', 404, 'claimant still pending'],
    ['liu', 403, 'worker (not a verified resident)'],
    ['chen', 403, 'admin (not a verified resident)'],
    ['anju', 404, 'partner not invited'],
    ['zhou', 404, 'resident of another community'],
    ['wu', 404, 'worker of another community'],
  ])('registration as %s answers %i (%s)', async (who, status) => {
    const id = await createSession(t, inDays(11))
    const res = await registerAs(t, await t.tokenFor(who), id)
    expect(res.status).toBe(status)
    if (status === 403) expect((await json(res)).error.message).toBe('认证本社区的房屋后才能报名参加议事会')
  })
})

describe('who sees which sessions', () => {
  it('shows a partner only the sessions that invite it, and people of other communities none', async () => {
    const invited = await createSession(t, inDays(12), {
      kind: 'special_topic',
      title: '老旧小区改造专题议事会',
      invitedParties: [{ kind: 'property_company', name: '安居物业' }, { kind: 'designer' }],
    })
    const plain = await createSession(t, inDays(12), { title: '邻里小事周议', kind: 'weekly_forum' })
    const anju = await t.tokenFor('anju')
    const list = await json(await t.call('GET', `/api/communities/${wenan}/sessions?limit=50`, { token: anju }))
    const ids = list.items.map((s: { id: string }) => s.id)
    expect(ids).toContain(invited)
    expect(ids).not.toContain(plain)
    const detail = await json(await sessionDetail(t, 'anju', invited))
    expect(detail.invitedParties).toEqual([
      { kind: 'property_company', kindLabel: '物业', name: '安居物业' },
      { kind: 'designer', kindLabel: '设计单位', name: null },
    ])
    expect(detail.checkInCode).toBeNull()
    expect((await sessionDetail(t, 'anju', plain)).status).toBe(404)
    expect((await registerAs(t, anju, invited)).status).toBe(403)

    expect((await t.call('GET', `/api/communities/${wenan}/sessions`, { token: await t.tokenFor('zhou') })).status).toBe(403)
    expect((await sessionDetail(t, 'zhou', plain)).status).toBe(404)
    // A claim still pending grants nothing: the claimant sees no session of the community.
    expect((await sessionDetail(t, 'li', plain)).status).toBe(404)
    expect((await t.call('GET', `/api/communities/${wenan}/sessions`, { token: await t.tokenFor('li') })).status).toBe(403)
    expect((await t.call('GET', `/api/communities/${minzhu}/sessions`, { token: await t.tokenFor('zhou') })).status).toBe(200)
  })

  it('pages upcoming sessions soonest first and past ones latest first, without repeats', async () => {
    const base = clock
    const ids = []
    for (let i = 0; i < 5; i++)
      ids.push(await createSession(t, new Date(base + (40 + i) * day), { kind: 'round_table', title: `民情恳谈会 ${i}` }))
    const chen = await t.tokenFor('chen')
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const q: string = `/api/communities/${wenan}/sessions?kind=round_table&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = await json(await t.call('GET', q, { token: chen }))
      seen.push(...page.items.map((s: { id: string }) => s.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(ids)

    clock = base + 50 * day
    const past = await json(await t.call('GET', `/api/communities/${wenan}/sessions?when=past&kind=round_table&limit=3`, { token: chen }))
    expect(past.items.map((s: { id: string }) => s.id)).toEqual([...ids].reverse().slice(0, 3))
    const rest = await json(
      await t.call('GET', `/api/communities/${wenan}/sessions?when=past&kind=round_table&limit=3&cursor=${past.nextCursor}`, {
        token: chen,
      }),
    )
    expect(rest.items.map((s: { id: string }) => s.id)).toEqual([...ids].reverse().slice(3))
    expect(rest.nextCursor).toBeNull()
    clock = base
  })
})

describe('running the day', () => {
  it('checks in with the code shown at the venue, from an hour before the start', async () => {
    const start = new Date(clock + 3 * hour)
    const id = await createSession(t, start, { capacity: 1 })
    const wang = await t.tokenFor('wang')
    const zhao = await t.tokenFor('zhao')
    await registerAs(t, wang, id)
    await registerAs(t, zhao, id)
    const code = (await json(await sessionDetail(t, 'chen', id))).checkInCode as string

    const early = await t.call('POST', `/api/sessions/${id}/check-in`, { token: wang, body: { code } })
    expect(early.status).toBe(409)
    expect((await json(early)).error.code).toBe('CHECK_IN_NOT_OPEN')

    clock = start.getTime() - 30 * 60_000
    const wrong = await t.call('POST', `/api/sessions/${id}/check-in`, {
      token: wang,
      body: { code: code === '000000' ? '111111' : '000000' },
    })
    expect(wrong.status).toBe(400)
    expect((await json(wrong)).error).toMatchObject({ code: 'CHECK_IN_CODE_INVALID', message: '签到码不正确，请核对后重试' })
    const malformed = await t.call('POST', `/api/sessions/${id}/check-in`, { token: wang, body: { code: '12ab' } })
    expect(malformed.status).toBe(400)
    expect((await json(malformed)).error.details.fields[0].path).toBe('code')

    // Full-width digits typed on a phone keyboard count.
    const fullWidth = [...code].map((d) => String.fromCharCode(0xff10 + Number(d))).join('')
    expect(await json(await t.call('POST', `/api/sessions/${id}/check-in`, { token: wang, body: { code: fullWidth } }))).toMatchObject({
      registration: 'checked_in',
      registeredCount: 1,
    })
    // The waitlisted resident walks in: attends without a seat, and leaves the waiting list.
    expect(await json(await t.call('POST', `/api/sessions/${id}/check-in`, { token: zhao, body: { code } }))).toMatchObject({
      registration: 'checked_in',
      registeredCount: 1,
      waitlistCount: 0,
    })
    expect((await t.call('POST', `/api/sessions/${id}/check-in`, { token: await t.tokenFor('li'), body: { code } })).status).toBe(404)
    expect((await t.call('POST', `/api/sessions/${id}/check-in`, { token: await t.tokenFor('liu'), body: { code } })).status).toBe(403)
    const cancel = await t.call('DELETE', `/api/sessions/${id}/registration`, { token: wang })
    expect(cancel.status).toBe(409)
    clock = start.getTime() - 3 * hour
  })

  it('lets residents check in as soon as staff start the session, even hours before its time', async () => {
    const start = new Date(clock + 5 * hour)
    const id = await createSession(t, start)
    const wang = await t.tokenFor('wang')
    await registerAs(t, wang, id)
    const code = (await json(await sessionDetail(t, 'chen', id))).checkInCode as string
    expect((await t.call('POST', `/api/sessions/${id}/check-in`, { token: wang, body: { code } })).status).toBe(409)
    await sessionAction(t, 'chen', id, { action: 'fix_agenda' }, 200)
    await sessionAction(t, 'chen', id, { action: 'start' }, 200)
    expect((await json(await sessionDetail(t, 'wang', id))).viewer.canCheckIn).toBe(true)
    expect(await json(await t.call('POST', `/api/sessions/${id}/check-in`, { token: wang, body: { code } }))).toMatchObject({
      registration: 'checked_in',
    })
  })

  it('cancels with a reason that reaches everyone registered', async () => {
    const id = await createSession(t, inDays(14))
    const wang = await t.tokenFor('wang')
    await registerAs(t, wang, id)
    const noReason = await sessionAction(t, 'chen', id, { action: 'cancel' })
    expect(noReason.status).toBe(400)
    expect((await json(noReason)).error.details.fields[0].path).toBe('reason')
    const done = await json(await sessionAction(t, 'chen', id, { action: 'cancel', reason: '社区停电检修，改期另行通知' }, 200))
    expect(done).toMatchObject({ status: 'cancelled', cancelReason: '社区停电检修，改期另行通知', viewer: { actions: [] } })
    const notes = await json(await t.call('GET', '/api/notifications', { token: wang }))
    expect(notes.items[0]).toMatchObject({ title: '议事会「十二月每月一议」已取消', body: '取消原因：社区停电检修，改期另行通知' })
    const again = await sessionAction(t, 'chen', id, { action: 'open' })
    expect(again.status).toBe(409)
    expect((await json(again)).error.message).toBe('议事会当前状态不能「开放申报和报名」')
    expect((await sessionAction(t, 'wang', id, { action: 'cancel', reason: '不想开了' })).status).toBe(403)
    expect((await sessionAction(t, 'liu', id, { action: 'dance' })).status).toBe(400)
  })
})
