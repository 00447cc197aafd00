import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type DemoKey, type TestApp } from '../helpers/app.js'
import { actOk, detail, raiseId, wenan } from '../helpers/concerns.js'
import { withoutIds } from '../helpers/scrub.js'

/**
 * Who sees what. 王秀英 (phone 13804110001, room 3号楼2单元302) raises an anonymous public concern
 * at her household and a private one; every role looks at them.
 */
let t: TestApp
let anonymousPublic: string
let named: string
let privateOne: string

beforeAll(async () => {
  t = await startTestApp()
  anonymousPublic = await raiseId(t, 'wang', {
    description: '我家楼上每天深夜拖动家具，噪声很大',
    category: 'noise',
    place: { kind: 'household', householdId: demo.household('wenan', 3, 2, '302') },
  })
  named = await raiseId(t, 'wang', { description: '建议在小区东门加装一个遮雨棚', anonymous: false, category: 'facilities' })
  privateOne = await raiseId(t, 'wang', {
    description: '我家与邻居因为漏水问题有纠纷，希望社区调解',
    category: 'dispute',
    visibility: 'private',
  })
  await actOk(t, 'liu', anonymousPublic, { action: 'accept' })
  await actOk(t, 'liu', anonymousPublic, { action: 'assign', assignee: { kind: 'partner', orgName: '安居物业' } })
})
afterAll(() => t?.close())

const secrets = ['王秀英', '13804110001', '138****0001', '302']

/**
 * The reply as text, with ids and timestamps blanked: a random uuid or a millisecond such as
 * `…-3021-…` or `.302Z` must not pass for the room number 302.
 */
async function text(who: DemoKey, path: string) {
  const res = await t.call('GET', path, { token: await t.tokenFor(who) })
  const body = await res.text()
  return { status: res.status, body: withoutIds(body), raw: body }
}

describe('an anonymous public concern', () => {
  it.each(['li', 'zhao', 'zhou', 'wu'] as const)('shows %s neither the author’s name, phone nor room', async (who) => {
    const { status, body, raw } = await text(who, `/api/concerns/${anonymousPublic}`)
    expect(status).toBe(200)
    for (const s of secrets) expect(body).not.toContain(s)
    expect(JSON.parse(raw).author.name).toBe('匿名居民')
    expect(JSON.parse(raw).placeLabel).toBe('3号楼 2单元')
  })

  it('shows the author as 我 with the full address', async () => {
    const d = JSON.parse((await text('wang', `/api/concerns/${anonymousPublic}`)).raw)
    expect(d.author.name).toBe('我')
    expect(d.placeLabel).toBe('3号楼 2单元 302室')
  })

  it.each(['liu', 'chen'] as const)('shows staff (%s) who raised it and where', async (who) => {
    const d = JSON.parse((await text(who, `/api/concerns/${anonymousPublic}`)).raw)
    expect(d.author.name).toBe('王秀英')
    expect(d.placeLabel).toBe('3号楼 2单元 302室')
    expect(JSON.stringify(d)).not.toContain('13804110001')
  })

  it('keeps the public board free of names, phones and rooms', async () => {
    for (const who of ['li', 'zhou'] as const) {
      const { body } = await text(who, `/api/communities/${wenan}/concerns?limit=50`)
      for (const s of secrets) expect(body).not.toContain(s)
    }
  })
})

describe('a named public concern', () => {
  it('shows other residents only a masked name', async () => {
    const d = JSON.parse((await text('li', `/api/concerns/${named}`)).raw)
    expect(d.author.name).toBe('王**')
  })
})

describe('a private concern', () => {
  it.each([
    ['another resident of the community', 'li', 404],
    ['a resident of another community', 'zhou', 404],
    ['a worker of another community', 'wu', 404],
    ['the partner it is not assigned to', 'anju', 404],
    ['the author', 'wang', 200],
    ['a worker of the community', 'liu', 200],
    ['the admin of the community', 'chen', 200],
  ] as const)('is visible to %s (%s): %i', async (_label, who, status) => {
    expect((await detail(t, who, privateOne)).status).toBe(status)
  })

  it('never appears on the public board, but does in the author’s own list and the staff inbox', async () => {
    const board = JSON.parse((await text('li', `/api/communities/${wenan}/concerns?limit=50`)).raw)
    expect(board.items.map((c: { id: string }) => c.id)).not.toContain(privateOne)
    const mine = JSON.parse((await text('wang', `/api/communities/${wenan}/concerns?scope=mine&limit=50`)).raw)
    expect(mine.items.map((c: { id: string }) => c.id)).toContain(privateOne)
    const inbox = JSON.parse((await text('liu', `/api/communities/${wenan}/inbox?limit=50`)).raw)
    expect(inbox.items.map((c: { id: string }) => c.id)).toContain(privateOne)
  })

  it('becomes visible to the partner once assigned to them', async () => {
    await actOk(t, 'liu', privateOne, { action: 'accept' })
    await actOk(t, 'liu', privateOne, { action: 'assign', assignee: { kind: 'partner', orgName: '安居物业' } })
    expect((await detail(t, 'anju', privateOne)).status).toBe(200)
  })

  it('cannot be co-signed or followed by those who may not see it', async () => {
    expect((await t.call('POST', `/api/concerns/${privateOne}/cosign`, { token: await t.tokenFor('li') })).status).toBe(404)
    expect((await t.call('POST', `/api/concerns/${privateOne}/follow`, { token: await t.tokenFor('zhou') })).status).toBe(404)
  })
})

describe('staff-only surfaces', () => {
  it.each([
    ['a resident', 'li', 403],
    ['a worker of another community', 'wu', 403],
    ['a partner (only their assignments)', 'anju', 200],
    ['a worker', 'liu', 200],
  ] as const)('the inbox for %s (%s): %i', async (_label, who, status) => {
    expect((await text(who, `/api/communities/${wenan}/inbox`)).status).toBe(status)
  })

  it.each(['li', 'anju', 'wu'] as const)('the assign directory refuses %s', async (who) => {
    expect((await text(who, `/api/communities/${wenan}/staff`)).status).toBe(403)
  })

  it('the directory lists workers and the partner organisations', async () => {
    const d = JSON.parse((await text('liu', `/api/communities/${wenan}/staff`)).raw)
    expect(d.workers.map((w: { name: string }) => w.name).sort()).toEqual(['刘网格', '陈书记', '马网格'])
    expect(d.partners).toEqual([{ orgName: '安居物业' }])
  })

  it.each([
    ['a resident', 'li', 403],
    ['the author', 'wang', 403],
    ['a worker of another community', 'wu', 403],
  ] as const)('refuses a transition by %s (%s): %i', async (_label, who, status) => {
    const res = await t.call('POST', `/api/concerns/${named}/transitions`, { token: await t.tokenFor(who), body: { action: 'accept' } })
    expect(res.status).toBe(status)
  })

  it('lets a partner act only on what is assigned to them', async () => {
    const res = await t.call('POST', `/api/concerns/${named}/transitions`, { token: await t.tokenFor('anju'), body: { action: 'start' } })
    expect(res.status).toBe(403)
  })
})
