import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

describe('GET /api/me', () => {
  it('shows a verified resident their household, and a masked phone only', async () => {
    const res = await t.call('GET', '/api/me', { token: await t.tokenFor('wang') })
    expect(res.status).toBe(200)
    const me = await res.json()
    expect(me.user).toMatchObject({ nickname: '王秀英', phoneMasked: '138****0001' })
    expect(JSON.stringify(me)).not.toContain('13804110001')
    expect(me.households).toEqual([expect.objectContaining({ address: '3号楼 2单元 302室', relation: 'owner' })])
    expect(me.staffOf).toEqual([])
  })

  it('tells a worker which community they are staff of', async () => {
    const me = await (await t.call('GET', '/api/me', { token: await t.tokenFor('liu') })).json()
    expect(me.staffOf).toEqual([demo.community.wenan])
    expect(me.memberships).toEqual([expect.objectContaining({ role: 'worker', communityName: '文安路社区', streetName: '人民路街道' })])
  })

  it('tells a street official which street they oversee, with no community role', async () => {
    const me = await (await t.call('GET', '/api/me', { token: await t.tokenFor('wangjd') })).json()
    expect(me.streets).toEqual([{ streetId: demo.streetId, streetName: '人民路街道', role: 'street_admin' }])
    expect(me.memberships).toEqual([])
    expect(me.staffOf).toEqual([])
    const worker = await (await t.call('GET', '/api/me', { token: await t.tokenFor('liu') })).json()
    expect(worker.streets).toEqual([])
  })

  it('shows a partner their organisation', async () => {
    const me = await (await t.call('GET', '/api/me', { token: await t.tokenFor('anju') })).json()
    expect(me.memberships[0]).toMatchObject({ role: 'partner', orgName: '安居物业' })
  })

  it('updates the nickname and phone, and rejects a malformed phone naming the field', async () => {
    const token = await t.tokenFor('li')
    const ok = await t.call('PATCH', '/api/me', { token, body: { nickname: '老李', phone: '13912345678' } })
    expect(ok.status).toBe(200)
    expect((await ok.json()).user).toMatchObject({ nickname: '老李', phoneMasked: '139****5678' })
    const bad = await t.call('PATCH', '/api/me', { token, body: { phone: '12345' } })
    expect(bad.status).toBe(400)
    const { error } = await bad.json()
    expect(error.details.fields[0]).toEqual({ path: 'phone', message: '请输入 11 位手机号' })
    const unknown = await t.call('PATCH', '/api/me', { token, body: { nickname: '老李', isAdmin: true } })
    expect(unknown.status).toBe(400)
    expect((await unknown.json()).error.message).toContain('isAdmin')
  })
})

describe('communities', () => {
  it('lists the demo communities with their counts', async () => {
    const { items } = await (await t.call('GET', '/api/communities', { token: await t.tokenFor('li') })).json()
    expect(items.map((c: { name: string }) => c.name)).toEqual(['民主社区', '文安路社区', '兴华社区'])
    const wenan = items.find((c: { code: string }) => c.code === 'WA')
    expect(wenan).toMatchObject({ streetName: '人民路街道', districtName: '中山区', buildingCount: 6, householdCount: 144 })
    expect(wenan.verifiedResidentCount).toBeGreaterThanOrEqual(2)
  })

  it('gives buildings with their units in order, then the rooms of one unit', async () => {
    const token = await t.tokenFor('li')
    const { items } = await (await t.call('GET', `/api/communities/${demo.community.wenan}/buildings`, { token })).json()
    expect(items.map((b: { name: string }) => b.name)).toEqual(['1号楼', '2号楼', '3号楼', '4号楼', '5号楼', '6号楼'])
    expect(items[2].units.map((u: { name: string }) => u.name)).toEqual(['1单元', '2单元'])
    const unitId = items[2].units[1].id
    const rooms = await (await t.call('GET', `/api/communities/${demo.community.wenan}/households?unitId=${unitId}`, { token })).json()
    expect(rooms.items).toHaveLength(12)
    expect(rooms.items[0].room).toBe('101')
    expect(rooms.items[0].areaM2).toBeGreaterThan(50)
  })

  it('404s an unknown community and a unit of another community (a malformed id is a 400)', async () => {
    const token = await t.tokenFor('li')
    expect((await t.call('GET', '/api/communities/00000000-0000-4000-8000-000000000000', { token })).status).toBe(404)
    expect((await t.call('GET', '/api/communities/not-an-id', { token })).status).toBe(400)
    const foreignUnit = demo.unit('minzhu', 1, 1)
    const res = await t.call('GET', `/api/communities/${demo.community.wenan}/households?unitId=${foreignUnit}`, { token })
    expect(res.status).toBe(404)
  })

  it('asks for a sign-in', async () => {
    expect((await t.call('GET', '/api/communities')).status).toBe(401)
  })
})
