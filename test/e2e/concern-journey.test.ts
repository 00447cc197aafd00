import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * The concern loop in a real browser on the H5 build served by `npm start`: a resident raises a
 * concern with a photo, the worker accepts it and assigns it to 安居物业, the property company
 * resolves it with a photo, the resident rates 2 (reopened), it is resolved again, rated 5 and
 * closed. Then the raise form and the detail in 长辈模式. Screenshots of each screen.
 */
const j = journey()
const { phone, shot, signIn } = j
let photo: Buffer

beforeAll(async () => {
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#e67e22' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'E2E' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 55/1 0/1' } })
    .toBuffer()
})

/** Opens a concern's page directly, as tapping a notification or a card would. */
function openConcern(page: Page, id: string, staff = false) {
  return staff
    ? j.openPage(page, `staff/pages/concern/index?id=${id}`, 'page-staff-concern', 'concern-status')
    : j.openPage(page, `pages/concern-detail/index?id=${id}`, 'page-concern', 'concern-status')
}

async function status(root: Locator) {
  return root.locator('[data-testid="concern-status"]').first().getAttribute('data-status')
}

async function staffAction(page: Page, root: Locator, label: string, fill?: (sheet: Locator) => Promise<void>) {
  await root.locator('[data-testid="staff-action"]', { hasText: new RegExp(`^${label}$`) }).click()
  if (fill) {
    const sheet = page.locator('[data-testid="transition-sheet"]').last()
    await sheet.waitFor()
    await fill(sheet)
    await sheet.locator('[data-testid="transition-submit"]').click()
  } else {
    await j.confirm(page)
  }
}

const addPhoto = (page: Page, scope: Locator) => j.addPhoto(page, scope, photo)

async function rate(root: Locator, stars: number, solved: boolean, comment: string) {
  const card = root.locator('[data-testid="rating-card"]')
  await card.waitFor({ timeout: 20_000 })
  await card.locator(`[data-testid="rating-star"][data-value="${stars}"]`).click()
  await card.locator(solved ? '[data-testid="rating-solved"]' : '[data-testid="rating-unsolved"]').click()
  await card.locator('[data-testid="rating-comment"] textarea').fill(comment)
  await card.locator('[data-testid="rating-submit"]').click()
}

async function waitForStatus(root: Locator, wanted: string) {
  await expect.poll(() => status(root), { timeout: 20_000 }).toBe(wanted)
}

describe.skipIf(!haveChromium)('the concern loop in Chromium (H5)', () => {
  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)(
    'raise with a photo → accept → assign to 物业 → resolve → rated 2, reopened → resolved → rated 5, closed (%s)',
    async (_mode, elder) => {
      const page = await phone(elder)
      const sfx = elder ? '-elder' : ''
      await signIn(page, '王秀英')
      await page.locator('.weui-tabbar__item', { hasText: '诉求' }).click()
      const board = page.locator('[data-testid="page-concerns"]')
      await board.waitFor({ state: 'visible' })
      await shot(page, `concern-01-board${sfx}`)
      await board.locator('[data-testid="raise-concern"]').click()

      const raise = page.locator('[data-testid="page-raise"]')
      await raise.locator('[data-testid="category-facilities"]').click()
      await shot(page, `concern-02-form${sfx}`)
      await raise
        .locator('[data-testid="concern-description-input"] textarea')
        .fill('小区东门的路灯坏了一个星期，晚上特别黑，老人出门不方便')
      await addPhoto(page, raise)
      await raise.locator('[data-testid="place-building"]').click()
      await raise.locator('[data-testid="place-options"] [data-testid^="building-"]', { hasText: '3号楼' }).click()
      await shot(page, `concern-03-form-filled${sfx}`)
      await raise.locator('[data-testid="concern-submit"]').click()
      const similar = page.locator('[data-testid="similar-sheet"]')
      const created = page.locator('[data-testid="page-concern"] [data-testid="concern-created"]')
      await Promise.race([similar.waitFor({ timeout: 20_000 }), created.waitFor({ timeout: 20_000 })])
      if (await similar.isVisible()) await similar.locator('[data-testid="similar-submit-anyway"]').click()
      await created.waitFor({ timeout: 20_000 })
      const detailRoot = page.locator('[data-testid="page-concern"]')
      const publicNo = (await detailRoot.locator('[data-testid="concern-public-no"]').first().textContent()) ?? ''
      expect(publicNo).toMatch(/WA-\d{4}-\d{6}/)
      expect(await status(detailRoot)).toBe('submitted')
      await shot(page, `concern-04-created${sfx}`)
      const id = new URL(page.url().replace('#/', '')).searchParams.get('id')!
      expect(id).toMatch(/^[0-9a-f-]{36}$/)

      // The stored photo has no EXIF (GPS) left.
      const detail = await j.api('GET', `/concerns/${id}`, await j.tokenOf('王秀英'))
      const stored = Buffer.from(await (await fetch(`${j.url}${detail.photos[0].url}`)).arrayBuffer())
      expect((await sharp(stored).metadata()).exif).toBeUndefined()

      // The worker accepts and assigns it to the property company.
      await signIn(page, '刘网格')
      let staff = await openConcern(page, id, true)
      await shot(page, `concern-05-staff-new${sfx}`)
      await staffAction(page, staff, '签收')
      await waitForStatus(staff, 'accepted')
      await staffAction(page, staff, '指派', (sheet) => sheet.locator('[data-testid="assign-option"]', { hasText: '安居物业' }).click())
      await waitForStatus(staff, 'assigned')
      await shot(page, `concern-06-staff-assigned${sfx}`)

      // 安居物业 starts and resolves it with a photo.
      await signIn(page, '安居物业-孙经理')
      staff = await openConcern(page, id, true)
      await staffAction(page, staff, '开始办理')
      await waitForStatus(staff, 'in_progress')
      await staffAction(page, staff, '办结', async (sheet) => {
        await sheet.locator('[data-testid="transition-note"] textarea').fill('已更换灯泡，恢复照明')
        await addPhoto(page, sheet)
      })
      await waitForStatus(staff, 'resolved')
      await shot(page, `concern-07-partner-resolved${sfx}`)

      // The resident is not satisfied: 2 stars, not solved → reopened.
      await signIn(page, '王秀英')
      let mine = await openConcern(page, id)
      await shot(page, `concern-08-rate${sfx}`)
      await rate(mine, 2, false, '第二天又不亮了')
      await waitForStatus(mine, 'reopened')

      // Back to the property company; resolved again.
      await signIn(page, '安居物业-孙经理')
      staff = await openConcern(page, id, true)
      await staffAction(page, staff, '开始办理')
      await waitForStatus(staff, 'in_progress')
      await staffAction(page, staff, '办结', async (sheet) => {
        await sheet.locator('[data-testid="transition-note"] textarea').fill('更换了整套灯具')
        await addPhoto(page, sheet)
      })
      await waitForStatus(staff, 'resolved')

      // Rated 5: closed, and the whole story is on the timeline.
      await signIn(page, '王秀英')
      mine = await openConcern(page, id)
      await rate(mine, 5, true, '谢谢物业')
      await waitForStatus(mine, 'closed')
      const actions = await mine
        .locator('[data-testid="timeline-item"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))
      expect(actions.filter((a) => a === 'resolve')).toHaveLength(2)
      expect(actions.filter((a) => a === 'rate')).toHaveLength(2)
      expect(actions).toContain('assign')
      await shot(page, `concern-09-closed${sfx}`)

      // The resident heard of each step under 我的 → 消息.
      await page.goto(`${j.url}/#/pages/me/index`)
      await page.locator('[data-testid="page-me"] [data-testid="open-notifications"]').click()
      const notes = page.locator('[data-testid="page-notifications"] [data-testid="notification"]')
      await notes.first().waitFor({ timeout: 20_000 })
      expect(await notes.count()).toBeGreaterThanOrEqual(5)
      await shot(page, `concern-10-notifications${sfx}`)
      expect(page.errors).toEqual([])
      await page.context().close()
    },
  )

  it('raises a concern in 长辈模式 and shows it on the board', async () => {
    const page = await phone(true)
    await page.locator('.screen--elder').first().waitFor()
    await signIn(page, '赵晓梅')
    await page.locator('.weui-tabbar__item', { hasText: '诉求' }).click()
    await page.locator('[data-testid="page-concerns"] [data-testid="raise-concern"]').click()
    const raise = page.locator('[data-testid="page-raise"]')
    await shot(page, 'concern-elder-01-categories')
    await raise.locator('[data-testid="category-sanitation"]').click()
    await raise.locator('[data-testid="concern-description-input"] textarea').fill('5号楼楼道里堆了很多杂物，影响老人通行')
    await raise.locator('[data-testid="place-household"]').click()
    await raise.locator('[data-testid="place-options"] [data-testid^="household-"]').first().click()
    await shot(page, 'concern-elder-02-form')
    await raise.locator('[data-testid="concern-submit"]').click()
    const similar = page.locator('[data-testid="similar-sheet"]')
    const created = page.locator('[data-testid="page-concern"] [data-testid="concern-created"]')
    await Promise.race([similar.waitFor({ timeout: 20_000 }), created.waitFor({ timeout: 20_000 })])
    if (await similar.isVisible()) await similar.locator('[data-testid="similar-submit-anyway"]').click()
    await created.waitFor({ timeout: 20_000 })
    await shot(page, 'concern-elder-03-created')
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
