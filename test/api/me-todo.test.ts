import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type DemoKey, type TestApp } from '../helpers/app.js'
import { actOk, raiseId, uploadId, wenan } from '../helpers/concerns.js'
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
})
