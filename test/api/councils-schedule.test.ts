import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { councilSessions, outbox, users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type DemoKey, type TestApp } from '../helpers/app.js'
import { registerAs, sessionAction } from '../helpers/councils.js'
import { startFakeWechat } from '../helpers/fake-wechat.js'

/** Recurring rules, the scheduled job that keeps eight weeks ahead, and reminders through the outbox. */
let t: TestApp
let wechat: Awaited<ReturnType<typeof startFakeWechat>>
let clock = new Date('2026-12-01T01:00:00Z').getTime() // Tuesday 1 December 2026, 09:00 in Beijing
const hour = 3600_000
const day = 24 * hour
const wenan = demo.community.wenan

beforeAll(async () => {
  wechat = await startFakeWechat()
  t = await startTestApp({ wechatBase: wechat.base, now: () => new Date(clock), env: { SESSION_TTL_DAYS: '90' } })
  // 王秀英 has used the mini-program in WeChat: she has an openid, so reminders reach her phone.
  await t.database.db.update(users).set({ openid: 'o_wang' }).where(eq(users.id, demo.user.wang))
})
afterAll(async () => {
  await t?.close()
  await wechat?.close()
})

async function json(res: Response) {
  return (await res.json()) as Record<string, any>
}

async function tick() {
  const res = await t.call('GET', '/api/jobs/tick')
  expect(res.status).toBe(200)
  return json(res)
}

const monthly = {
  kind: 'monthly_council',
  title: '每月一议',
  venue: '睦邻议事厅',
  capacity: 60,
  agendaSlots: 6,
  bookingLeadHours: 72,
  schedule: { freq: 'monthly', nth: 2, weekday: 5, time: '19:00', durationMinutes: 120 },
}
const weekly = {
  kind: 'weekly_forum',
  title: '邻里事周议',
  venue: '3号楼架空层',
  capacity: 30,
  agendaSlots: 4,
  bookingLeadHours: 24,
  schedule: { freq: 'weekly', weekdays: [3], time: '19:30', durationMinutes: 90 },
}

async function ruleSessions(ruleId: string) {
  return t.database.db.select().from(councilSessions).where(eq(councilSessions.ruleId, ruleId)).orderBy(councilSessions.startsAt)
}

describe('recurring rules', () => {
  let weeklyId: string

  it('creates the second Friday of each month at 19:00 and the next eight weeks of sessions at once', async () => {
    const res = await t.call('POST', `/api/communities/${wenan}/rules`, { token: await t.tokenFor('chen'), body: monthly })
    expect(res.status).toBe(201)
    const rule = await json(res)
    expect(rule).toMatchObject({ scheduleLabel: '每月第二个周五 19:00–21:00', kindLabel: '每月一议', active: true })
    expect(rule.nextStarts.slice(0, 2)).toEqual(['2026-12-11T11:00:00.000Z', '2027-01-08T11:00:00.000Z'])
    const sessions = await ruleSessions(rule.id)
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual(['2026-12-11T11:00:00.000Z', '2027-01-08T11:00:00.000Z'])
    expect(sessions[0]).toMatchObject({ status: 'open', capacity: 60, venue: '睦邻议事厅' })
    expect(sessions[0].bookingDeadline.toISOString()).toBe('2026-12-08T11:00:00.000Z')

    const w = await json(await t.call('POST', `/api/communities/${wenan}/rules`, { token: await t.tokenFor('liu'), body: weekly }))
    weeklyId = w.id
    expect(w.scheduleLabel).toBe('每周三 19:30–21:00')
    expect((await ruleSessions(weeklyId)).length).toBe(8)

    const list = await json(await t.call('GET', `/api/communities/${wenan}/rules`, { token: await t.tokenFor('liu') }))
    expect(list.items.map((r: { title: string }) => r.title).sort()).toEqual(['每月一议', '邻里事周议'].sort())
  })

  it.each<[DemoKey, number]>([
    ['wang', 403],
    ['li', 403],
    ['anju', 403],
    ['zhou', 403],
    ['zheng', 403],
  ])('refuses a rule from %s with %i', async (who, status) => {
    expect((await t.call('POST', `/api/communities/${wenan}/rules`, { token: await t.tokenFor(who), body: monthly })).status).toBe(status)
    expect((await t.call('GET', `/api/communities/${wenan}/rules`, { token: await t.tokenFor(who) })).status).toBe(status)
  })

  it('names the field of a wrong schedule', async () => {
    const res = await t.call('POST', `/api/communities/${wenan}/rules`, {
      token: await t.tokenFor('chen'),
      body: { ...monthly, schedule: { ...monthly.schedule, nth: 6, time: '25:00' } },
    })
    expect(res.status).toBe(400)
    expect((await json(res)).error.details.fields.map((f: { path: string }) => f.path)).toEqual(['schedule.nth', 'schedule.time'])
  })

  it('keeps eight weeks ahead on every tick, idempotently, without re-creating a cancelled session', async () => {
    expect((await tick()).sessionsCreated).toBe(0)
    const [first] = await ruleSessions(weeklyId)
    await sessionAction(t, 'chen', first.id, { action: 'cancel', reason: '与社区活动冲突' }, 200)
    clock += 7 * day
    const result = await tick()
    expect(result.sessionsCreated).toBe(1)
    expect((await tick()).sessionsCreated).toBe(0)
    const all = await ruleSessions(weeklyId)
    expect(all).toHaveLength(9)
    expect(all.filter((s) => s.status === 'cancelled').map((s) => s.id)).toEqual([first.id])
    clock -= 7 * day
  })
})

describe('reminders', () => {
  it('reminds the registered 24 h and 2 h before, once each, through the outbox', async () => {
    const [session] = await t.database.db
      .select()
      .from(councilSessions)
      .where(and(eq(councilSessions.kind, 'weekly_forum'), eq(councilSessions.status, 'open')))
      .orderBy(councilSessions.startsAt)
      .limit(1)
    const wang = await t.tokenFor('wang')
    expect((await json(await registerAs(t, wang, session.id))).registration).toBe('registered')

    clock = session.startsAt.getTime() - 23 * hour
    expect((await tick()).reminders).toBe(1)
    expect((await tick()).reminders).toBe(0)
    clock = session.startsAt.getTime() - 90 * 60_000
    expect((await tick()).reminders).toBe(1)
    expect((await tick()).reminders).toBe(0)

    const notes = await json(await t.call('GET', '/api/notifications', { token: wang }))
    const reminders = notes.items.filter((n: { title: string }) => n.title === `议事会提醒：${session.title}`)
    expect(reminders).toHaveLength(2)
    expect(reminders[0].body).toContain('3号楼架空层')
    expect(reminders.every((n: { sessionId: string }) => n.sessionId === session.id)).toBe(true)
    const queued = await t.database.db.select().from(outbox).where(eq(outbox.userId, demo.user.wang))
    const mine = queued.filter((o) => (o.payload as { sessionId?: string }).sessionId === session.id)
    expect(mine).toHaveLength(2)
    expect(mine.every((o) => o.sentAt && !o.lastError)).toBe(true)

    // On her phone: the 议事会通知 subscribe message, opening the session, its time in Beijing.
    const sent = wechat.calls.filter((c) => c.path === '/cgi-bin/message/subscribe/send' && c.body?.touser === 'o_wang')
    expect(sent).toHaveLength(2)
    const local = new Date(session.startsAt.getTime() + 8 * hour)
    expect(sent[0].body).toMatchObject({
      template_id: 'dev-template-council-session',
      page: `pages/session-detail/index?id=${session.id}`,
      data: {
        thing1: { value: session.title },
        time2: { value: `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 19:30` },
        thing3: { value: '3号楼架空层' },
      },
    })
  })
})

describe('calendar files', () => {
  const unfold = (text: string) => text.replace(/\r\n[ \t]/g, '')

  it('serves the community feed in China time, cancelled sessions marked, and one session as its own .ics', async () => {
    clock = new Date('2026-12-01T01:00:00Z').getTime()
    const res = await t.call('GET', `/api/communities/${wenan}/calendar.ics`, { token: await t.tokenFor('wang') })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const feed = unfold(await res.text())
    expect(feed).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai')
    expect(feed).toContain('TZOFFSETTO:+0800')
    expect(feed).toContain('DTSTART;TZID=Asia/Shanghai:20261211T190000')
    expect(feed).toContain('DTEND;TZID=Asia/Shanghai:20261211T210000')
    expect(feed).toContain('SUMMARY:【每月一议】每月一议')
    expect(feed).toContain('LOCATION:睦邻议事厅')
    expect(feed).toContain('STATUS:CANCELLED')
    expect(feed.match(/BEGIN:VEVENT/g)?.length).toBe(11)

    const [first] = await t.database.db
      .select()
      .from(councilSessions)
      .where(eq(councilSessions.kind, 'monthly_council'))
      .orderBy(councilSessions.startsAt)
      .limit(1)
    const one = await t.call('GET', `/api/sessions/${first.id}/calendar.ics`, { token: await t.tokenFor('zhao') })
    expect(one.status).toBe(200)
    expect(one.headers.get('content-disposition')).toBe(`attachment; filename="session-${first.id.slice(0, 8)}.ics"`)
    const body = unfold(await one.text())
    expect(body.match(/BEGIN:VEVENT/g)?.length).toBe(1)
    expect(body).toContain(`UID:${first.id}@linli`)
    expect(body).toContain('DESCRIPTION:文安路社区 · 每月一议')

    expect((await t.call('GET', `/api/communities/${wenan}/calendar.ics`, { token: await t.tokenFor('zhou') })).status).toBe(403)
    expect((await t.call('GET', `/api/sessions/${first.id}/calendar.ics`, { token: await t.tokenFor('zhou') })).status).toBe(404)
    expect((await t.call('GET', `/api/communities/${wenan}/calendar.ics`)).status).toBe(401)
  })

  it('gives each viewer a signed subscription link that calendar apps open without signing in', async () => {
    clock = new Date('2026-12-01T01:00:00Z').getTime()
    const res = await t.call('GET', `/api/communities/${wenan}/calendar-feed`, { token: await t.tokenFor('wang') })
    expect(res.status).toBe(200)
    const link = await json(res)
    expect(link.webcal).toBe(link.url.replace(/^http:/, 'webcal:'))
    const path = new URL(link.url).pathname
    expect(path).toMatch(/^\/api\/calendar\/[0-9a-f-]{36}\/[\w-]+\/[\w-]{32}\/councils\.ics$/)

    // No token: the calendar app only has the link.
    const feed = await t.call('GET', path)
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = unfold(await feed.text())
    expect(text.match(/BEGIN:VEVENT/g)?.length).toBe(11)
    expect(text).not.toMatch(/王秀英|1380411/)

    // Every resident and worker of the community gets the same community-wide link.
    const zhao = await json(await t.call('GET', `/api/communities/${wenan}/calendar-feed`, { token: await t.tokenFor('zhao') }))
    expect(zhao.url).toBe(link.url)

    // A changed signature, or the signature moved onto another community, opens nothing.
    const parts = path.split('/')
    const forged = [...parts]
    forged[5] = `${parts[5].slice(0, -1)}${parts[5].endsWith('A') ? 'B' : 'A'}`
    const bad = await t.call('GET', forged.join('/'))
    expect(bad.status).toBe(404)
    expect((await json(bad)).error.message).toBe('日历订阅链接无效')
    const moved = [...parts]
    moved[3] = demo.community.minzhu
    expect((await t.call('GET', moved.join('/'))).status).toBe(404)
    // Scope widened by hand (a partner's link turned into the community-wide one) fails too.
    const anjuLink = await json(await t.call('GET', `/api/communities/${wenan}/calendar-feed`, { token: await t.tokenFor('anju') }))
    const anjuParts = new URL(anjuLink.url).pathname.split('/')
    expect(anjuParts[4]).not.toBe(parts[4])
    const widened = [...anjuParts]
    widened[4] = parts[4]
    expect((await t.call('GET', widened.join('/'))).status).toBe(404)
    // The partner's own link shows only sessions that invite 安居物业 (none of the recurring ones).
    const anjuFeed = unfold(await (await t.call('GET', new URL(anjuLink.url).pathname)).text())
    expect(anjuFeed.match(/BEGIN:VEVENT/g)).toBeNull()

    // Outsiders get no link.
    expect((await t.call('GET', `/api/communities/${wenan}/calendar-feed`, { token: await t.tokenFor('zhou') })).status).toBe(403)
    expect((await t.call('GET', `/api/communities/${wenan}/calendar-feed`)).status).toBe(401)
  })
})
