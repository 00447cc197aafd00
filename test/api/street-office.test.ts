import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { communities, streetMemberships, streets, users } from '../../db/schema/index.js'
import { demo, seedId } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { actOk, detail, raiseId, uploadId, wenan } from '../helpers/concerns.js'

/**
 * The street office end to end: a concern goes to its building's grid, the grid worker signs for
 * it, arrives and resolves it against the category's limits, overdue milestones are listed and
 * told once, and the 三率 of the community and the street follow every step — with who may see what.
 */
let t: TestApp
let clock = new Date('2026-11-23T01:00:00Z').getTime() // Monday 09:00 in Beijing
const minute = 60_000
const cron = 'cron-secret-for-tests-0123'
const otherStreet = seedId('street', '中山路街道')
const otherOfficial = seedId('user', 'official-elsewhere')

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock), env: { CRON_SECRET: cron } })
  const { db } = t.database
  await db.insert(streets).values({ id: otherStreet, districtId: demo.districtId, name: '中山路街道' })
  await db.insert(communities).values({ id: seedId('community', 'ZS'), streetId: otherStreet, name: '中山社区', code: 'ZS' })
  await db.insert(users).values({ id: otherOfficial, nickname: '李街道', demoNote: '别的街道' })
  await db.insert(streetMemberships).values({ userId: otherOfficial, streetId: otherStreet, role: 'street_admin' })
})
afterAll(async () => {
  await t?.close()
})

async function get(who: Parameters<TestApp['tokenFor']>[0] | null, path: string) {
  return t.call('GET', path, who ? { token: await t.tokenFor(who) } : {})
}

async function otherToken() {
  const res = await t.call('POST', '/api/auth/dev', { body: { userId: otherOfficial } })
  return ((await res.json()) as { token: string }).token
}

async function tick() {
  const res = await t.call('GET', '/api/jobs/tick', { headers: { authorization: `Bearer ${cron}` } })
  expect(res.status).toBe(200)
  return (await res.json()) as { overdue: number }
}

async function notificationTitles(who: Parameters<TestApp['tokenFor']>[0]) {
  const body = await (await get(who, '/api/notifications')).json()
  return (body.items as { title: string }[]).map((n) => n.title)
}

const month = 'from=2026-11-01&to=2026-11-30'

describe('dispatch and milestones', () => {
  it('sends a broken light in 3号楼 to the first grid: 刘网格 signs, arrives with a photo and resolves, each step timed', async () => {
    const id = await raiseId(t, 'wang', { category: 'utilities', description: '3号楼2单元楼道的灯不亮了，晚上看不见台阶' })
    const raised = await (await detail(t, 'wang', id)).json()
    expect(raised.gridId).toBe(demo.grid('wenan-1'))
    // The grid counts it as open (the count once compared the concern's grid with the concern's own id: always 0).
    const gridList = await (await t.call('GET', `/api/communities/${wenan}/grids`, { token: await t.tokenFor('liu') })).json()
    expect(gridList.items.find((g: { id: string }) => g.id === demo.grid('wenan-1')).openConcernCount).toBeGreaterThanOrEqual(1)
    expect(raised.milestones.map((m: { milestone: string; standing: string }) => [m.milestone, m.standing])).toEqual([
      ['acknowledge', 'waiting'],
      ['arrive', 'waiting'],
      ['resolve', 'waiting'],
    ])
    expect(raised.milestones[0].dueAt).toBe('2026-11-23T01:20:00.000Z') // 水电气热: 签收 within 20 minutes
    expect((await notificationTitles('liu')).some((title) => title.startsWith('新诉求'))).toBe(true)
    expect((await notificationTitles('ma')).some((title) => title.startsWith('新诉求'))).toBe(false)

    clock += 5 * minute
    const signed = await (await t.call('POST', `/api/concerns/${id}/acknowledge`, { token: await t.tokenFor('liu'), body: {} })).json()
    expect(signed).toMatchObject({ status: 'accepted', assignee: '社区工作者 刘网格' })
    expect(signed.milestones[1].dueAt).toBe('2026-11-23T01:25:00.000Z') // 到场 20 minutes after 签收
    expect(signed.milestones[2].dueAt).toBe('2026-11-23T01:55:00.000Z') // 办结 30 minutes after the arrival limit

    clock += 10 * minute
    const photo = await uploadId(t, 'liu')
    const arrive = await t.call('POST', `/api/concerns/${id}/arrive`, {
      token: await t.tokenFor('liu'),
      body: { note: '已到现场，灯管烧了', photoIds: [photo] },
    })
    expect(arrive.status).toBe(200)
    const arrived = await arrive.json()
    expect(arrived.status).toBe('in_progress')
    expect(arrived.timeline.at(-1)).toMatchObject({ action: 'arrive', label: '工作人员已到场' })
    expect(arrived.timeline.at(-1).photos).toHaveLength(1)
    const again = await t.call('POST', `/api/concerns/${id}/arrive`, { token: await t.tokenFor('liu'), body: {} })
    expect(again.status).toBe(409)
    expect((await again.json()).error.code).toBe('MILESTONE_NOT_ALLOWED')

    clock += 20 * minute
    await actOk(t, 'liu', id, { action: 'resolve', note: '换了新灯管', photoIds: [await uploadId(t, 'liu')] })
    const done = await (await detail(t, 'liu', id)).json()
    expect(done.milestones.map((m: { standing: string }) => m.standing)).toEqual(['on_time', 'on_time', 'on_time'])

    clock += minute
    const rated = await t.call('POST', `/api/concerns/${id}/rating`, { token: await t.tokenFor('wang'), body: { rating: 5 } })
    expect(rated.status).toBe(200)

    const figures = await (await get('chen', `/api/kpis?scope=community&id=${wenan}&${month}`)).json()
    expect(figures.counts).toMatchObject({
      received: 1,
      acknowledged: 1,
      ackOnTime: 1,
      due: 1,
      resolvedNotReopened: 1,
      onTime: 1,
      rated: 1,
    })
    expect(figures.rates.response).toMatchObject({ num: '1', den: '1', percent: '100.0%' })
    expect(figures.rates.satisfaction.percent).toBe('100.0%')
    expect(figures.medians.ackMinutes).toMatchObject({ sample: 1, low: 5, high: 10 })
    const grid = await (await get('chen', `/api/kpis?scope=grid&id=${demo.grid('wenan-1')}&${month}`)).json()
    expect(grid.scope).toMatchObject({ kind: 'grid', name: '第一网格' })
    expect(grid.counts.received).toBe(1)
    const worker = await (await get('chen', `/api/kpis?scope=worker&id=${demo.user.liu}&${month}`)).json()
    expect(worker.counts.onTime).toBe(1)
  })

  it('sends a concern with no grid to the community inbox and tells all its staff', async () => {
    const id = await raiseId(t, 'wang', {
      place: { kind: 'text', text: '小区东门外' },
      description: '东门外人行道的地砖翘起来了，容易绊倒',
    })
    expect((await (await detail(t, 'liu', id)).json()).gridId).toBeNull()
    const titles = await notificationTitles('chen')
    expect(titles.filter((title) => title.startsWith('新诉求')).length).toBeGreaterThanOrEqual(1)
  })

  it('lists an overdue 签收 for the community and the street, tells the worker and the admin once', async () => {
    const id = await raiseId(t, 'wang', { category: 'safety', description: '3号楼消防通道被电动车堵住了' })
    clock += 25 * minute
    const first = await tick()
    expect(first.overdue).toBeGreaterThanOrEqual(1)
    expect((await tick()).overdue).toBe(0)
    expect((await notificationTitles('liu')).some((title) => title.endsWith('签收已超时'))).toBe(true)
    expect((await notificationTitles('chen')).some((title) => title.endsWith('签收已超时'))).toBe(true)

    const listed = await (await get('chen', `/api/overdue?communityId=${wenan}`)).json()
    const item = listed.items.find((i: { concernId: string }) => i.concernId === id)
    expect(item).toMatchObject({ milestone: 'acknowledge', milestoneLabel: '签收', minutesLate: 5, grid: { name: '第一网格' } })
    expect(item.text).toBe('签收已超时 5 分钟')
    const street = await (await get('wangjd', `/api/overdue?streetId=${demo.streetId}&milestone=acknowledge`)).json()
    expect(street.items.map((i: { concernId: string }) => i.concernId)).toContain(id)
    expect((await get('wang', `/api/overdue?communityId=${wenan}`)).status).toBe(403)
    expect((await t.call('GET', `/api/overdue?streetId=${demo.streetId}`, { token: await otherToken() })).status).toBe(403)
    const both = await get('chen', `/api/overdue?communityId=${wenan}&streetId=${demo.streetId}`)
    expect(both.status).toBe(400)
    expect((await both.json()).error.details.fields[0].path).toBe('communityId')
  })
})

describe('grids and limits', () => {
  it('creates, renames, reassigns and deletes a grid; a building already in a grid is refused by name', async () => {
    const token = await t.tokenFor('liu')
    const taken = await t.call('POST', `/api/communities/${wenan}/grids`, {
      token,
      body: { name: '第三网格', buildingIds: [demo.building('wenan', 3)] },
    })
    expect(taken.status).toBe(409)
    expect((await taken.json()).error).toMatchObject({ code: 'GRID_BUILDING_TAKEN', message: expect.stringContaining('3号楼') })
    const notStaff = await t.call('POST', `/api/communities/${wenan}/grids`, {
      token,
      body: { name: '第三网格', workerIds: [demo.user.wang] },
    })
    expect(notStaff.status).toBe(400)
    expect((await notStaff.json()).error.details.fields[0].path).toBe('workerIds')

    await t.call('PATCH', `/api/grids/${demo.grid('wenan-2')}`, { token, body: { buildingIds: [demo.building('wenan', 4)] } })
    const created = await t.call('POST', `/api/communities/${wenan}/grids`, {
      token,
      body: { name: '第三网格', buildingIds: [demo.building('wenan', 5), demo.building('wenan', 6)], workerIds: [demo.user.chen] },
    })
    expect(created.status).toBe(201)
    const grid = await created.json()
    expect(grid.buildings.map((b: { name: string }) => b.name)).toEqual(['5号楼', '6号楼'])
    const renamed = await (await t.call('PATCH', `/api/grids/${grid.id}`, { token, body: { name: '南区网格' } })).json()
    expect(renamed.name).toBe('南区网格')

    const list = await (await get('wangjd', `/api/communities/${wenan}/grids`)).json()
    expect(list.items.map((g: { name: string }) => g.name)).toEqual(['南区网格', '第一网格', '第二网格'])
    expect(list.unassignedBuildings).toEqual([])
    expect((await get('wang', `/api/communities/${wenan}/grids`)).status).toBe(403)
    expect(
      (await t.call('POST', `/api/communities/${wenan}/grids`, { token: await t.tokenFor('wangjd'), body: { name: 'x' } })).status,
    ).toBe(403)

    expect((await t.call('DELETE', `/api/grids/${grid.id}`, { token })).status).toBe(200)
    const after = await (await get('liu', `/api/communities/${wenan}/grids`)).json()
    expect(after.unassignedBuildings.map((b: { name: string }) => b.name)).toEqual(['5号楼', '6号楼'])
    expect((await t.call('DELETE', `/api/grids/${grid.id}`, { token })).status).toBe(404)
  })

  it('lets the admin set the community limits; residents read them; a worker may not change them', async () => {
    const body = { overrides: { facilities: { acknowledge: { unit: 'minutes', amount: 120 } } } }
    expect((await t.call('PUT', `/api/communities/${wenan}/limits`, { token: await t.tokenFor('liu'), body })).status).toBe(403)
    const set = await t.call('PUT', `/api/communities/${wenan}/limits`, { token: await t.tokenFor('chen'), body })
    expect(set.status).toBe(200)
    const limits = await (await get('wang', `/api/communities/${wenan}/limits`)).json()
    const facilities = limits.categories.find((c: { category: string }) => c.category === 'facilities')
    expect(facilities).toMatchObject({ acknowledge: { unit: 'minutes', amount: 120 }, isDefault: false })
    expect(facilities.text).toContain('签收：反映后 120 分钟内')
    const id = await raiseId(t, 'wang')
    const raised = await (await detail(t, 'wang', id)).json()
    expect(new Date(raised.milestones[0].dueAt).getTime() - new Date(raised.createdAt).getTime()).toBe(120 * minute)
    const bad = await t.call('PUT', `/api/communities/${wenan}/limits`, {
      token: await t.tokenFor('chen'),
      body: { overrides: { facilities: { acknowledge: { unit: 'minutes', amount: 0 } } } },
    })
    expect(bad.status).toBe(400)
  })
})

describe('the 三率 API', () => {
  it('shows the street its communities ranked, with samples, and units under the minimum apart', async () => {
    const res = await get('wangjd', `/api/kpis/ranking?street=${demo.streetId}&level=community&${month}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.ranked).toEqual([])
    expect(body.apart.map((a: { unit: { name: string } }) => a.unit.name)).toEqual(
      expect.arrayContaining(['文安路社区', '民主社区', '兴华社区']),
    )
    expect(body.apart.find((a: { unit: { name: string } }) => a.unit.name === '文安路社区').reason).toContain('样本不足')

    const settings = await t.call('PUT', `/api/streets/${demo.streetId}/settings`, {
      token: await t.tokenFor('wangjd'),
      body: { weights: { response: 30, resolution: 35, satisfaction: 35 }, basicSatisfiedPercent: 80, minSample: 1 },
    })
    expect(settings.status).toBe(200)
    const ranked = await (await get('wangjd', `/api/kpis/ranking?street=${demo.streetId}&level=community&${month}`)).json()
    expect(ranked.ranked.map((r: { unit: { name: string } }) => r.unit.name)).toEqual(['文安路社区'])
    expect(ranked.formula.join('\n')).toContain('0.3 × 响应率')
    const streetFigures = await (await get('wangjd', `/api/kpis?scope=street&id=${demo.streetId}&${month}`)).json()
    expect(streetFigures.counts.received).toBeGreaterThanOrEqual(4)
    expect(streetFigures.settings.minSample).toBe(1)
    const read = await (await get('chen', `/api/streets/${demo.streetId}/settings`)).json()
    expect(read.weights).toEqual({ response: 30, resolution: 35, satisfaction: 35 })
    const { formula: _formula, ...input } = read
    expect((await t.call('PUT', `/api/streets/${demo.streetId}/settings`, { token: await t.tokenFor('chen'), body: input })).status).toBe(
      403,
    )
    const sum = await t.call('PUT', `/api/streets/${demo.streetId}/settings`, {
      token: await t.tokenFor('wangjd'),
      body: { weights: { response: 30, resolution: 35, satisfaction: 30 }, basicSatisfiedPercent: 80, minSample: 1 },
    })
    expect(sum.status).toBe(400)
    expect((await sum.json()).error.details.fields[0].path).toBe('weights.satisfaction')
  })

  it('lists exactly the concerns behind a figure', async () => {
    const base = `/api/kpis/concerns?scope=community&id=${wenan}&${month}`
    const figures = await (await get('chen', `/api/kpis?scope=community&id=${wenan}&${month}`)).json()
    const all = await (await get('chen', `${base}&measure=response&limit=2`)).json()
    expect(all.total).toBe(figures.counts.received)
    const hits = await (await get('chen', `${base}&measure=response&outcome=hit`)).json()
    expect(hits.total).toBe(figures.counts.ackOnTime)
    expect(hits.items.every((i: { hit: boolean }) => i.hit)).toBe(true)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await (await get('chen', `${base}&measure=response&limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json()
      seen.push(...page.items.map((i: { id: string }) => i.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(new Set(seen).size).toBe(figures.counts.received)
  })

  it('answers bad input with 404 for unknown units, 400 naming the field, 403 for other streets and communities', async () => {
    const chen = await t.tokenFor('chen')
    const call = (path: string, token = chen) => t.call('GET', path, { token })
    expect((await call(`/api/kpis?scope=district&id=${wenan}&${month}`)).status).toBe(404)
    expect((await call(`/api/kpis?scope=community&id=00000000-0000-4000-8000-000000000000&${month}`)).status).toBe(404)
    expect((await call(`/api/kpis?scope=partner&id=不存在的物业&${month}`)).status).toBe(404)
    const long = await call(`/api/kpis?scope=community&id=${wenan}&from=2020-01-01&to=2023-01-01`)
    expect(long.status).toBe(400)
    expect((await long.json()).error.details.fields[0]).toMatchObject({ path: 'to', message: expect.stringContaining('3 年') })
    const reversed = await call(`/api/kpis?scope=community&id=${wenan}&from=2026-11-30&to=2026-11-01`)
    expect((await reversed.json()).error.details.fields[0].path).toBe('to')
    expect((await call(`/api/kpis?scope=community&id=${demo.community.minzhu}&${month}`)).status).toBe(403)
    expect((await call(`/api/kpis?scope=street&id=${demo.streetId}&${month}`)).status).toBe(403)
    expect((await call(`/api/kpis/ranking?street=${demo.streetId}&level=grid&${month}`)).status).toBe(403)
    const partner = await call(`/api/kpis?scope=partner&id=安居物业&${month}`)
    expect(partner.status).toBe(200)
    const other = await otherToken()
    expect((await call(`/api/kpis?scope=community&id=${wenan}&${month}`, other)).status).toBe(403)
    expect((await call(`/api/kpis/ranking?street=${demo.streetId}&level=community&${month}`, other)).status).toBe(403)
    expect((await call(`/api/kpis?scope=community&id=${wenan}&${month}`, await t.tokenFor('wang'))).status).toBe(403)
    expect((await call(`/api/kpis?scope=community&id=${wenan}&${month}`, await t.tokenFor('anju'))).status).toBe(403)
    expect((await t.call('GET', `/api/kpis?scope=community&id=${wenan}&${month}`)).status).toBe(401)
    expect((await call(`/api/kpis?scope=community&id=${wenan}&${month}`, await t.tokenFor('wangjd'))).status).toBe(200)
    const grids = await call(`/api/kpis/ranking?street=${demo.streetId}&level=worker&${month}`, await t.tokenFor('wangjd'))
    expect(grids.status).toBe(200)
  })
})
