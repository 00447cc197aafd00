import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { currentPeriod } from '../../domain/kpis/period.js'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * The street office's loop in a real browser on the H5 build: 王秀英 raises a broken light in
 * 3号楼, which goes to 第一网格; 刘网格 signs for it (签收), records 到场 with a photo and resolves it;
 * 王秀英 rates it; 陈书记's 三率 page counts it, and the figure opens exactly that concern; 王街道
 * finds 文安路社区 in the street's ranking (apart while its sample is small) and the overdue list.
 * Screenshots in normal and 长辈模式.
 */
const j = journey()
const { phone, shot, signIn } = j
let photo: Buffer

beforeAll(async () => {
  photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a7bd5' } })
    .jpeg()
    .toBuffer()
})

const visible = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"]:visible`)

async function status(root: Locator) {
  return root.locator('[data-testid="concern-status"]').first().getAttribute('data-status')
}
async function waitForStatus(root: Locator, wanted: string) {
  await expect.poll(() => status(root), { timeout: 20_000 }).toBe(wanted)
}
function staffButton(root: Locator, label: string) {
  return root.locator('[data-testid="staff-action"]', { hasText: new RegExp(`^${label}$`) })
}

async function raiseLight(page: Page): Promise<string> {
  await signIn(page, '王秀英')
  await page.locator('.weui-tabbar__item', { hasText: '诉求' }).click()
  await visible(page, 'page-concerns').locator('[data-testid="raise-concern"]').click()
  const raise = visible(page, 'page-raise')
  await raise.locator('[data-testid="category-utilities"]').click()
  await raise.locator('[data-testid="concern-description-input"] textarea').fill('3号楼2单元楼道的灯坏了，晚上上下楼看不见台阶')
  await raise.locator('[data-testid="place-building"]').click()
  await raise.locator('[data-testid="place-options"] [data-testid^="building-"]', { hasText: '3号楼' }).click()
  await raise.locator('[data-testid="concern-submit"]').click()
  const similar = page.locator('[data-testid="similar-sheet"]')
  const created = page.locator('[data-testid="page-concern"] [data-testid="concern-created"]')
  await Promise.race([similar.waitFor({ timeout: 20_000 }), created.waitFor({ timeout: 20_000 })])
  if (await similar.isVisible()) await similar.locator('[data-testid="similar-submit-anyway"]').click()
  await created.waitFor({ timeout: 20_000 })
  return new URL(page.url().replace('#/', '')).searchParams.get('id')!
}

/** 刘网格: 签收, 到场 with a photo, 办结 with a photo — each milestone on the card with who and when. */
async function handleAsGridWorker(page: Page, id: string, sfx: string) {
  await signIn(page, '刘网格')
  const staff = await j.openPage(page, `staff/pages/concern/index?id=${id}`, 'page-staff-concern', 'concern-status')
  const milestones = staff.locator('[data-testid="milestones"]')
  await expect.poll(() => milestones.locator('[data-testid="milestone"]').count(), { timeout: 20_000 }).toBe(3)
  await shot(page, `street-02-grid-worker-new${sfx}`, milestones)
  await staffButton(staff, '签收').click()
  await j.confirm(page)
  await waitForStatus(staff, 'accepted')
  await expect.poll(() => milestones.locator('[data-milestone="acknowledge"]').textContent(), { timeout: 20_000 }).toContain('刘网格')

  await staffButton(staff, '到场').click()
  const sheet = page.locator('[data-testid="arrive-sheet"]').last()
  await sheet.waitFor()
  await sheet.locator('[data-testid="arrive-note"] textarea').fill('已到 3号楼 2单元，灯管烧坏')
  await j.addPhoto(page, sheet, photo)
  await page
    .locator('.taro__toast')
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => {})
  await shot(page, `street-03-arrive-sheet${sfx}`)
  await sheet.locator('[data-testid="arrive-submit"]').click()
  await waitForStatus(staff, 'in_progress')
  await expect.poll(() => milestones.locator('[data-milestone="arrive"]').getAttribute('data-standing')).toBe('on_time')
  expect(await staffButton(staff, '到场').count()).toBe(0)

  await staffButton(staff, '办结').click()
  const resolve = page.locator('[data-testid="transition-sheet"]').last()
  await resolve.waitFor()
  await resolve.locator('[data-testid="transition-note"] textarea').fill('已更换灯管，恢复照明')
  await j.addPhoto(page, resolve, photo)
  await resolve.locator('[data-testid="transition-submit"]').click()
  await waitForStatus(staff, 'resolved')
  await page
    .locator('.taro__toast')
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => {})
  await shot(page, `street-04-grid-worker-resolved${sfx}`, milestones)
}

async function rateFive(page: Page, id: string) {
  await signIn(page, '王秀英')
  const mine = await j.openPage(page, `pages/concern-detail/index?id=${id}`, 'page-concern', 'concern-status')
  const card = mine.locator('[data-testid="rating-card"]')
  await card.waitFor({ timeout: 20_000 })
  await card.locator('[data-testid="rating-star"][data-value="5"]').click()
  await card.locator('[data-testid="rating-solved"]').click()
  await card.locator('[data-testid="rating-submit"]').click()
  await waitForStatus(mine, 'closed')
}

describe.skipIf(!haveChromium)('the street office in Chromium (H5)', () => {
  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)(
    'a light in 3号楼 → 刘网格 签收, 到场, 办结 → rated → 陈书记 sees it in the 三率 → 王街道 sees 文安路社区 (%s)',
    async (_mode, elder) => {
      const page = await phone(elder)
      const sfx = elder ? '-elder' : ''
      const id = await raiseLight(page)
      await shot(page, `street-01-raised${sfx}`)
      await handleAsGridWorker(page, id, sfx)
      await rateFive(page, id)

      // 陈书记: 社区工作台 → 三率; the figures are the API's, and 响应率 opens the concerns behind it.
      await signIn(page, '陈书记')
      await page.goto(`${j.url}/#/staff/pages/index/index`)
      const openKpis = visible(page, 'page-workbench').locator('[data-testid="open-kpis"]')
      await openKpis.waitFor({ timeout: 20_000 })
      await shot(page, `street-04b-workbench${sfx}`)
      await openKpis.click()
      const kpis = visible(page, 'page-kpis')
      const response = kpis.locator('[data-testid="rate-card"][data-figure="response"]')
      await response.waitFor({ timeout: 20_000 })
      const figures = await j.api('GET', `/me`, await j.tokenOf('陈书记')).then(async (me) => {
        // The page's 本月: the whole China month.
        const month = currentPeriod('month', new Date())
        const q = `scope=community&id=${me.staffOf[0]}&from=${month.from}&to=${month.to}`
        return j.api('GET', `/kpis?${q}`, await j.tokenOf('陈书记'))
      })
      expect(figures.counts.received).toBeGreaterThanOrEqual(1)
      expect(figures.counts.rated).toBeGreaterThanOrEqual(1)
      await expect
        .poll(() => response.locator('[data-testid="rate-fraction"]').textContent())
        .toBe(`${figures.counts.ackOnTime}/${figures.counts.received}`)
      await expect.poll(() => kpis.locator('[data-testid="breakdown-row"]', { hasText: '第一网格' }).count(), { timeout: 20_000 }).toBe(1)
      await expect.poll(() => kpis.locator('[data-testid="trend-month"]').count(), { timeout: 20_000 }).toBe(12)
      await shot(page, `street-05-kpis${sfx}`)
      await shot(page, `street-06-kpis-breakdown${sfx}`, kpis.locator('[data-testid="kpi-breakdown"]'))
      await shot(page, `street-07-kpis-trend${sfx}`, kpis.locator('[data-testid="kpi-trend"]'))
      await response.click()
      const drill = visible(page, 'page-kpi-concerns')
      await drill.locator(`[data-testid="kpi-concern"][data-concern-id="${id}"]`).waitFor({ timeout: 20_000 })
      // The list pages 20 at a time (the demo's year of history is behind it); its total is the figure's denominator.
      await expect
        .poll(() => drill.locator('[data-testid="kpi-concerns-total"]').textContent(), { timeout: 20_000 })
        .toContain(`共 ${figures.counts.received} 件`)
      await shot(page, `street-08-drill${sfx}`)

      // 王街道: 我的 → 街道工作台; 文安路社区 is listed with its sample (apart while it is small).
      await signIn(page, '王街道')
      await page.goto(`${j.url}/#/pages/me/index`)
      const openStreet = visible(page, 'page-me').locator('[data-testid="open-street"]')
      await openStreet.waitFor({ timeout: 20_000 })
      await shot(page, `street-08b-me-street${sfx}`, openStreet)
      await openStreet.click()
      const street = visible(page, 'page-street')
      const wenan = street.locator('[data-testid="ranking-row"], [data-testid="apart-row"]').filter({ hasText: '文安路社区' })
      await wenan.first().waitFor({ timeout: 20_000 })
      await expect.poll(() => wenan.first().textContent(), { timeout: 20_000 }).toContain('样本')
      await shot(page, `street-09-ranking${sfx}`)
      await street
        .locator('[data-testid="overdue-list"], [data-testid="page-street"] .empty-state')
        .first()
        .waitFor({ timeout: 20_000 })
        .catch(() => {})
      await shot(page, `street-10-overdue${sfx}`, street.locator('.section-title').last())
      await street.locator('[data-testid="level-grid"]').click()
      await street
        .locator('[data-testid="ranking-row"], [data-testid="apart-row"]')
        .filter({ hasText: '第一网格' })
        .first()
        .waitFor({ timeout: 20_000 })
      await shot(page, `street-11-ranking-grids${sfx}`)
      await street.locator('[data-testid="open-street-kpis"]').click()
      const streetKpis = visible(page, 'page-kpis')
      await streetKpis.locator('[data-testid="rate-card"][data-figure="composite"]').waitFor({ timeout: 20_000 })
      expect(await streetKpis.locator('[data-testid="kpis-unit"]').textContent()).toBe('人民路街道')
      await shot(page, `street-11b-street-kpis${sfx}`)
      expect(page.errors).toEqual([])
      await page.context().close()
    },
  )

  it('陈书记 manages grids: 6号楼 out of 第二网格, refused into 第三网格 with 1号楼 (in 第一网格), then 第三网格 with 6号楼 and 马网格', async () => {
    const page = await phone(true)
    await signIn(page, '陈书记')
    await page.goto(`${j.url}/#/staff/pages/index/index`)
    await visible(page, 'page-workbench').locator('[data-testid="open-grids"]').click()
    const grids = visible(page, 'page-grids')
    const second = grids.locator('[data-testid="grid-card"][data-name="第二网格"]')
    await second.waitFor({ timeout: 20_000 })
    await shot(page, 'street-12-grids-elder')

    await second.locator('[data-testid="grid-edit"]').click()
    let sheet = page.locator('[data-testid="grid-sheet"]').last()
    await sheet.locator('[data-testid="grid-building"]', { hasText: '6号楼' }).click()
    await sheet.locator('[data-testid="grid-submit"]').click()
    await grids.locator('[data-testid="grid-unassigned"]', { hasText: '6号楼' }).waitFor({ timeout: 20_000 })

    await grids.locator('[data-testid="grid-create"]').click()
    sheet = page.locator('[data-testid="grid-sheet"]').last()
    await sheet.locator('[data-testid="grid-name-input"] input').fill('第三网格')
    await sheet.locator('[data-testid="grid-building"]', { hasText: '1号楼' }).click()
    await sheet.locator('[data-testid="grid-building"]', { hasText: '6号楼' }).click()
    await sheet.locator('[data-testid="grid-worker"]', { hasText: '马网格' }).click()
    await sheet.locator('[data-testid="grid-submit"]').click()
    const buildingsField = sheet.locator('[data-testid="field-buildings"][data-invalid="true"]')
    await buildingsField.waitFor({ timeout: 20_000 })
    expect(await buildingsField.locator('[data-testid="field-error"]').textContent()).toContain('1号楼')
    await page
      .locator('.taro__toast')
      .first()
      .waitFor({ state: 'hidden' })
      .catch(() => {})
    await shot(page, 'street-13-grid-refused-elder')
    await sheet.locator('[data-testid="grid-building"]', { hasText: '1号楼' }).click()
    await sheet.locator('[data-testid="grid-submit"]').click()
    const third = grids.locator('[data-testid="grid-card"][data-name="第三网格"]')
    await third.waitFor({ timeout: 20_000 })
    expect(await third.locator('[data-testid="grid-buildings"]').textContent()).toContain('6号楼')
    expect(await third.locator('[data-testid="grid-workers"]').textContent()).toContain('马网格')
    expect(await grids.locator('[data-testid="grid-unassigned"]').count()).toBe(0)
    await shot(page, 'street-14-grids-after-elder', third)
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('shows a milestone past its limit: 签收超时 in red on the concern, and in the overdue list across the street', async () => {
    const chen = await j.tokenOf('陈书记')
    const me = await j.api('GET', '/me', chen)
    const communityId: string = me.staffOf[0]
    // 环境卫生 signed for within one minute in 文安路社区, then a concern nobody signs for.
    await j.api('PUT', `/communities/${communityId}/limits`, chen, {
      overrides: { sanitation: { acknowledge: { unit: 'minutes', amount: 1 } } },
    })
    const buildings = await j.api('GET', `/communities/${communityId}/buildings`, chen)
    const building5 = buildings.items.find((b: { name: string }) => b.name === '5号楼').id
    const raised = await j.api('POST', '/concerns', await j.tokenOf('赵晓梅'), {
      communityId,
      category: 'sanitation',
      description: '5号楼门口的垃圾桶满了两天没人清运，味道很大',
      place: { kind: 'building', buildingId: building5 },
    })
    const page = await phone(false)
    await page.waitForTimeout(62_000)

    await signIn(page, '马网格')
    const staff = await j.openPage(page, `staff/pages/concern/index?id=${raised.id}`, 'page-staff-concern', 'concern-status')
    const acknowledge = staff.locator('[data-testid="milestone"][data-milestone="acknowledge"]')
    await expect.poll(() => acknowledge.getAttribute('data-standing'), { timeout: 20_000 }).toBe('overdue')
    expect(await acknowledge.locator('[data-testid="milestone-tag"]').textContent()).toBe('签收超时')
    await shot(page, 'street-15-overdue-concern', staff.locator('[data-testid="milestones"]'))

    await signIn(page, '王街道')
    await page.goto(`${j.url}/#/pages/me/index`)
    await visible(page, 'page-me').locator('[data-testid="open-street"]').click()
    const streetPage = visible(page, 'page-street')
    const row = streetPage.locator(`[data-testid="overdue-row"][data-concern-id="${raised.id}"]`)
    await streetPage.locator('[data-testid="overdue-row"]').first().waitFor({ timeout: 20_000 })
    // Oldest lapse first: behind the demo's year of history, page on until the new one shows.
    for (let i = 0; i < 100 && !(await row.count()); i++) {
      const more = streetPage.locator('[data-testid="load-more"]')
      if (await more.count()) await more.click()
      await page.waitForTimeout(300)
    }
    await row.waitFor({ timeout: 20_000 })
    expect(await row.getAttribute('data-milestone')).toBe('acknowledge')
    await shot(page, 'street-16-street-overdue', row)
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
