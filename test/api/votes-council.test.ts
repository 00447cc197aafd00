import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { detail, raiseId } from '../helpers/concerns.js'
import { createSession, makeVerifiedResidents, sessionAction, sessionDetail } from '../helpers/councils.js'
import { castAs, createProposal, proposalAction, proposalBody, proposalOf } from '../helpers/votes.js'

/** Votes on an agenda item by the session's checked-in attendees; an approved proposal becomes the resolution. */
let t: TestApp
let clock = new Date('2026-12-01T01:00:00Z').getTime()
const now = () => new Date(clock)
const hour = 3600_000
const day = 24 * hour

beforeAll(async () => {
  t = await startTestApp({ now })
})
afterAll(() => t?.close())

async function json(res: Response) {
  return (await res.json()) as Record<string, any>
}

describe('an agenda item put to the attendees', () => {
  let sessionId: string
  let topicId: string
  let concernId: string
  let start: Date
  let attendees: string[]

  beforeAll(async () => {
    concernId = await raiseId(t, 'wang', { category: 'renovation', description: '3号楼2单元想加装电梯，希望社区组织商量' })
    start = new Date(clock + 10 * day)
    sessionId = await createSession(t, start, {
      kind: 'special_topic',
      title: '加装电梯专题议事会',
      invitedParties: [{ kind: 'property_company', name: '安居物业' }],
    })
    const booked = await json(
      await t.call('POST', `/api/sessions/${sessionId}/topics`, {
        token: await t.tokenFor('wang'),
        body: { title: '3号楼加装电梯', reason: '楼里老人多，上下楼太难，希望大家一起商量加装电梯的方案', concernId },
      }),
    )
    topicId = booked.id
    clock += hour
    await t.call('POST', `/api/topics/${topicId}/decision`, {
      token: await t.tokenFor('liu'),
      body: { action: 'accept', order: 1, minutes: 30 },
    })
    await sessionAction(t, 'chen', sessionId, { action: 'fix_agenda' }, 200)
    // Five people check in at the venue: 王秀英, 赵晓梅 and three more verified residents.
    attendees = [await t.tokenFor('wang'), await t.tokenFor('zhao'), ...(await makeVerifiedResidents(t, 3))]
    clock = start.getTime() - 20 * 60_000
    const code = (await json(await sessionDetail(t, 'liu', sessionId))).checkInCode
    for (const token of attendees) {
      const res = await t.call('POST', `/api/sessions/${sessionId}/check-in`, { token, body: { code } })
      expect(res.status).toBe(200)
    }
    clock = start.getTime() + 5 * 60_000
    await sessionAction(t, 'chen', sessionId, { action: 'start' }, 200)
  })

  it('refuses an attendee vote with no agenda item and attaches one to the accepted topic', async () => {
    const noTopic = await t.call('POST', `/api/communities/${demo.community.wenan}/proposals`, {
      token: await t.tokenFor('chen'),
      body: proposalBody(now(), { electorate: { kind: 'attendees' } }),
    })
    expect(noTopic.status).toBe(400)
    expect((await json(noTopic)).error.details.fields[0].path).toBe('topicId')
  })

  it('passes under the council rule, becomes the topic’s resolution and moves the linked concern on', async () => {
    const deadline = new Date(start.getTime() + 60 * day).toISOString()
    const id = await createProposal(
      t,
      proposalBody(now(), {
        title: '3号楼2单元加装电梯方案',
        text: '由安居物业牵头，按一层不出资、楼层越高出资越多的方式分摊费用，三个月内出具设计方案。',
        topicId,
        electorate: { kind: 'attendees' },
        unit: 'resident',
        rule: 'council',
        closesAt: new Date(clock + 2 * hour).toISOString(),
        onApproval: { responsibleParty: 'property_company', deadline },
      }),
    )
    const opened = await json(await proposalAction(t, id, { action: 'open' }))
    expect(opened).toMatchObject({
      status: 'open',
      topic: { id: topicId, title: '3号楼加装电梯' },
      session: { id: sessionId, title: '加装电梯专题议事会' },
      electorate: { kind: 'attendees', size: 5 },
      onApproval: { responsibleParty: 'property_company', responsiblePartyLabel: '物业', deadline },
    })
    // A claimant still pending does not see the community's votes; a verified resident who was not there is not on the roll.
    expect((await castAs(t, 'li', id, ['yes'])).status).toBe(404)
    const list = await json(
      await t.call('GET', `/api/communities/${demo.community.wenan}/proposals?topicId=${topicId}`, { token: await t.tokenFor('zhao') }),
    )
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([id])

    // 4 of 5 take part (≥ 2/3); 3 approve (> half of 4).
    for (const [i, c] of [
      [0, 'yes'],
      [1, 'yes'],
      [2, 'yes'],
      [3, 'no'],
    ] as const)
      expect((await castAs(t, attendees[i], id, [c])).status).toBe(201)
    const closed = await json(await proposalAction(t, id, { action: 'close' }))
    expect(closed.result.explanation).toEqual(['参与人数 4/5（80%）≥ 2/3 ✓', '同意人数 3/4（75%）> 1/2 ✓', '结果：通过'])

    const s = await json(await sessionDetail(t, 'wang', sessionId))
    expect(s.agenda[0].resolution).toMatchObject({
      text: '表决通过「3号楼2单元加装电梯方案」：由安居物业牵头，按一层不出资、楼层越高出资越多的方式分摊费用，三个月内出具设计方案。',
      responsibleParty: 'property_company',
      responsibleName: '安居物业',
      deadline,
    })
    const c = await json(await detail(t, 'wang', concernId))
    expect(c).toMatchObject({ status: 'in_progress', assignee: '安居物业', dueAt: deadline })
    expect(c.timeline.map((e: { action: string }) => e.action)).toEqual(['submit', 'accept', 'send_to_council', 'deliberate', 'start'])
    expect(c.timeline.at(-2).note).toContain('决议：表决通过「3号楼2单元加装电梯方案」')
    const notes = await json(await t.call('GET', '/api/notifications', { token: attendees[4] }))
    expect(notes.items.map((n: { title: string }) => n.title)).toContain('表决结果：3号楼2单元加装电梯方案')
    expect(notes.items.find((n: { title: string }) => n.title.startsWith('表决结果')).sessionId).toBe(sessionId)
  })

  it('records a rejected vote on the session without touching the resolution', async () => {
    const id = await createProposal(
      t,
      proposalBody(now(), {
        title: '电梯费用全体均摊',
        topicId,
        electorate: { kind: 'attendees' },
        unit: 'household',
        rule: 'simple_majority',
        quorumPercent: 50,
      }),
    )
    const opened = await json(await proposalAction(t, id, { action: 'open' }))
    // Households of the five attendees: 王秀英's, 赵晓梅's, and 1号楼1单元101 shared by the other three.
    expect(opened.electorate.size).toBe(3)
    expect((await castAs(t, attendees[2], id, ['no'])).status).toBe(201)
    expect((await castAs(t, attendees[3], id, ['yes'])).status).toBe(409)
    const closed = await json(await proposalAction(t, id, { action: 'close' }))
    expect(closed.result).toMatchObject({ outcome: 'no_quorum' })
    expect(closed.result.explanation[0]).toBe('参与户数 1/3（33%）≥ 50% ✗')
    const s = await json(await sessionDetail(t, 'wang', sessionId))
    expect(s.agenda[0].resolution.text).toContain('3号楼2单元加装电梯方案')
  })

  it('closes by the scheduled job when no staff member is at hand, acting as the staff member who drafted it', async () => {
    const id = await createProposal(
      t,
      proposalBody(now(), {
        title: '电梯维护费标准',
        topicId,
        electorate: { kind: 'attendees' },
        closesAt: new Date(clock + hour).toISOString(),
      }),
      'liu',
    )
    await proposalAction(t, id, { action: 'open' }, 'liu')
    for (const i of [0, 1]) await castAs(t, attendees[i], id, ['yes'])
    clock += 2 * hour
    const tick = await json(await t.call('GET', '/api/jobs/tick'))
    expect(tick.votesClosed).toBe(1)
    const d = await proposalOf(t, 'wang', id)
    expect(d).toMatchObject({ status: 'published', result: { outcome: 'passed' } })
  })
})
