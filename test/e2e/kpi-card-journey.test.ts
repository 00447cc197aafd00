import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demo } from '../../db/seed.js'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * 本月社区三率 on 首页, in a real browser on the product as `npm start` serves it (with its seeded
 * year of history): a resident of 文安路社区 sees the month's four rates with their samples — the
 * same figures the API gives — opens the formulas, and reads it in 长辈模式 in larger type.
 */
const j = journey()

const figures = ['response', 'resolution', 'satisfaction', 'composite'] as const

async function cardValues(page: Page) {
  const card = page.locator('[data-testid="page-home"] [data-testid="kpi-card"]')
  await card.locator('[data-testid="kpi-composite"] [data-testid="kpi-value"]').waitFor({ timeout: 20_000 })
  const out: Record<string, string> = {}
  for (const f of figures) out[f] = ((await card.locator(`[data-testid="kpi-${f}"] [data-testid="kpi-value"]`).textContent()) ?? '').trim()
  return { card, values: out }
}

async function valueFontSize(page: Page) {
  return page
    .locator('[data-testid="kpi-response"] [data-testid="kpi-value"]')
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
}

describe.skipIf(!haveChromium)('the residents’ monthly 三率 card in Chromium (H5)', () => {
  it('shows 文安路社区’s rates this month as the API counts them, with the formulas, and larger in 长辈模式', async () => {
    const expected = await j.api('GET', `/communities/${demo.community.wenan}/kpis/monthly`, await j.tokenOf('王秀英'))

    const page = await j.phone()
    await j.signIn(page, '王秀英')
    const { card, values } = await cardValues(page)
    for (const f of figures) {
      expect(values[f]).toMatch(/^(\d{1,3}\.\d%|—)$/)
      expect(values[f]).toBe(expected.rates[f].percent)
    }
    await expect(card.locator('[data-testid="kpi-response"]').textContent()).resolves.toContain(`收到 ${expected.samples.received} 件`)
    // The seeded year means this month has concerns behind it on first start (after its first day, China time).
    if (new Date(Date.now() + 8 * 3600_000).getUTCDate() > 1) expect(expected.samples.received).toBeGreaterThan(0)
    await card.locator('[data-testid="kpi-card-formula-toggle"]').click()
    await expect(card.locator('[data-testid="kpi-card-formula"]').textContent()).resolves.toContain('综合得分')
    const text = (await card.textContent()) ?? ''
    for (const name of ['刘网格', '马网格', '安居物业', '第一网格']) expect(text).not.toContain(name)
    await j.shot(page, 'kpi-card-01-home', card)
    const normalSize = await valueFontSize(page)

    const elder = await j.phone(true)
    await j.signIn(elder, '王秀英')
    const inElder = await cardValues(elder)
    expect(inElder.values).toEqual(values)
    expect(await valueFontSize(elder)).toBeGreaterThan(normalSize)
    await j.shot(elder, 'kpi-card-02-home-elder', inElder.card)
    expect([...page.errors, ...elder.errors]).toEqual([])
  })
})
