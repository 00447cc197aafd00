import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

const room = (r: string) => demo.household('wenan', 1, 1, r)

async function claim(who: 'li' | 'wang' | 'zhou', householdId: string, relation = 'owner') {
  return t.call('POST', '/api/residency/claims', { token: await t.tokenFor(who), body: { householdId, relation } })
}

describe('a resident claims a household and a worker verifies it', () => {
  it('goes from pending to verified, and the resident then counts as verified', async () => {
    const li = await t.tokenFor('li')
    const before = await (await t.call('GET', '/api/me', { token: li })).json()
    expect(before.households).toEqual([])

    const res = await claim('li', room('101'))
    expect(res.status).toBe(201)
    const submitted = await res.json()
    expect(submitted).toMatchObject({ status: 'pending', address: '1号楼 1单元 101室', relation: 'owner', communityName: '文安路社区' })

    const worker = await t.tokenFor('liu')
    const queue = await (await t.call('GET', `/api/communities/${demo.community.wenan}/residency/claims`, { token: worker })).json()
    const mine = queue.items.find((c: { id: string }) => c.id === submitted.id)
    expect(mine.claimant.nickname).toBe('李建国')

    const approved = await t.call('POST', `/api/residency/claims/${submitted.id}/approve`, { token: worker })
    expect(approved.status).toBe(200)
    expect(await approved.json()).toMatchObject({ status: 'verified', reviewerName: '刘网格' })

    const after = await (await t.call('GET', '/api/me', { token: li })).json()
    expect(after.households).toEqual([
      expect.objectContaining({ householdId: room('101'), communityId: demo.community.wenan, address: '1号楼 1单元 101室' }),
    ])
    expect(after.memberships).toEqual([expect.objectContaining({ communityName: '文安路社区', role: 'resident' })])

    // 李建国 is told, in his notices, without having to look.
    const notices = await (await t.call('GET', '/api/notifications', { token: li })).json()
    expect(notices.items[0]).toMatchObject({ title: '房屋认证已通过', body: expect.stringContaining('1号楼 1单元 101室已认证') })
  })

  it('rejects with a reason the resident then sees', async () => {
    const submitted = await (await claim('li', room('102'), 'tenant')).json()
    const worker = await t.tokenFor('liu')
    const noReason = await t.call('POST', `/api/residency/claims/${submitted.id}/reject`, { token: worker, body: { reason: '' } })
    expect(noReason.status).toBe(400)
    expect((await noReason.json()).error.message).toMatch(/原因/)
    const rejected = await t.call('POST', `/api/residency/claims/${submitted.id}/reject`, {
      token: worker,
      body: { reason: '租赁合同信息不一致' },
    })
    expect(rejected.status).toBe(200)
    const mine = await (await t.call('GET', '/api/residency/claims/mine', { token: await t.tokenFor('li') })).json()
    expect(mine.items.find((c: { id: string }) => c.id === submitted.id)).toMatchObject({
      status: 'rejected',
      reason: '租赁合同信息不一致',
    })
    const notices = await (await t.call('GET', '/api/notifications', { token: await t.tokenFor('li') })).json()
    expect(notices.items[0]).toMatchObject({ title: '房屋认证未通过', body: expect.stringContaining('租赁合同信息不一致') })
  })

  it('decides a claim once: a second approval is a 409', async () => {
    const submitted = await (await claim('li', room('201'))).json()
    const worker = await t.tokenFor('chen')
    expect((await t.call('POST', `/api/residency/claims/${submitted.id}/approve`, { token: worker })).status).toBe(200)
    const again = await t.call('POST', `/api/residency/claims/${submitted.id}/reject`, { token: worker, body: { reason: '重复审核' } })
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('CLAIM_NOT_PENDING')
  })

  it('files one claim when the same claim is sent ten times at once', async () => {
    const replies = await Promise.all(Array.from({ length: 10 }, () => claim('li', room('202'))))
    const statuses = replies.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(9)
    const mine = await (await t.call('GET', '/api/residency/claims/mine', { token: await t.tokenFor('li') })).json()
    expect(mine.items.filter((c: { householdId: string }) => c.householdId === room('202'))).toHaveLength(1)
  })

  it('says the household is already verified when a verified resident claims it again', async () => {
    const res = await claim('wang', demo.household('wenan', 3, 2, '302'))
    expect(res.status).toBe(409)
    expect((await res.json()).error).toMatchObject({ code: 'CLAIM_ALREADY_VERIFIED', message: '您已是该房屋的认证居民' })
  })

  it('lets the resident withdraw a pending claim, but not twice', async () => {
    const submitted = await (await claim('li', room('301'))).json()
    const li = await t.tokenFor('li')
    expect((await t.call('POST', `/api/residency/claims/${submitted.id}/withdraw`, { token: li })).status).toBe(200)
    expect((await t.call('POST', `/api/residency/claims/${submitted.id}/withdraw`, { token: li })).status).toBe(409)
    // …and someone else cannot even see it exists.
    const other = await t.call('POST', `/api/residency/claims/${submitted.id}/withdraw`, { token: await t.tokenFor('wang') })
    expect(other.status).toBe(404)
  })

  it('pages the staff queue with a cursor, oldest first, without repeats', async () => {
    const rooms = ['401', '402', '501', '502', '601']
    for (const r of rooms) expect((await claim('li', room(r))).status).toBe(201)
    const worker = await t.tokenFor('liu')
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const q: string = `/api/communities/${demo.community.wenan}/residency/claims?limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const pageBody: { items: { id: string; address: string }[]; nextCursor: string | null } = await (
        await t.call('GET', q, { token: worker })
      ).json()
      expect(pageBody.items.length).toBeLessThanOrEqual(2)
      seen.push(...pageBody.items.map((i) => i.address))
      cursor = pageBody.nextCursor
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    const ours = seen.filter((a) => rooms.some((r) => a.endsWith(`${r}室`)) && a.startsWith('1号楼 1单元'))
    expect(ours).toEqual(rooms.map((r) => `1号楼 1单元 ${r}室`))
  })

  it('refuses a bad cursor with a clear message', async () => {
    const res = await t.call('GET', `/api/communities/${demo.community.wenan}/residency/claims?cursor=garbage`, {
      token: await t.tokenFor('liu'),
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toMatch(/cursor/)
  })
})

describe('membership follows verification', () => {
  it('a pending, rejected or withdrawn claim grants nothing in the community; a verified one grants it at once', async () => {
    const [person] = await t.database.db
      .insert(users)
      .values({ nickname: '新邻居', demoNote: 'membership test' })
      .returning({ id: users.id })
    const newcomer = ((await (await t.call('POST', '/api/auth/dev', { body: { userId: person.id } })).json()) as { token: string }).token
    const raise = () =>
      t.call('POST', '/api/concerns', {
        token: newcomer,
        body: {
          communityId: demo.community.wenan,
          category: 'other',
          description: '小区门口的宣传栏玻璃碎了',
          place: { kind: 'text', text: '东门' },
        },
      })
    const sessions = () => t.call('GET', `/api/communities/${demo.community.wenan}/sessions`, { token: newcomer })
    const submit = async (r: string) =>
      (
        await t.call('POST', '/api/residency/claims', {
          token: newcomer,
          body: { householdId: demo.household('wenan', 2, 2, r), relation: 'tenant' },
        })
      ).json()

    const withdrawn = await submit('601')
    await t.call('POST', `/api/residency/claims/${withdrawn.id}/withdraw`, { token: newcomer })
    const rejected = await submit('602')
    await t.call('POST', `/api/residency/claims/${rejected.id}/reject`, { token: await t.tokenFor('liu'), body: { reason: '材料不全' } })
    const pending = await submit('401')
    for (const res of [await raise(), await sessions()]) {
      expect(res.status).toBe(403)
    }
    expect((await (await t.call('GET', '/api/me', { token: newcomer })).json()).memberships).toEqual([])

    await t.call('POST', `/api/residency/claims/${pending.id}/approve`, { token: await t.tokenFor('liu') })
    expect((await raise()).status).toBe(201)
    expect((await sessions()).status).toBe(200)
    expect((await (await t.call('GET', '/api/me', { token: newcomer })).json()).memberships).toEqual([
      { communityId: demo.community.wenan, communityName: '文安路社区', streetName: '人民路街道', role: 'resident', orgName: null },
    ])
  })
})

describe('who may review', () => {
  it.each([
    ['a resident', 'wang'],
    ['a partner (物业)', 'anju'],
    ['a worker of another community', 'wu'],
  ] as const)('%s may neither list nor decide claims', async (_label, who) => {
    const submitted = await (await claim('li', room('602'))).json()
    const token = await t.tokenFor(who)
    const list = await t.call('GET', `/api/communities/${demo.community.wenan}/residency/claims`, { token })
    expect(list.status).toBe(403)
    expect((await list.json()).error.code).toBe('FORBIDDEN')
    // Someone else's claim is not theirs to know of: 404, as for a claim that does not exist.
    expect((await t.call('POST', `/api/residency/claims/${submitted.id}/approve`, { token })).status).toBe(404)
    const still = await (await t.call('GET', '/api/residency/claims/mine', { token: await t.tokenFor('li') })).json()
    expect(still.items.find((c: { id: string }) => c.id === submitted.id).status).toBe('pending')
    await t.call('POST', `/api/residency/claims/${submitted.id}/withdraw`, { token: await t.tokenFor('li') })
  })

  it('a claimant sees their own claim but may not approve it (403)', async () => {
    const submitted = await (await claim('li', demo.household('wenan', 2, 2, '501'))).json()
    const res = await t.call('POST', `/api/residency/claims/${submitted.id}/approve`, { token: await t.tokenFor('li') })
    expect(res.status).toBe(403)
    await t.call('POST', `/api/residency/claims/${submitted.id}/withdraw`, { token: await t.tokenFor('li') })
  })

  it('an admin of the community may review', async () => {
    const res = await t.call('GET', `/api/communities/${demo.community.wenan}/residency/claims?status=verified`, {
      token: await t.tokenFor('chen'),
    })
    expect(res.status).toBe(200)
    expect((await res.json()).items.length).toBeGreaterThan(0)
  })

  it('a claim on a household that does not exist is a 404', async () => {
    const res = await claim('li', '00000000-0000-4000-8000-000000000000')
    expect(res.status).toBe(404)
  })

  it('an unknown relation names the field', async () => {
    const res = await claim('li', room('101'), 'landlord')
    expect(res.status).toBe(400)
    const { error } = await res.json()
    expect(error.details.fields[0].path).toBe('relation')
  })
})
