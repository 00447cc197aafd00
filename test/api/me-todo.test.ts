import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type DemoKey, type TestApp } from '../helpers/app.js'
import { actOk, makeResidents, raiseId, uploadId, wenan } from '../helpers/concerns.js'
import { createSession, registerAs } from '../helpers/councils.js'
import { castAs, openProposal, proposalBody } from '../helpers/votes.js'

let t: TestApp
let clock: Date | null = null
beforeAll(async () => {
  t = await startTestApp({ now: () => clock ?? new Date() })
})
afterAll(() => t?.close())

interface Item {
  kind: string
  side: string
  communityId: string | null
  title: string
  subtitle: string
  count: number | null
  targetId: string | null
}

async function todo(who: DemoKey): Promise<{ items: Item[]; badge: number }> {
  const res = await t.call('GET', '/api/me/todo', { token: await t.tokenFor(who) })
  expect(res.status).toBe(200)
  return res.json()
}

const kinds = (items: Item[]) => items.map((i) => i.kind)

describe('GET /api/me/todo', () => {
  it('lists a resident’s open vote and resolved concern, and drops each once voted and rated', async () => {
    const voteId = await openProposal(t, proposalBody(new Date(), { title: '楼道加装声控灯' }))
    const concernId = await raiseId(t, 'wang', { description: '3号楼门口路灯不亮了，晚上很黑' })
    await actOk(t, 'liu', concernId, { action: 'accept' })
    await actOk(t, 'liu', concernId, { action: 'start' })
    await actOk(t, 'liu', concernId, { action: 'resolve', note: '已更换灯泡', photoIds: [await uploadId(t, 'liu')] })

    const before = await todo('wang')
    expect(before.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'vote', side: 'resident', title: '楼道加装声控灯', targetId: voteId, subtitle: '文安路社区' }),
        expect.objectContaining({ kind: 'rate', side: 'resident', targetId: concernId, title: expect.stringContaining('3号楼门口路灯') }),
      ]),
    )
    expect(kinds(before.items)).not.toContain('new_concerns') // a resident sees no staff work
    expect(before.badge).toBeGreaterThanOrEqual(2)

    expect((await castAs(t, 'wang', voteId, ['yes'])).status).toBe(201)
    const rated = await t.call('POST', `/api/concerns/${concernId}/rating`, {
      token: await t.tokenFor('wang'),
      body: { rating: 5, solved: true },
    })
    expect(rated.status).toBe(200)

    const after = await todo('wang')
    expect(after.items.map((i) => i.targetId)).not.toContain(voteId)
    expect(after.items.map((i) => i.targetId)).not.toContain(concernId)
    expect(after.badge).toBeLessThan(before.badge)
  })

  it('shows a new resident their pending claim, with its address', async () => {
    const { items } = await todo('li')
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'claim', subtitle: '文安路社区 2号楼 1单元 602室', targetId: expect.any(String) }),
      ]),
    )
  })

  it('shows staff new concerns and pending claims of their own community, never another’s', async () => {
    await raiseId(t, 'wang')
    const chen = await todo('chen')
    const staff = chen.items.filter((i) => i.side === 'staff')
    expect(staff).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'new_concerns',
          communityId: wenan,
          count: expect.any(Number),
          title: expect.stringContaining('新诉求待签收'),
        }),
        expect.objectContaining({ kind: 'pending_claims', communityId: wenan, count: 1 }),
      ]),
    )
    expect(staff.every((i) => i.communityId === wenan)).toBe(true)
    expect(kinds(chen.items)).not.toContain('claim')

    // 民主社区's worker sees none of 文安路's: the pending claim and the new concerns are 文安路's.
    const wu = await todo('wu')
    expect(wu.items.every((i) => i.communityId === null || i.communityId === demo.community.minzhu)).toBe(true)
    expect(kinds(wu.items)).not.toContain('pending_claims')
  })

  it('counts a concern whose 签收 is past due as overdue', async () => {
    expect(kinds((await todo('chen')).items)).not.toContain('overdue_concerns')
    clock = new Date(Date.now() + 10 * 86400_000)
    const chen = await todo('chen')
    clock = null
    expect(chen.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'overdue_concerns', communityId: wenan })]))
  })

  it('gives a resident with nothing waiting no items and no badge', async () => {
    const [fresh] = await makeResidents(t, 1)
    const res = await t.call('GET', '/api/me/todo', { token: fresh })
    expect(await res.json()).toEqual({ items: [], badge: 0 })
  })

  it('lists a session I registered for this week; staff see today’s sessions and votes closing within 48 h', async () => {
    const [resident] = await makeResidents(t, 1)
    const inThreeDays = await createSession(t, new Date(Date.now() + 3 * 86400_000), { title: '三天后的议事会' })
    expect((await registerAs(t, resident, inThreeDays)).status).toBe(200)
    const mine = await (await t.call('GET', '/api/me/todo', { token: resident })).json()
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'session', title: '三天后的议事会', targetId: inThreeDays })])
    expect(mine.badge).toBe(1)

    // Today in China, whatever the hour the test runs: 5 minutes from now when 30 would cross midnight.
    const soon = new Date(Date.now() + 30 * 60_000)
    const startsAt = soon.getUTCHours() === 16 && soon.getUTCMinutes() < 30 ? new Date(Date.now() + 5 * 60_000) : soon
    const today = await createSession(t, startsAt, { title: '今天的周议', bookingDeadline: new Date(Date.now() + 60_000).toISOString() })
    const closing = await openProposal(
      t,
      proposalBody(new Date(), { title: '明天截止的表决', closesAt: new Date(Date.now() + 24 * 3600_000).toISOString() }),
    )
    const chen = await todo('chen')
    expect(chen.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'today_session', side: 'staff', targetId: today }),
        expect.objectContaining({ kind: 'closing_vote', side: 'staff', targetId: closing }),
      ]),
    )
    expect(chen.items.map((i) => i.targetId)).not.toContain(inThreeDays)
  })
})
