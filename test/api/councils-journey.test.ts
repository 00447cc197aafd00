import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type DemoKey, type TestApp } from '../helpers/app.js'
import { actOk, detail, raiseId, uploadId } from '../helpers/concerns.js'
import { createSession, makeVerifiedResidents, registerAs, sessionAction, sessionDetail } from '../helpers/councils.js'

/** Journeys 4, 5 and 7: book a topic, register, check in, resolve, publish minutes; the concern moves on. */
let t: TestApp
let clock = new Date('2026-12-01T01:00:00Z').getTime() // Tuesday 09:00 in Beijing
const hour = 3600_000
const day = 24 * hour

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock), env: { SESSION_TTL_DAYS: '90' } })
})
afterAll(() => t?.close())

async function json(res: Response) {
  return (await res.json()) as Record<string, any>
}

async function book(who: DemoKey | string, sessionId: string, body: Record<string, unknown>) {
  const token = who.includes('.') ? who : await t.tokenFor(who as DemoKey)
  return t.call('POST', `/api/sessions/${sessionId}/topics`, { token, body })
}

async function decide(who: DemoKey, topicId: string, body: Record<string, unknown>) {
  return t.call('POST', `/api/topics/${topicId}/decision`, { token: await t.tokenFor(who), body })
}

const topic = (over: Record<string, unknown> = {}) => ({
  title: '3号楼加装电梯',
  reason: '楼里老人多，上下楼太难，希望大家一起商量加装电梯的方案',
  ...over,
})

describe('the council journey', () => {
  it('book → accept → register → check in → resolve → minutes, and the linked concern moves on', async () => {
    const concernId = await raiseId(t, 'wang', { category: 'renovation', description: '3号楼2单元想加装电梯，希望社区组织商量' })
    await t.call('POST', `/api/concerns/${concernId}/cosign`, { token: await t.tokenFor('zhao') })
    const start = new Date(clock + 10 * day)
    const sessionId = await createSession(t, start, {
      kind: 'special_topic',
      title: '加装电梯专题议事会',
      invitedParties: [{ kind: 'property_company', name: '安居物业' }],
    })

    // Journey 4: the resident books a topic linked to her concern; staff put it on the agenda.
    const booked = await book('wang', sessionId, topic({ concernId }))
    expect(booked.status).toBe(201)
    const t1 = await json(booked)
    expect(t1).toMatchObject({ status: 'pending', statusLabel: '待审核', mine: true, proposerName: null, actions: ['withdraw'] })
    expect(t1.concern.publicNo).toMatch(/^WA-/)
    const staffNotes = await json(await t.call('GET', '/api/notifications', { token: await t.tokenFor('liu') }))
    expect(staffNotes.items[0].title).toBe('新议题申报：3号楼加装电梯')

    const staffView = await json(await t.call('GET', `/api/topics/${t1.id}`, { token: await t.tokenFor('liu') }))
    expect(staffView).toMatchObject({ proposerName: '王秀英', actions: ['accept', 'defer', 'decline'] })

    const fixTooEarly = await sessionAction(t, 'chen', sessionId, { action: 'fix_agenda' })
    expect(fixTooEarly.status).toBe(409)
    expect((await json(fixTooEarly)).error).toMatchObject({
      code: 'TOPICS_PENDING',
      message: '还有 1 个议题待处理，请先接受、顺延或不予采纳',
    })

    clock += hour
    const accepted = await json(await decide('liu', t1.id, { action: 'accept', order: 1, minutes: 30 }))
    expect(accepted).toMatchObject({ status: 'accepted', order: 1, minutes: 30 })
    const onAgenda = await json(await detail(t, 'wang', concernId))
    expect(onAgenda.status).toBe('on_agenda')
    expect(onAgenda.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'send_to_council'])
    expect(onAgenda.timeline.at(-1).note).toContain('加装电梯专题议事会')
    await sessionAction(t, 'chen', sessionId, { action: 'fix_agenda' }, 200)

    // Journey 5: register, remind, check in.
    for (const who of ['wang', 'zhao'] as const)
      expect((await json(await registerAs(t, await t.tokenFor(who), sessionId))).registration).toBe('registered')
    const s = await json(await sessionDetail(t, 'wang', sessionId))
    expect(s).toMatchObject({ status: 'agenda_fixed', registeredCount: 2, openSlots: 3 })
    expect(s.agenda).toEqual([expect.objectContaining({ order: 1, minutes: 30, title: '3号楼加装电梯', resolution: null })])
    expect(s.viewer.myTopics).toHaveLength(1)

    clock = start.getTime() - 20 * 60_000
    const code = (await json(await sessionDetail(t, 'liu', sessionId))).checkInCode
    expect(
      (await json(await t.call('POST', `/api/sessions/${sessionId}/check-in`, { token: await t.tokenFor('wang'), body: { code } })))
        .registration,
    ).toBe('checked_in')
    clock = start.getTime() + 5 * 60_000
    await sessionAction(t, 'chen', sessionId, { action: 'start' }, 200)

    // Journey 7: the resolution names 物业 (the invited 安居物业) with a deadline.
    const deadline = new Date(start.getTime() + 30 * day).toISOString()
    const resolved = await json(
      await t.call('POST', `/api/topics/${t1.id}/resolution`, {
        token: await t.tokenFor('chen'),
        body: { text: '同意启动加装电梯意见征询，由物业牵头出具方案', responsibleParty: 'property_company', deadline },
      }),
    )
    expect(resolved.status).toBe('accepted')
    const twice = await t.call('POST', `/api/topics/${t1.id}/resolution`, {
      token: await t.tokenFor('chen'),
      body: { text: '再记一次决议内容', responsibleParty: 'community', deadline },
    })
    expect(twice.status).toBe(409)

    const moved = await json(await detail(t, 'wang', concernId))
    expect(moved.status).toBe('in_progress')
    expect(moved.assignee).toBe('安居物业')
    expect(moved.dueAt).toBe(deadline)
    expect(moved.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'send_to_council', 'deliberate', 'start'])
    expect(moved.timeline.at(-2).note).toBe('决议：同意启动加装电梯意见征询，由物业牵头出具方案')
    expect(moved.timeline.at(-1).note).toContain('物业（安居物业）')
    // The partner now finds it in its list and can report progress on it.
    const partnerInbox = await json(
      await t.call('GET', `/api/communities/${demo.community.wenan}/inbox`, { token: await t.tokenFor('anju') }),
    )
    expect(partnerInbox.items.map((c: { id: string }) => c.id)).toContain(concernId)
    await actOk(t, 'anju', concernId, { action: 'note', note: '已联系电梯厂家现场勘查' })

    await sessionAction(t, 'chen', sessionId, { action: 'conclude' }, 200)
    const shortMinutes = await t.call('POST', `/api/sessions/${sessionId}/minutes`, {
      token: await t.tokenFor('chen'),
      body: { text: '开了会', attendeeCount: 2 },
    })
    expect(shortMinutes.status).toBe(400)
    expect((await json(shortMinutes)).error.details.fields[0].path).toBe('text')
    const photoId = await uploadId(t, 'chen')
    const published = await json(
      await t.call('POST', `/api/sessions/${sessionId}/minutes`, {
        token: await t.tokenFor('chen'),
        body: {
          text: '本次专题议事会就3号楼2单元加装电梯进行协商，形成决议：由安居物业牵头出具方案并征询意见。',
          attendeeCount: 18,
          photoIds: [photoId],
        },
      }),
    )
    expect(published.status).toBe('minutes_published')
    expect(published.minutes).toMatchObject({ attendeeCount: 18, checkedInCount: 1 })
    expect(published.minutes.photos).toHaveLength(1)
    expect(published.agenda[0].resolution).toMatchObject({
      responsibleParty: 'property_company',
      responsiblePartyLabel: '物业',
      responsibleName: '安居物业',
      deadline,
    })

    // A minutes photo is reviewed by the community's staff like any other.
    expect(
      (await t.call('POST', `/api/photos/${photoId}/review`, { token: await t.tokenFor('liu'), body: { verdict: 'pass' } })).status,
    ).toBe(200)
    expect(
      (await t.call('POST', `/api/photos/${photoId}/review`, { token: await t.tokenFor('wu'), body: { verdict: 'pass' } })).status,
    ).toBe(403)

    const zhaoNotes = await json(await t.call('GET', '/api/notifications', { token: await t.tokenFor('zhao') }))
    expect(zhaoNotes.items.map((n: { title: string }) => n.title)).toContain('「加装电梯专题议事会」会议纪要已发布')
    const past = await json(
      await t.call('GET', `/api/communities/${demo.community.wenan}/sessions?when=past`, { token: await t.tokenFor('zhao') }),
    )
    clock = start.getTime() + 3 * hour
    const later = await json(
      await t.call('GET', `/api/communities/${demo.community.wenan}/sessions?when=past`, { token: await t.tokenFor('zhao') }),
    )
    expect(past.items.map((x: { id: string }) => x.id)).not.toContain(sessionId)
    expect(later.items[0]).toMatchObject({ id: sessionId, status: 'minutes_published' })
    clock = new Date('2026-12-01T01:00:00Z').getTime()
  })
})

describe('booking limits and decisions', () => {
  it('refuses the unverified, other communities and partners, and links only own or co-signed concerns', async () => {
    const sessionId = await createSession(t, new Date(clock + 12 * day))
    // A pending claimant is no one in the community yet: the session does not exist for them.
    expect((await book('li', sessionId, topic())).status).toBe(404)
    expect((await book('zhou', sessionId, topic())).status).toBe(404)
    expect((await book('anju', sessionId, topic())).status).toBe(404)
    expect((await book('liu', sessionId, topic())).status).toBe(403)

    const others = await raiseId(t, 'wang', { category: 'parking', description: '6号楼下消防通道总有车乱停' })
    const notMine = await book('zhao', sessionId, topic({ concernId: others }))
    expect(notMine.status).toBe(400)
    expect((await json(notMine)).error).toMatchObject({ code: 'CONCERN_NOT_ELIGIBLE', message: '只能关联自己反映或附议过的本社区诉求' })

    const short = await book('wang', sessionId, { title: '电梯', reason: '短' })
    expect(short.status).toBe(400)
    expect((await json(short)).error.details.fields.map((f: { path: string }) => f.path)).toEqual(['title', 'reason'])
  })

  it('books one concern onto one live topic only, and at most three pending topics per resident', async () => {
    const sessionId = await createSession(t, new Date(clock + 13 * day), { agendaSlots: 6 })
    const other = await createSession(t, new Date(clock + 14 * day))
    const concernId = await raiseId(t, 'zhao', { category: 'noise', description: '楼上每天晚上十一点还在装修' })
    expect((await book('zhao', sessionId, topic({ concernId }))).status).toBe(201)
    const again = await book('zhao', other, topic({ concernId }))
    expect(again.status).toBe(409)
    expect((await json(again)).error).toMatchObject({
      code: 'CONCERN_ALREADY_ON_AGENDA',
      message: '这条诉求已经申报到议事会，不需要重复申报',
    })

    expect((await book('zhao', sessionId, topic({ title: '楼道照明' }))).status).toBe(201)
    expect((await book('zhao', sessionId, topic({ title: '垃圾分类' }))).status).toBe(201)
    const fourth = await book('zhao', sessionId, topic({ title: '停车管理' }))
    expect(fourth.status).toBe(409)
    expect((await json(fourth)).error.code).toBe('TOO_MANY_PENDING_TOPICS')
  })

  it('closes booking at the deadline and when the agenda is full', async () => {
    const start = new Date(clock + 3 * day)
    const sessionId = await createSession(t, start, { agendaSlots: 1 })
    const [a] = await makeVerifiedResidents(t, 1)
    const first = await json(await book('wang', sessionId, topic()))
    const secondRes = await book(a, sessionId, topic({ title: '小区绿化' }))
    expect(secondRes.status).toBe(201)
    const second = await json(secondRes)
    await decide('chen', first.id, { action: 'accept', order: 1, minutes: 20 })
    const full = await decide('chen', second.id, { action: 'accept', order: 2, minutes: 20 })
    expect(full.status).toBe(409)
    expect((await json(full)).error).toMatchObject({ code: 'AGENDA_FULL', message: '议程已排满（共 1 项），请顺延到下一次议事会' })
    const noMore = await book('zhao', sessionId, topic({ title: '小区快递柜' }))
    expect(noMore.status).toBe(409)
    expect((await json(noMore)).error.code).toBe('AGENDA_FULL')

    const later = await createSession(t, new Date(clock + 5 * day))
    clock = start.getTime() - 2 * hour
    const late = await book('zhao', later, topic({ title: '小区快递柜' }))
    expect(late.status).toBe(201)
    const closed = await book('zhao', sessionId, topic({ title: '小区快递柜' }))
    expect(closed.status).toBe(409)
    const closedError = (await json(closed)).error
    expect(closedError.code).toBe('BOOKING_DEADLINE_PASSED')
    expect(closedError.message).toMatch(/^议题申报已于 \d+月\d+日 \d\d:\d\d 截止，请申报下一次议事会$/)
    clock = new Date('2026-12-01T01:00:00Z').getTime()
  })

  it('defers a topic to a named later session, declines with a reason, and lets the proposer withdraw', async () => {
    const now = clock
    const sessionId = await createSession(t, new Date(now + 15 * day))
    const next = await createSession(t, new Date(now + 45 * day), { title: '一月每月一议' })
    const earlier = await createSession(t, new Date(now + 8 * day))
    const concernId = await raiseId(t, 'wang', { category: 'sanitation', description: '垃圾站周末没人清运，味道很大' })
    const booked = await json(await book('wang', sessionId, topic({ title: '垃圾清运', concernId })))

    const noTarget = await decide('liu', booked.id, { action: 'defer' })
    expect(noTarget.status).toBe(400)
    const backwards = await decide('liu', booked.id, { action: 'defer', targetSessionId: earlier })
    expect(backwards.status).toBe(409)
    expect((await json(backwards)).error.code).toBe('DEFER_TARGET_INVALID')
    const deferred = await json(await decide('liu', booked.id, { action: 'defer', targetSessionId: next }))
    expect(deferred).toMatchObject({ status: 'deferred', deferredTo: { sessionId: next, title: '一月每月一议' } })
    const there = await json(await t.call('GET', `/api/sessions/${next}/topics`, { token: await t.tokenFor('liu') }))
    expect(there.items).toEqual([
      expect.objectContaining({ title: '垃圾清运', status: 'pending', concern: expect.objectContaining({ id: concernId }) }),
    ])

    const declined = await json(await decide('chen', there.items[0].id, { action: 'decline', reason: '已转交城管部门处理' }))
    expect(declined).toMatchObject({ status: 'declined', decisionReason: '已转交城管部门处理' })
    const wangNotes = await json(await t.call('GET', '/api/notifications', { token: await t.tokenFor('wang') }))
    expect(wangNotes.items[0].body).toBe('您申报的议题未被采纳：已转交城管部门处理')

    const mine = await json(await book('wang', sessionId, topic({ title: '楼道堆物' })))
    // Another resident does not see wang's pending topic: withdrawing it is a 404, as reading it is.
    expect((await t.call('POST', `/api/topics/${mine.id}/withdraw`, { token: await t.tokenFor('zhao') })).status).toBe(404)
    expect((await decide('wang', mine.id, { action: 'accept', order: 1, minutes: 10 })).status).toBe(403)
    const withdrawn = await json(await t.call('POST', `/api/topics/${mine.id}/withdraw`, { token: await t.tokenFor('wang') }))
    expect(withdrawn).toMatchObject({ status: 'withdrawn', actions: [] })
    const againWithdraw = await t.call('POST', `/api/topics/${mine.id}/withdraw`, { token: await t.tokenFor('wang') })
    expect(againWithdraw.status).toBe(409)
    expect((await json(againWithdraw)).error.message).toBe('议题当前状态不能「撤回」')
    // Residents see the agenda and their own topics; others' pending ones stay with staff.
    const zhaoView = await json(await t.call('GET', `/api/sessions/${sessionId}/topics`, { token: await t.tokenFor('zhao') }))
    expect(zhaoView.items).toEqual([])
  })
})

describe('who runs the session', () => {
  it('lets only the community staff decide topics, record resolutions and publish minutes, each at its time', async () => {
    const start = new Date(clock + 16 * day)
    const sessionId = await createSession(t, start, { invitedParties: [{ kind: 'property_company', name: '安居物业' }] })
    const booked = await json(await book('zhao', sessionId, topic({ title: '小区停车管理' })))
    for (const who of ['zhao', 'wang', 'anju', 'wu'] as const) {
      const res = await decide(who, booked.id, { action: 'accept', order: 1, minutes: 15 })
      // Only its proposer sees a pending topic besides the staff: everyone else gets the 404 reading it gives.
      expect(res.status, who).toBe(who === 'zhao' ? 403 : 404)
    }
    expect((await decide('liu', booked.id, { action: 'approve' })).status).toBe(400)
    expect((await decide('liu', booked.id, { action: 'accept', order: 0, minutes: 15 })).status).toBe(400)
    await decide('liu', booked.id, { action: 'accept', order: 1, minutes: 15 })

    const resolution = {
      text: '物业在东门增设临时停车位',
      responsibleParty: 'property_company',
      deadline: new Date(start.getTime() + 20 * day).toISOString(),
    }
    const tooEarly = await t.call('POST', `/api/topics/${booked.id}/resolution`, { token: await t.tokenFor('chen'), body: resolution })
    expect(tooEarly.status).toBe(409)
    expect((await json(tooEarly)).error.message).toBe('议事会开始后才能记录决议')
    const earlyMinutes = await t.call('POST', `/api/sessions/${sessionId}/minutes`, {
      token: await t.tokenFor('chen'),
      body: { text: '会议纪要内容写在这里，至少二十个字才可以发布。', attendeeCount: 3 },
    })
    expect(earlyMinutes.status).toBe(409)

    await sessionAction(t, 'chen', sessionId, { action: 'fix_agenda' }, 200)
    clock = start.getTime()
    await sessionAction(t, 'chen', sessionId, { action: 'start' }, 200)
    expect(
      (await t.call('POST', `/api/topics/${booked.id}/resolution`, { token: await t.tokenFor('anju'), body: resolution })).status,
    ).toBe(403)
    expect(
      (await t.call('POST', `/api/topics/${booked.id}/resolution`, { token: await t.tokenFor('zhao'), body: resolution })).status,
    ).toBe(403)
    const badParty = await t.call('POST', `/api/topics/${booked.id}/resolution`, {
      token: await t.tokenFor('chen'),
      body: { ...resolution, responsibleParty: 'police' },
    })
    expect(badParty.status).toBe(400)
    expect((await json(badParty)).error.details.fields[0].path).toBe('responsibleParty')
    const ok = await t.call('POST', `/api/topics/${booked.id}/resolution`, { token: await t.tokenFor('liu'), body: resolution })
    expect(ok.status).toBe(200)
    const seen = await json(await sessionDetail(t, 'anju', sessionId))
    expect(seen.agenda[0].resolution).toMatchObject({ responsibleName: '安居物业', responsiblePartyLabel: '物业' })
    await sessionAction(t, 'chen', sessionId, { action: 'conclude' }, 200)
    expect(
      (
        await t.call('POST', `/api/sessions/${sessionId}/minutes`, {
          token: await t.tokenFor('wang'),
          body: { text: '会议纪要内容写在这里，至少二十个字才可以发布。', attendeeCount: 3 },
        })
      ).status,
    ).toBe(403)
    clock = new Date('2026-12-01T01:00:00Z').getTime()
  })
})
