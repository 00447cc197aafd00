import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { raiseId } from '../helpers/concerns.js'
import { createSession } from '../helpers/councils.js'
import { needBody, needId, resourceBody, roundId } from '../helpers/needs.js'

/**
 * 需求清单 and 资源清单 through the API: staff raise a need from a concern, a resident proposes one
 * that waits for review, residents support (once) and place their dots in a round before a
 * 每月一议, staff offer the top need as a topic; resources with their contacts kept to staff.
 */
let t: TestApp
let clock = new Date('2026-11-23T01:00:00Z').getTime()
const day = 86400_000
const wenan = demo.community.wenan
const minzhu = demo.community.minzhu
const as = async (who: Parameters<TestApp['tokenFor']>[0]) => ({ token: await t.tokenFor(who) })

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock) })
})
afterAll(async () => t?.close())

describe('needs', () => {
  it('staff raise a need from concerns of their own community, open at once', async () => {
    const concernId = await raiseId(t, 'wang')
    const res = await t.call('POST', `/api/communities/${wenan}/needs`, {
      ...(await as('chen')),
      body: needBody({ concernIds: [concernId] }),
    })
    expect(res.status).toBe(201)
    const need = await res.json()
    expect(need).toMatchObject({ status: 'open', raisedBy: 'staff', groupLabels: ['独居老人'] })
    expect(need.sources).toEqual([expect.objectContaining({ kind: 'concern', id: concernId })])
  })

  it("refuses another community's concern as a source (404 naming the field), and malformed input (400)", async () => {
    const other = await raiseId(t, 'zhou', { communityId: minzhu, place: { kind: 'building', buildingId: demo.building('minzhu', 1) } })
    const res = await t.call('POST', `/api/communities/${wenan}/needs`, { ...(await as('chen')), body: needBody({ concernIds: [other] }) })
    expect(res.status).toBe(404)
    expect(JSON.stringify(await res.json())).toContain('concernIds')
    const bad = await t.call('POST', `/api/communities/${wenan}/needs`, { ...(await as('chen')), body: needBody({ groups: ['aliens'] }) })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(await bad.json())).toContain('groups')
    const unknown = await t.call('GET', '/api/needs/00000000-0000-4000-8000-000000000000', await as('wang'))
    expect(unknown.status).toBe(404)
  })

  it("a resident's need waits for review, hidden from neighbours until accepted; declining needs a reason", async () => {
    const id = await needId(t, 'wang', { title: '儿童放学后托管', category: 'childcare', groups: ['children', 'dual_income'] })
    expect((await (await t.call('GET', `/api/needs/${id}`, await as('wang'))).json()).status).toBe('pending_review')
    expect((await t.call('GET', `/api/needs/${id}`, await as('zhao'))).status).toBe(404)
    expect((await t.call('POST', `/api/needs/${id}/review`, { ...(await as('wang')), body: { action: 'accept' } })).status).toBe(403)
    expect((await t.call('POST', `/api/needs/${id}/review`, { ...(await as('liu')), body: { action: 'decline' } })).status).toBe(400)
    const ok = await t.call('POST', `/api/needs/${id}/review`, { ...(await as('liu')), body: { action: 'accept' } })
    expect((await ok.json()).status).toBe('open')
    expect((await t.call('POST', `/api/needs/${id}/review`, { ...(await as('liu')), body: { action: 'accept' } })).status).toBe(409)
    expect((await t.call('GET', `/api/needs/${id}`, await as('zhao'))).status).toBe(200)
    const declined = await needId(t, 'zhao', { title: '小区里养鸡' })
    const no = await t.call('POST', `/api/needs/${declined}/review`, {
      ...(await as('liu')),
      body: { action: 'decline', reason: '不符合小区管理规约' },
    })
    expect(await no.json()).toMatchObject({ status: 'declined', decisionReason: '不符合小区管理规约' })
  })

  it('support is once per resident: a repeat is the same 200, withdrawal takes it back', async () => {
    const id = await needId(t, 'chen', { title: '独居老人助餐' })
    const first = await t.call('POST', `/api/needs/${id}/support`, await as('wang'))
    expect(await first.json()).toMatchObject({ supported: true, supporterCount: 1 })
    const again = await t.call('POST', `/api/needs/${id}/support`, await as('wang'))
    expect(again.status).toBe(200)
    expect((await again.json()).supporterCount).toBe(1)
    expect((await t.call('POST', `/api/needs/${id}/support`, await as('liu'))).status).toBe(403)
    expect((await t.call('POST', `/api/needs/${id}/support`, await as('zhou'))).status).toBe(404)
    const back = await t.call('DELETE', `/api/needs/${id}/support`, await as('wang'))
    expect((await back.json()).supporterCount).toBe(0)
    expect((await (await t.call('DELETE', `/api/needs/${id}/support`, await as('wang'))).json()).supporterCount).toBe(0)
  })

  it('dots: up to N per resident, several on one need; more is 409 with the dots left; staff offer the top need as a topic', async () => {
    const sessionId = await createSession(t, new Date(clock + 10 * day), { title: '十二月每月一议' })
    const round = await roundId(t, sessionId, new Date(clock - 1000), new Date(clock + 5 * day), 3)
    expect(
      (
        await t.call('POST', `/api/communities/${wenan}/need-rounds`, {
          ...(await as('chen')),
          body: { sessionId, opensAt: new Date(clock).toISOString(), closesAt: new Date(clock + day).toISOString() },
        })
      ).status,
    ).toBe(409)
    const light = await needId(t, 'chen', { title: '楼道照明改造' })
    const care = await needId(t, 'chen', { title: '儿童托管服务' })
    const put = async (who: 'wang' | 'zhao', need: string, count: number) =>
      t.call('PUT', `/api/need-rounds/${round}/dots/${need}`, { ...(await as(who)), body: { count } })
    expect((await put('wang', light, 2)).status).toBe(200)
    const over = await put('wang', care, 2)
    expect(over.status).toBe(409)
    expect((await over.json()).error).toMatchObject({ code: 'DOTS_EXCEEDED', details: { dotsLeft: 1 } })
    const okay = await (await put('wang', care, 1)).json()
    expect(okay.dotsLeft).toBe(0)
    expect(okay.myDots).toHaveLength(2)
    expect((await put('zhao', light, 3)).status).toBe(200)
    const staffView = await (await t.call('GET', `/api/need-rounds/${round}`, await as('chen'))).json()
    expect(staffView.ranking[0]).toMatchObject({ needId: light, dots: 5, rank: 1 })
    expect((await t.call('PUT', `/api/need-rounds/${round}/dots/${light}`, { ...(await as('chen')), body: { count: 1 } })).status).toBe(403)
    expect((await t.call('POST', `/api/need-rounds/${round}/offer`, { ...(await as('wang')), body: { needIds: [light] } })).status).toBe(
      403,
    )
    const offered = await t.call('POST', `/api/need-rounds/${round}/offer`, { ...(await as('chen')), body: { needIds: [light] } })
    expect(offered.status).toBe(200)
    const { topics } = await offered.json()
    const topic = await (await t.call('GET', `/api/topics/${topics[0].topicId}`, await as('chen'))).json()
    expect(topic).toMatchObject({ title: '楼道照明改造', status: 'pending' })
    expect((await (await t.call('GET', `/api/needs/${light}`, await as('wang'))).json()).status).toBe('on_agenda')
    const again = await t.call('POST', `/api/need-rounds/${round}/offer`, { ...(await as('chen')), body: { needIds: [light] } })
    expect((await again.json()).topics[0].topicId).toBe(topics[0].topicId)
    clock += 6 * day
    expect((await put('wang', care, 0)).status).toBe(409)
  })

  it('placements at once never pass the allowance (the ballot row is locked)', async () => {
    const sessionId = await createSession(t, new Date(clock + 10 * day), { title: '一月每月一议' })
    const round = await roundId(t, sessionId, new Date(clock - 1000), new Date(clock + 5 * day), 3)
    const ids = await Promise.all(['加装电梯扶手', '小区健身角', '垃圾分类亭'].map((title) => needId(t, 'chen', { title })))
    const token = await t.tokenFor('zhao')
    const replies = await Promise.all(ids.map((id) => t.call('PUT', `/api/need-rounds/${round}/dots/${id}`, { token, body: { count: 2 } })))
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409])
    const view = await (await t.call('GET', `/api/need-rounds/${round}`, { token })).json()
    expect(view.myDots.reduce((s: number, d: { count: number }) => s + d.count, 0)).toBe(2)
  })

  it('needs of another community are not found, and its list is forbidden', async () => {
    const id = await needId(t, 'zheng', { title: '民主社区健身角' }, minzhu)
    expect((await t.call('GET', `/api/needs/${id}`, await as('wang'))).status).toBe(404)
    expect((await t.call('GET', `/api/communities/${minzhu}/needs`, await as('wang'))).status).toBe(403)
    const list = await (await t.call('GET', `/api/communities/${wenan}/needs`, await as('wang'))).json()
    expect(list.items.every((n: { communityId: string }) => n.communityId === wenan)).toBe(true)
    expect(list.rounds.length).toBeGreaterThan(0)
  })
})

describe('resources', () => {
  it('staff record a resource; residents see it without the contact', async () => {
    const res = await t.call('POST', `/api/communities/${wenan}/resources`, { ...(await as('chen')), body: resourceBody() })
    expect(res.status).toBe(201)
    expect((await res.json()).contact).toEqual({ name: '孙经理', phone: '13900001234' })
    const seen = await (await t.call('GET', `/api/communities/${wenan}/resources`, await as('wang'))).text()
    expect(seen).toContain('物业会议室')
    expect(seen).not.toContain('13900001234')
    expect(seen).not.toContain('孙经理')
    expect((await t.call('GET', `/api/communities/${wenan}/resources`, await as('zhou'))).status).toBe(403)
  })

  it('a resident offers their own resource (shown to neighbours as 居民), not an organisation’s', async () => {
    const mine = resourceBody({
      ownerKind: 'resident',
      ownerName: '王秀英',
      kind: 'skill',
      title: '义务理发',
      contactName: '王秀英',
      contactPhone: '13804110001',
    })
    const res = await t.call('POST', `/api/communities/${wenan}/resources`, { ...(await as('wang')), body: mine })
    expect(res.status).toBe(201)
    expect((await res.json()).contact).not.toBeNull()
    const zhao = await (await t.call('GET', `/api/communities/${wenan}/resources`, await as('zhao'))).text()
    expect(zhao).toContain('义务理发')
    expect(zhao).not.toContain('王秀英')
    expect(zhao).not.toContain('13804110001')
    const org = await t.call('POST', `/api/communities/${wenan}/resources`, { ...(await as('wang')), body: resourceBody() })
    expect(org.status).toBe(400)
    expect(
      (await t.call('POST', `/api/communities/${wenan}/resources`, { ...(await as('wang')), body: resourceBody({ contactPhone: '12' }) }))
        .status,
    ).toBe(400)
  })
})
