import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { actOk, raiseId, uploadId, wenan } from '../helpers/concerns.js'

/**
 * The 三率 page's 分项 and trend: a community's figures split by grid, worker, partner and category,
 * and its last twelve months — each row's figures equal the concerns behind it, and each row says
 * where its drill-down leads.
 */
let t: TestApp
let clock = new Date('2026-11-23T01:00:00Z').getTime() // Monday 09:00 in Beijing
const minute = 60_000
const month = 'from=2026-11-01&to=2026-11-30'

async function get(who: Parameters<TestApp['tokenFor']>[0], path: string) {
  return t.call('GET', path, { token: await t.tokenFor(who) })
}

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock) })
  // A light in 3号楼 (第一网格, 刘网格): signed, arrived, resolved, rated 5.
  const light = await raiseId(t, 'wang', { category: 'utilities', description: '3号楼2单元楼道的灯不亮了，晚上看不见台阶' })
  clock += 5 * minute
  expect((await t.call('POST', `/api/concerns/${light}/acknowledge`, { token: await t.tokenFor('liu'), body: {} })).status).toBe(200)
  clock += 5 * minute
  expect((await t.call('POST', `/api/concerns/${light}/arrive`, { token: await t.tokenFor('liu'), body: {} })).status).toBe(200)
  clock += 5 * minute
  await actOk(t, 'liu', light, { action: 'resolve', note: '换了新灯管', photoIds: [await uploadId(t, 'liu')] })
  expect((await t.call('POST', `/api/concerns/${light}/rating`, { token: await t.tokenFor('wang'), body: { rating: 5 } })).status).toBe(200)
  // Noise in 5号楼 (第二网格): received, not yet answered.
  await raiseId(t, 'zhao', {
    category: 'noise',
    description: '5号楼楼下商铺晚上十一点还在放音乐，吵得睡不着',
    place: { kind: 'building', buildingId: demo.building('wenan', 5) },
  })
})
afterAll(async () => {
  await t?.close()
})

describe('GET /api/kpis/breakdown', () => {
  it('splits the community by grid: each grid with its sample, its four figures and the grid to open', async () => {
    const res = await get('chen', `/api/kpis/breakdown?scope=community&id=${wenan}&by=grid&${month}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ by: 'grid', scope: { kind: 'community', name: '文安路社区' }, period: { label: '2026年11月' } })
    const rows = Object.fromEntries(body.rows.map((r: { unit: { name: string } }) => [r.unit.name, r]))
    expect(rows.第一网格).toMatchObject({
      sample: 1,
      rates: { response: { num: '1', den: '1', percent: '100.0%' }, satisfaction: { percent: '100.0%' } },
      drill: { scope: 'grid', id: demo.grid('wenan-1'), category: null },
    })
    expect(rows.第二网格).toMatchObject({ sample: 1, rates: { satisfaction: { den: '0', percent: '—' } } })
    expect(body.formula.length).toBeGreaterThan(0)
  })

  it('splits by category, each row opening the community within that category; the drill-down count equals the row', async () => {
    const body = await (await get('chen', `/api/kpis/breakdown?scope=community&id=${wenan}&by=category&${month}`)).json()
    const utilities = body.rows.find((r: { unit: { id: string } }) => r.unit.id === 'utilities')
    expect(utilities).toMatchObject({
      unit: { name: '水电气热' },
      sample: 1,
      drill: { scope: 'community', id: wenan, category: 'utilities' },
    })
    const d = utilities.drill
    const list = await (
      await get('chen', `/api/kpis/concerns?scope=${d.scope}&id=${d.id}&category=${d.category}&${month}&measure=response&outcome=hit`)
    ).json()
    expect(list.total).toBe(Number(utilities.rates.response.num))
  })

  it('splits by worker: 刘网格 by name, with the worker to open', async () => {
    const body = await (await get('chen', `/api/kpis/breakdown?scope=community&id=${wenan}&by=worker&${month}`)).json()
    expect(body.rows.find((r: { unit: { name: string } }) => r.unit.name === '刘网格')).toMatchObject({
      drill: { scope: 'worker', id: demo.user.liu },
    })
  })

  it('refuses an unknown split naming the field, another community with 403, an unknown scope with 404', async () => {
    const bad = await get('chen', `/api/kpis/breakdown?scope=community&id=${wenan}&by=building&${month}`)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details.fields[0].path).toBe('by')
    expect((await get('zheng', `/api/kpis/breakdown?scope=community&id=${wenan}&by=grid&${month}`)).status).toBe(403)
    expect((await get('chen', `/api/kpis/breakdown?scope=planet&id=${wenan}&by=grid&${month}`)).status).toBe(404)
  })
})

describe('GET /api/kpis/trend', () => {
  it('gives twelve months oldest first, the current one last with its figures, empty months with "—"', async () => {
    const res = await get('chen', `/api/kpis/trend?scope=community&id=${wenan}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.months).toHaveLength(12)
    expect(body.months[0].period).toMatchObject({ from: '2025-12-01', label: '2025年12月' })
    expect(body.months[11]).toMatchObject({ period: { label: '2026年11月' }, sample: 2, rates: { response: { num: '1', den: '2' } } })
    expect(body.months[10].rates.composite.percent).toBe('—')
  })

  it('lets the street official see it and answers a bad month count naming the field', async () => {
    expect((await get('wangjd', `/api/kpis/trend?scope=street&id=${demo.streetId}&months=3`)).status).toBe(200)
    const bad = await get('chen', `/api/kpis/trend?scope=community&id=${wenan}&months=40`)
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.details.fields[0].path).toBe('months')
  })
})
