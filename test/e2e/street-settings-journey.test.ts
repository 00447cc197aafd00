import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { currentPeriod } from '../../domain/kpis/period.js'
import { audit } from '../helpers/a11y-audit.js'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * The street office's settings in a real browser on the H5 build: 陈书记 reads the 三率 for a
 * period of his choosing and one category (and is told, on the field, when the API refuses the
 * period); 王街道 changes the 综合 weights and sees the 综合 and its formula follow; 陈书记 changes
 * a category's time limits and deletes a grid after confirming. Screenshots in normal and 长辈模式.
 */
const j = journey()
const { phone, shot, signIn } = j

const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`)
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
/** The date picker's rows are 34 px apart, its 238 px high wheels sit at the bottom of the screen. */
const ROW = 34
const WHEEL = 238

/** The a11y test's bar (axe, sizes, clipping) on a state it does not reach: a sheet open, an error shown. */
async function expectAccessible(page: Page, path: string, elder: boolean) {
  const a = await audit(page, path, elder ? 'elder' : 'normal')
  const findings = { axe: a.axe, clipped: a.clipped, smallTargets: a.smallTargets, smallText: a.smallText, tightLines: a.tightLines }
  expect(findings, a.examples.join('\n')).toEqual({ axe: {}, clipped: 0, smallTargets: 0, smallText: 0, tightLines: 0 })
}

/** Lets a toast (1.5 s) go before a screenshot. */
async function quietToast(page: Page) {
  await page.waitForTimeout(1600)
}

/**
 * Turns one wheel of the date picker on screen by `rows` (positive: later) the way a tap does it:
 * tapping a row up to three above or below the middle one brings it to the middle.
 */
async function turnWheel(page: Page, column: Locator, rows: number) {
  const box = (await column.boundingBox())!
  const middle = page.viewportSize()!.height - WHEEL / 2
  for (let left = rows; left !== 0; ) {
    const step = Math.max(-3, Math.min(3, left))
    await page.mouse.click(box.x + box.width / 2, middle + step * ROW)
    await page.waitForTimeout(350)
    left -= step
  }
}

/** Sets a date picker (its value shown in `field`) to `date` as a person would: year, month, day columns, then 确定. */
async function pickDate(page: Page, field: Locator, date: string) {
  const current = (await field.textContent())!.trim()
  await field.click()
  const picker = page.locator('.weui-picker:visible')
  await picker.waitFor()
  // It slides up in 0.3 s: tap once it is in place.
  await page.waitForTimeout(500)
  const columns = picker.locator('.weui-picker__group')
  const [y0, m0, d0] = current.split('-').map(Number)
  const [y1, m1, d1] = date.split('-').map(Number)
  await turnWheel(page, columns.nth(0), y1 - y0)
  await turnWheel(page, columns.nth(1), m1 - m0)
  await turnWheel(page, columns.nth(2), d1 - Math.min(d0, new Date(Date.UTC(y1, m1, 0)).getUTCDate()))
  await picker.locator('.weui-picker__action', { hasText: '确定' }).click()
  await expect.poll(() => field.textContent()).toBe(date)
  await page.waitForTimeout(400)
}

describe.skipIf(!haveChromium)('the street office settings in Chromium (H5)', () => {
  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)(
    '陈书记 reads the 三率 for a chosen period and category; a refused period is named on its field (%s)',
    async (_mode, elder) => {
      const page = await phone(elder)
      const sfx = elder ? '-elder' : ''
      const chen = await j.tokenOf('陈书记')
      const communityId: string = (await j.api('GET', '/me', chen)).staffOf[0]
      await signIn(page, '陈书记')
      await page.goto(`${j.url}/#/staff/pages/index/index`)
      await visible(page, 'page-workbench').locator('[data-testid="open-kpis"]').click()
      const kpis = visible(page, 'page-kpis')
      await kpis.locator('[data-testid="rate-card"][data-figure="response"]').waitFor({ timeout: 20_000 })

      // 自定义: from the first of the month three months back to the 15th of last month, 水电气热 only.
      await kpis.locator('[data-testid="period-custom"]').click()
      const today = chinaToday()
      const [y, m] = today.split('-').map(Number)
      const back = (n: number) => {
        const d = new Date(Date.UTC(y, m - 1 - n, 1))
        return d.toISOString().slice(0, 7)
      }
      const from = `${back(3)}-01`
      const to = `${back(1)}-15`
      await pickDate(page, kpis.locator('[data-testid="kpi-from"]'), from)
      await pickDate(page, kpis.locator('[data-testid="kpi-to"]'), to)
      await kpis.locator('[data-testid="kpi-category-utilities"]').click()
      const figures = await j.api('GET', `/kpis?scope=community&id=${communityId}&from=${from}&to=${to}&category=utilities`, chen)
      expect(figures.counts.received).toBeGreaterThan(0)
      const response = kpis.locator('[data-testid="rate-card"][data-figure="response"]')
      await expect
        .poll(() => response.locator('[data-testid="rate-fraction"]').textContent(), { timeout: 20_000 })
        .toBe(`${figures.counts.ackOnTime}/${figures.counts.received}`)
      expect(await kpis.locator('[data-testid="kpis-period"]').textContent()).toContain('水电气热')
      // The trend: the twelve months up to the period's last month, the period's months marked.
      await expect
        .poll(() => kpis.locator('[data-testid="trend-month"]').last().getAttribute('data-month'), { timeout: 20_000 })
        .toBe(back(1))
      expect(await kpis.locator('[data-testid="trend-month"][data-in-period="true"]').count()).toBe(3)
      expect(await kpis.locator('[data-testid="kpi-trend-title"]').textContent()).toContain('截至')
      await kpis.locator('[data-testid="breakdown-row"]').first().waitFor({ timeout: 20_000 })
      await shot(page, `settings-01-kpis-custom${sfx}`)
      await shot(page, `settings-02-kpis-custom-trend${sfx}`, kpis.locator('[data-testid="kpi-trend"]'))

      // 响应率 opens exactly its concerns: the same period and category.
      await response.click()
      const drill = visible(page, 'page-kpi-concerns')
      await expect
        .poll(() => drill.locator('[data-testid="kpi-concerns-total"]').textContent(), { timeout: 20_000 })
        .toBe(`${from} — ${to} · 水电气热 · 共 ${figures.counts.received} 件`)
      await shot(page, `settings-03-drill-custom${sfx}`)
      await page.locator('#taro-navigation-bar .taro-navigation-bar-back').click()
      await kpis.locator('[data-testid="kpi-from"]').waitFor()

      // The end before the start: the API's 400, under 结束日期; more than three years: the same field.
      await pickDate(page, kpis.locator('[data-testid="kpi-to"]'), `${back(4)}-10`)
      const toField = kpis.locator('[data-testid="field-to"][data-invalid="true"]')
      await toField.waitFor({ timeout: 20_000 })
      expect(await toField.locator('[data-testid="field-error"]').textContent()).toBe('结束日期不能早于开始日期')
      expect(await kpis.locator('[data-testid="rate-cards"]').count()).toBe(0)
      await shot(page, `settings-04-kpis-refused${sfx}`)
      await expectAccessible(page, 'staff/pages/kpis/index', elder)
      await pickDate(page, kpis.locator('[data-testid="kpi-from"]'), `${y - 4}-01-01`)
      await pickDate(page, kpis.locator('[data-testid="kpi-to"]'), today)
      await expect
        .poll(() => toField.locator('[data-testid="field-error"]').textContent(), { timeout: 20_000 })
        .toContain('统计区间最长 3 年')
      expect(page.errors).toEqual([])
      await page.context().close()
    },
  )

  it('王街道 changes the 综合 weights: a sum other than 100 is refused on the field, then the 综合 and its formula follow', async () => {
    const page = await phone(false)
    const wang = await j.tokenOf('王街道')
    const streetId: string = (await j.api('GET', '/me', wang)).streets[0].streetId
    await signIn(page, '王街道')
    await page.goto(`${j.url}/#/pages/me/index`)
    await visible(page, 'page-me').locator('[data-testid="open-street"]').click()
    await visible(page, 'page-street').locator('[data-testid="open-street-kpis"]').click()
    const kpis = visible(page, 'page-kpis')
    const composite = kpis.locator('[data-testid="rate-card"][data-figure="composite"] [data-testid="rate-percent"]')
    await composite.waitFor({ timeout: 20_000 })
    expect(await kpis.locator('[data-testid="kpi-formulas"]').textContent()).toContain(
      '综合得分 = 0.1 × 响应率 + 0.5 × 解决率 + 0.4 × 满意率',
    )

    await kpis.locator('[data-testid="open-street-settings"]').click()
    const settings = visible(page, 'page-street-settings')
    const input = (field: string) => settings.locator(`[data-testid="setting-${field}"] input`)
    await input('response').waitFor({ timeout: 20_000 })
    expect(await input('response').inputValue()).toBe('10')
    await shot(page, 'settings-05-street-settings')
    await input('response').fill('20')
    expect(await settings.locator('[data-testid="weights-sum"]').textContent()).toBe('合计 110%，须为 100%')
    await settings.locator('[data-testid="settings-submit"]').click()
    const sumField = settings.locator('[data-testid="field-satisfaction"][data-invalid="true"]')
    await sumField.waitFor({ timeout: 20_000 })
    expect(await sumField.locator('[data-testid="field-error"]').textContent()).toBe('三项权重之和须为 100（现在是 110）')
    await shot(page, 'settings-06-street-settings-refused', sumField)
    await expectAccessible(page, 'staff/pages/street-settings/index', false)
    await input('satisfaction').fill('30')
    await settings.locator('[data-testid="settings-submit"]').click()
    await expect
      .poll(() => settings.locator('[data-testid="kpi-formulas"]').textContent(), { timeout: 20_000 })
      .toContain('综合得分 = 0.2 × 响应率 + 0.5 × 解决率 + 0.3 × 满意率')
    expect(await sumField.count()).toBe(0)
    await quietToast(page)
    await shot(page, 'settings-07-street-settings-saved', settings.locator('[data-testid="kpi-formulas"]'))

    // Back on the 三率: the 综合 is the API's under the new weights, with its formula.
    await page.locator('#taro-navigation-bar .taro-navigation-bar-back').click()
    // The page's 本月 is the whole China month: a concern falling due later this month counts in it.
    const month = currentPeriod('month', new Date())
    const figures = await j.api('GET', `/kpis?scope=street&id=${streetId}&from=${month.from}&to=${month.to}`, wang)
    expect(figures.settings.weights).toEqual({ response: 20, resolution: 50, satisfaction: 30 })
    await expect.poll(() => kpis.locator('[data-testid="kpi-formulas"]').textContent(), { timeout: 20_000 }).toContain('0.2 × 响应率')
    await expect.poll(() => composite.textContent(), { timeout: 20_000 }).toBe(figures.rates.composite.percent)
    await shot(page, 'settings-08-street-kpis-after', kpis.locator('[data-testid="rate-cards"]'))

    // 长辈模式: the same form, for the screenshot.
    const elder = await phone(true)
    await signIn(elder, '王街道')
    const big = await j.openPage(
      elder,
      `staff/pages/street-settings/index?streetId=${streetId}`,
      'page-street-settings',
      'setting-response',
    )
    expect(await big.locator('[data-testid="setting-response"] input').inputValue()).toBe('20')
    await shot(elder, 'settings-05-street-settings-elder')
    await expectAccessible(elder, 'staff/pages/street-settings/index', true)
    // Put the demo's weights back.
    await j.api('PUT', `/streets/${streetId}/settings`, wang, {
      weights: { response: 10, resolution: 50, satisfaction: 40 },
      basicSatisfiedPercent: 90,
      minSample: 10,
    })
    expect(page.errors).toEqual([])
    expect(elder.errors).toEqual([])
    await elder.context().close()
    await page.context().close()
  })

  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)(
    '陈书记 sets 环境卫生 to be signed for within 90 minutes, is told the longest a minute limit may be, then restores the default (%s)',
    async (_mode, elder) => {
      const page = await phone(elder)
      const sfx = elder ? '-elder' : ''
      await signIn(page, '陈书记')
      await page.goto(`${j.url}/#/staff/pages/index/index`)
      await visible(page, 'page-workbench').locator('[data-testid="open-limits"]').click()
      const limits = visible(page, 'page-limits')
      const row = limits.locator('[data-testid="limit-row"][data-category="sanitation"]')
      await row.waitFor({ timeout: 20_000 })
      expect(await row.locator('[data-testid="limit-text"]').textContent()).toBe('签收：反映后 1 个工作日内；办结：签收后 3 个工作日内')
      await shot(page, `settings-09-limits${sfx}`)

      await row.locator('[data-testid="limit-edit"]').click()
      const sheet = page.locator('[data-testid="limit-sheet"]').last()
      await sheet.locator('[data-testid="limit-acknowledge-unit-minutes"]').click()
      await sheet.locator('[data-testid="limit-acknowledge-amount"] input').fill('99999')
      await sheet.locator('[data-testid="limit-submit"]').click()
      const ack = sheet.locator('[data-testid="field-limit-acknowledge"][data-invalid="true"]')
      await ack.waitFor({ timeout: 20_000 })
      expect(await ack.locator('[data-testid="field-error"]').textContent()).toContain('以分钟计的时限最长 10080 分钟')
      await shot(page, `settings-10-limit-refused${sfx}`)
      await expectAccessible(page, 'staff/pages/limits/index', elder)
      await sheet.locator('[data-testid="limit-acknowledge-amount"] input').fill('90')
      await sheet.locator('[data-testid="limit-submit"]').click()
      await expect
        .poll(() => row.locator('[data-testid="limit-text"]').textContent(), { timeout: 20_000 })
        .toBe('签收：反映后 90 分钟内；办结：签收后 3 个工作日内')
      expect(await row.textContent()).toContain('本社区设置')
      await quietToast(page)
      await shot(page, `settings-11-limits-saved${sfx}`, row)

      await row.locator('[data-testid="limit-edit"]').click()
      await page.locator('[data-testid="limit-sheet"]').last().locator('[data-testid="limit-restore"]').click()
      await expect
        .poll(() => row.locator('[data-testid="limit-text"]').textContent(), { timeout: 20_000 })
        .toBe('签收：反映后 1 个工作日内；办结：签收后 3 个工作日内')
      expect(await row.textContent()).toContain('默认')
      expect(page.errors).toEqual([])
      await page.context().close()
    },
  )

  it('陈书记 deletes 第二网格 after confirming in the sheet: the list refreshes and its buildings go to the community inbox', async () => {
    const page = await phone(true)
    await signIn(page, '陈书记')
    await page.goto(`${j.url}/#/staff/pages/index/index`)
    await visible(page, 'page-workbench').locator('[data-testid="open-grids"]').click()
    const grids = visible(page, 'page-grids')
    const second = grids.locator('[data-testid="grid-card"][data-name="第二网格"]')
    await second.waitFor({ timeout: 20_000 })
    const buildings = (await second.locator('[data-testid="grid-buildings"]').textContent())!.replace(/^楼栋：/, '').split('、')

    // 不删除 changes nothing.
    await second.locator('[data-testid="grid-delete"]').click()
    let sheet = page.locator('[data-testid="grid-delete-sheet"]').last()
    await sheet.waitFor()
    expect(await sheet.textContent()).toContain(buildings[0])
    await shot(page, 'settings-12-grid-delete-sheet-elder')
    await expectAccessible(page, 'staff/pages/grids/index', true)
    await sheet.locator('[data-testid="grid-delete-back"]').click()
    await expect.poll(() => page.locator('[data-testid="grid-delete-sheet"]').count()).toBe(0)
    expect(await second.count()).toBe(1)

    await second.locator('[data-testid="grid-delete"]').click()
    sheet = page.locator('[data-testid="grid-delete-sheet"]').last()
    await sheet.locator('[data-testid="grid-delete-confirm"]').click()
    await expect.poll(() => second.count(), { timeout: 20_000 }).toBe(0)
    const unassigned = grids.locator('[data-testid="grid-unassigned"]')
    await unassigned.waitFor({ timeout: 20_000 })
    for (const b of buildings) expect(await unassigned.textContent()).toContain(b)
    await quietToast(page)
    await shot(page, 'settings-13-grid-deleted-elder')
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
