import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { auditLog, notifications, pointsEntries } from '../../db/schema/index.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { makeResidents } from '../helpers/concerns.js'

/** 党员家庭代办站 (docs/decisions/034): stations, the errand lifecycle, who sees the contact, points once. */
let t: TestApp
const wenan = demo.community.wenan
const base = `/api/communities/${wenan}`
const json = async (res: Response) => (await res.json()) as Record<string, any>
const phone = '13912345678'
const ask = (over: Record<string, unknown> = {}) => ({
  kind: 'medicine',
  what: '帮忙去卫生站取降压药',
  when: '周三上午',
  buildingId: demo.building('wenan', 3),
  address: '3号楼2单元302',
  contactPhone: phone,
  ...over,
})
let tok: Record<'wang' | 'zhao' | 'liu' | 'chen' | 'zhou' | 'other' | 'plain', string>
let otherId = ''

async function call(method: string, path: string, who: keyof typeof tok, body?: unknown) {
  return t.call(method, path, { token: tok[who], body })
}
async function ok(method: string, path: string, who: keyof typeof tok, body?: unknown, status = 200) {
  const res = await call(method, path, who, body)
  if (res.status !== status) throw new Error(`${method} ${path} as ${who}: ${res.status} ${await res.text()}`)
  return json(res)
}
const balance = async (who: keyof typeof tok) => (await ok('GET', `${base}/points`, who)).balance as number

beforeAll(async () => {
  t = await startTestApp()
  const [other, plain] = await makeResidents(t, 2)
  tok = {
    wang: await t.tokenFor('wang'),
    zhao: await t.tokenFor('zhao'),
    liu: await t.tokenFor('liu'),
    chen: await t.tokenFor('chen'),
    zhou: await t.tokenFor('zhou'),
    other,
    plain,
  }
  otherId = (await ok('GET', '/api/me', 'other')).user.id
})
afterAll(async () => {
  await t?.close()
})

describe('代办站', () => {
  it('are set up by staff for a member of the community, one each, and listed without the helper to residents', async () => {
    const input = {
      helperId: otherId,
      name: '3号楼志愿者',
      label: 'volunteer',
      buildingIds: [demo.building('wenan', 3)],
      kinds: ['parcel'],
    }
    expect((await call('POST', `${base}/errand-stations`, 'wang', input)).status).toBe(403)
    const bad = await json(await call('POST', `${base}/errand-stations`, 'chen', { ...input, helperId: demo.user.zhou }))
    expect(bad.error).toMatchObject({ code: 'VALIDATION_FAILED', details: { fields: [{ path: 'helperId' }] } })
    const noKinds = await json(await call('POST', `${base}/errand-stations`, 'chen', { ...input, kinds: [] }))
    expect(noKinds.error.details.fields[0]).toMatchObject({ path: 'kinds', message: '请至少选择一项能帮的事' })
    const other = await ok('POST', `${base}/errand-stations`, 'chen', input, 201)
    expect(other).toMatchObject({ name: '3号楼志愿者', labelName: '志愿者', active: true, helper: { id: otherId } })
    expect((await call('POST', `${base}/errand-stations`, 'chen', input)).status).toBe(409)
    const seen = await ok('GET', `${base}/errand-stations`, 'wang')
    expect(seen.items.map((s: { name: string }) => s.name)).toEqual(['赵家党员代办站', '3号楼志愿者'])
    expect(seen.items.every((s: { helper: unknown }) => s.helper === null)).toBe(true)
    expect((await call('GET', `${base}/errand-stations`, 'zhou')).status).toBe(403)
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'errand_station.create'))
    expect(audit).toMatchObject({ subjectId: other.id, actorRole: 'admin' })
  })
})

describe('an errand', () => {
  it('asked, accepted, done and confirmed: the helper is paid once; the contact only to those who must see it', async () => {
    const asked = await ok('POST', `${base}/errands`, 'wang', ask(), 201)
    expect(asked).toMatchObject({ status: 'asked', mine: true, actions: ['cancel'], contact: { phone, address: '3号楼2单元302' } })
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, demo.user.zhao))
    expect(told.some((n) => n.title.includes('代取药'))).toBe(true)
    expect(told.some((n) => n.body.includes(phone) || n.body.includes('单元302'))).toBe(false)

    // Before accepting, a helper sees building, what and when — not the address or the phone.
    const open = await call('GET', `${base}/errands?scope=helper`, 'zhao')
    const text = await open.text()
    expect(text).toContain(asked.id)
    expect(text).not.toContain(phone)
    expect(text).not.toContain('单元302') // the room, not any '302' inside a random id
    const peek = await ok('GET', `/api/errands/${asked.id}`, 'zhao')
    expect(peek).toMatchObject({ contact: null, actions: ['accept'], building: { name: '3号楼' } })
    // The volunteer's station helps with parcels only: this errand is not theirs to see.
    expect((await call('GET', `/api/errands/${asked.id}`, 'other')).status).toBe(404)
    expect((await call('GET', `/api/errands/${asked.id}`, 'zhou')).status).toBe(404)
    expect((await call('GET', `/api/errands/${asked.id}`, 'plain')).status).toBe(404)
    expect((await ok('GET', `/api/errands/${asked.id}`, 'liu')).contact.phone).toBe(phone)

    const accepted = await ok('POST', `/api/errands/${asked.id}/accept`, 'zhao')
    expect(accepted).toMatchObject({
      status: 'accepted',
      helping: true,
      contact: { phone, name: '王秀英' },
      station: { name: '赵家党员代办站' },
    })
    expect((await call('POST', `/api/errands/${asked.id}/accept`, 'zhao')).status).toBe(409)
    expect((await call('POST', `/api/errands/${asked.id}/confirm`, 'wang', {})).status).toBe(409)
    expect((await call('POST', `/api/errands/${asked.id}/done`, 'wang')).status).toBe(403)
    const done = await ok('POST', `/api/errands/${asked.id}/done`, 'zhao')
    expect(done).toMatchObject({ status: 'done', actions: [] })
    expect((await call('POST', `/api/errands/${asked.id}/cancel`, 'wang')).status).toBe(409)

    // Confirming an errand one did not ask for: the helper, staff → 403.
    expect((await json(await call('POST', `/api/errands/${asked.id}/confirm`, 'zhao', {}))).error.code).toBe('FORBIDDEN')
    expect((await call('POST', `/api/errands/${asked.id}/confirm`, 'liu', {})).status).toBe(403)
    const before = await balance('wang')
    const zhaoBefore = (await t.database.db.select().from(pointsEntries).where(eq(pointsEntries.userId, demo.user.zhao))).length
    const confirmed = await ok('POST', `/api/errands/${asked.id}/confirm`, 'wang', { thanks: '谢谢小赵，药收到了！' })
    expect(confirmed).toMatchObject({ status: 'confirmed', thanks: '谢谢小赵，药收到了！', points: 10, actions: [] })
    expect((await call('POST', `/api/errands/${asked.id}/confirm`, 'wang', {})).status).toBe(409)
    const entries = await t.database.db
      .select()
      .from(pointsEntries)
      .where(and(eq(pointsEntries.userId, demo.user.zhao), eq(pointsEntries.sourceId, asked.id)))
    expect(entries).toMatchObject([{ amount: 10, kind: 'errand', createdBy: demo.user.wang }])
    expect((await t.database.db.select().from(pointsEntries).where(eq(pointsEntries.userId, demo.user.zhao))).length).toBe(zhaoBefore + 1)
    expect(await balance('wang')).toBe(before)
    const thanked = await t.database.db.select().from(notifications).where(eq(notifications.userId, demo.user.zhao))
    expect(thanked.some((n) => n.body.includes('谢谢小赵'))).toBe(true)
    const mine = await ok('GET', `${base}/errands`, 'wang')
    expect(mine.items[0]).toMatchObject({ id: asked.id, status: 'confirmed', statusLabel: '已确认完成' })
    // Each one's data export: the asker's errand with the contact she gave; the helper's without it.
    const wangExport = await ok('GET', '/api/me/export', 'wang')
    const askedRow = wangExport.errandsAsked.find((e: { what: string }) => e.what === asked.what)
    expect(askedRow).toMatchObject({ status: 'confirmed', thanks: '谢谢小赵，药收到了！', contactPhone: asked.contact.phone })
    const zhaoExport = await ok('GET', '/api/me/export', 'zhao')
    const ranRow = zhaoExport.errandsRun.find((e: { what: string }) => e.what === asked.what)
    expect(ranRow).toMatchObject({ status: 'confirmed', thanks: '谢谢小赵，药收到了！' })
    expect(JSON.stringify(zhaoExport.errandsRun)).not.toContain(asked.contact.phone)
    expect(zhaoExport.errandStations.map((s: { name: string }) => s.name)).toContain('赵家党员代办站')
  })

  it('refuses bad input by field, and a building of another community', async () => {
    const short = await json(await call('POST', `${base}/errands`, 'wang', ask({ what: '药' })))
    expect(short.error.details.fields[0]).toMatchObject({ path: 'what', message: '请至少用 4 个字说明要办的事' })
    const badPhone = await json(await call('POST', `${base}/errands`, 'wang', ask({ contactPhone: '123' })))
    expect(badPhone.error.details.fields[0]).toMatchObject({ path: 'contactPhone', message: '请输入手机号或座机号' })
    const elsewhere = await json(await call('POST', `${base}/errands`, 'wang', ask({ buildingId: demo.building('minzhu', 1) })))
    expect(elsewhere.error.details.fields[0]).toMatchObject({ path: 'buildingId' })
    expect((await call('POST', `${base}/errands`, 'zhou', ask())).status).toBe(403)
    expect((await call('POST', `${base}/errands`, 'liu', ask())).status).toBe(403)
  })

  it('is taken by one helper when two accept at once; the other loses sight of it', async () => {
    const asked = await ok('POST', `${base}/errands`, 'wang', ask({ kind: 'other', what: '帮忙把旧报纸搬到楼下回收点' }), 201)
    const both = await Promise.all([
      call('POST', `/api/errands/${asked.id}/accept`, 'zhao'),
      call('POST', `/api/errands/${asked.id}/accept`, 'other'),
    ])
    const statuses = both.map((r) => r.status).sort()
    expect(statuses[0]).toBe(200)
    expect([404, 409]).toContain(statuses[1])
    const winner = both[0].status === 200 ? 'zhao' : 'other'
    const loser = winner === 'zhao' ? 'other' : 'zhao'
    expect((await call('GET', `/api/errands/${asked.id}`, loser)).status).toBe(404)
    // The asker cancels after it was accepted: the helper is told.
    expect((await ok('POST', `/api/errands/${asked.id}/cancel`, 'wang')).status).toBe('cancelled')
    const helperId = winner === 'zhao' ? demo.user.zhao : otherId
    const told = await t.database.db.select().from(notifications).where(eq(notifications.userId, helperId))
    expect(told.some((n) => n.title.startsWith('代办已取消'))).toBe(true)
  })

  it('asked by a worker for a resident without a phone: named, confirmed by that worker, audited', async () => {
    const input = ask({
      residentName: '张奶奶',
      contactPhone: '0411-88886666',
      address: '4号楼1单元101',
      buildingId: demo.building('wenan', 4),
    })
    expect((await call('POST', `${base}/errands/on-behalf`, 'wang', input)).status).toBe(403)
    const noName = await json(await call('POST', `${base}/errands/on-behalf`, 'liu', ask()))
    expect(noName.error.details.fields[0]).toMatchObject({ path: 'residentName' })
    const asked = await ok('POST', `${base}/errands/on-behalf`, 'liu', input, 201)
    expect(asked).toMatchObject({ onBehalf: true, mine: true, contact: { name: '张奶奶', phone: '0411-88886666' } })
    expect((await ok('GET', `/api/errands/${asked.id}`, 'zhao')).contact).toBeNull()
    await ok('POST', `/api/errands/${asked.id}/accept`, 'zhao')
    expect((await ok('GET', `/api/errands/${asked.id}`, 'zhao')).contact.name).toBe('张奶奶')
    await ok('POST', `/api/errands/${asked.id}/done`, 'zhao')
    expect((await call('POST', `/api/errands/${asked.id}/confirm`, 'chen', {})).status).toBe(403)
    expect((await ok('POST', `/api/errands/${asked.id}/confirm`, 'liu', {})).points).toBe(10)
    const staffList = await ok('GET', `${base}/errands?scope=staff`, 'chen')
    expect(staffList.items.find((e: { id: string }) => e.id === asked.id).contact.phone).toBe('0411-88886666')
    expect((await call('GET', `${base}/errands?scope=staff`, 'wang')).status).toBe(403)
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'errand.ask_on_behalf'))
    expect(audit).toMatchObject({ subjectId: asked.id, actorRole: 'worker' })
  })

  it('stops reaching a station staff turn off', async () => {
    const stations = await ok('GET', `${base}/errand-stations`, 'chen')
    const zhao = stations.items.find((s: { name: string }) => s.name === '赵家党员代办站')
    expect((await call('PATCH', `/api/errand-stations/${zhao.id}`, 'wang', { active: false })).status).toBe(403)
    expect((await call('PATCH', `/api/errand-stations/${zhao.id}`, 'zhou', { active: false })).status).toBe(404)
    expect((await call('PATCH', `/api/errand-stations/${zhao.id}`, 'chen', {})).status).toBe(400)
    expect((await ok('PATCH', `/api/errand-stations/${zhao.id}`, 'chen', { active: false })).active).toBe(false)
    const asked = await ok('POST', `${base}/errands`, 'wang', ask({ what: '帮忙取一下快递柜的包裹', kind: 'groceries' }), 201)
    expect((await call('GET', `/api/errands/${asked.id}`, 'zhao')).status).toBe(404)
    expect((await ok('GET', `${base}/errands?scope=helper`, 'zhao')).items.some((e: { id: string }) => e.id === asked.id)).toBe(false)
    expect((await call('GET', `${base}/errands?scope=helper`, 'plain')).status).toBe(403)
    await ok('PATCH', `/api/errand-stations/${zhao.id}`, 'chen', { active: true })
  })

  it('loses its door and phone when the asker deletes the account, and an open one is cancelled', async () => {
    const asked = await ok(
      'POST',
      `${base}/errands`,
      'plain',
      ask({ buildingId: demo.building('wenan', 1), address: '1号楼1单元101' }),
      201,
    )
    await ok('DELETE', '/api/me', 'plain', { confirm: '注销' })
    const seen = await ok('GET', `/api/errands/${asked.id}`, 'liu')
    expect(seen).toMatchObject({ status: 'cancelled', contact: { address: '', phone: '', name: '已注销用户' } })
  })
})
