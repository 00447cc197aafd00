import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demo, seedId } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { actOk, raiseId, uploadId, wenan } from '../helpers/concerns.js'

/**
 * 本月社区三率, the residents' public card (GET /api/communities/{id}/kpis/monthly): the month's four
 * rates with exact fractions and sample sizes, "—" without a sample, for anyone signed in, and
 * never a name.
 */
let t: TestApp
let clock = new Date('2026-11-23T01:00:00Z').getTime() // Monday 09:00 in Beijing
const minute = 60_000

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock) })
})
afterAll(async () => {
  await t?.close()
})

async function card(who: Parameters<TestApp['tokenFor']>[0], query = '', community = wenan) {
  return t.call('GET', `/api/communities/${community}/kpis/monthly${query}`, { token: await t.tokenFor(who) })
}

describe('the residents’ monthly 三率 card', () => {
  it('shows "—" for every rate of a month with no concerns, with zero samples', async () => {
    const res = await card('wang')
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toMatchObject({ community: { id: wenan, name: '文安路社区' }, month: '2026-11', period: { label: '2026年11月' } })
    expect(body.samples).toEqual({ received: 0, due: 0, rated: 0 })
    for (const figure of ['response', 'resolution', 'satisfaction', 'composite']) {
      expect(body.rates[figure]).toMatchObject({ den: '0', value: null, percent: '—' })
    }
  })

  it('follows a concern through 签收, 办结 and a rating, with exact fractions and sample sizes', async () => {
    const id = await raiseId(t, 'wang', { category: 'utilities', description: '3号楼2单元楼道的灯不亮了，晚上看不见台阶' })
    let body = await (await card('wang')).json()
    expect(body.samples.received).toBe(1)
    expect(body.rates.response).toMatchObject({ num: '0', den: '1', percent: '0.0%' })

    clock += 5 * minute
    expect((await t.call('POST', `/api/concerns/${id}/acknowledge`, { token: await t.tokenFor('liu'), body: {} })).status).toBe(200)
    clock += 10 * minute
    await actOk(t, 'liu', id, { action: 'start' })
    await actOk(t, 'liu', id, { action: 'resolve', note: '换了新灯管', photoIds: [await uploadId(t, 'liu')] })
    clock += minute
    expect((await t.call('POST', `/api/concerns/${id}/rating`, { token: await t.tokenFor('wang'), body: { rating: 4 } })).status).toBe(200)

    body = await (await card('wang')).json()
    expect(body.samples).toEqual({ received: 1, due: 1, rated: 1 })
    expect(body.rates.response).toMatchObject({ num: '1', den: '1', percent: '100.0%' })
    expect(body.rates.resolution).toMatchObject({ num: '1', den: '1', percent: '100.0%' })
    expect(body.rates.satisfaction).toMatchObject({ den: '1', percent: '100.0%' })
    expect(body.rates.composite.percent).toBe('100.0%')
    expect(body.formula.join('\n')).toContain('基本满意')
  })

  it('names no worker, partner or resident', async () => {
    const text = JSON.stringify(await (await card('zhou')).json())
    for (const name of ['刘网格', '陈书记', '王秀英', '王**', '安居物业', '第一网格', demo.user.liu, demo.user.wang]) {
      expect(text).not.toContain(name)
    }
  })

  it('is public to anyone signed in, like the board: another community’s resident, a claimant, staff, the street', async () => {
    for (const who of ['zhou', 'li', 'chen', 'anju', 'wu', 'wangjd'] as const) expect((await card(who)).status).toBe(200)
    expect((await t.call('GET', `/api/communities/${wenan}/kpis/monthly`)).status).toBe(401)
  })

  it('shows another month when asked, and the current one by default', async () => {
    const october = await (await card('wang', '?month=2026-10')).json()
    expect(october).toMatchObject({ month: '2026-10', period: { from: '2026-10-01', to: '2026-10-31' }, samples: { received: 0 } })
    expect((await (await card('wang', '?month=2026-11')).json()).samples.received).toBe(1)
  })

  it('refuses a malformed month naming the field, and a malformed community id; 404 for a community that does not exist', async () => {
    for (const bad of ['2026-13', '2026-1', 'november', '1999-12']) {
      const res = await card('wang', `?month=${bad}`)
      expect(res.status).toBe(400)
      const { error } = await res.json()
      expect(error.details.fields[0].path).toBe('month')
      expect(error.message).toMatch(/月份/)
    }
    expect((await card('wang', '', seedId('community', 'nowhere'))).status).toBe(404)
    expect((await card('wang', '', 'not-a-uuid')).status).toBe(400)
  })
})
