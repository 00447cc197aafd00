import { mkdirSync, writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { seedId } from '../../db/seed.js'
import { type A11yData, makeA11yData } from '../helpers/a11y-data.js'
import { audit, configuredPages, limits, type PageAudit, totals } from '../helpers/a11y-audit.js'
import { haveChromium, screenshotDir } from '../helpers/browser.js'
import { demo } from '../../db/seed.js'
import { journey } from '../helpers/journey.js'

/**
 * Accessibility, measured on every page in miniapp/src/app.config.ts (so pages added later are
 * covered too): resident pages as 王秀英 and staff pages as 陈书记, with a concern (with a photo), a
 * session, a vote and a pending claim in them, in normal mode and in 长辈模式. Each page is checked
 * with axe (serious and critical findings) and measured in the browser: texts under 18 px and line
 * heights under 1.3 in 长辈模式, tappable things under 44 px (normal) or 60 px (长辈模式), clipped
 * text. The numbers go to test-results/a11y-<mode>.json, a screenshot of each page to
 * test-results/screenshots/a11y-<mode>-<page>.png.
 */
const j = journey()

/** The query each page needs to show real data: the community (as the workbench links pass it) and the item. */
function queryFor(path: string, ids: A11yData): string {
  const byPath: Record<string, string> = {
    'pages/concern-detail/index': `id=${ids.concern}`,
    'pages/session-detail/index': `id=${ids.session}`,
    'pages/vote/index': `id=${ids.vote}`,
    'staff/pages/concern/index': `id=${ids.concern}`,
    'staff/pages/session/index': `id=${ids.session}`,
    'staff/pages/session-run/index': `id=${ids.running}`,
    'staff/pages/vote/index': `id=${ids.vote}`,
    'pages/tracked-item/index': `id=${ids.tracked}`,
    'staff/pages/tracked-item/index': `id=${ids.tracked}`,
    'pages/volunteer-activity/index': `id=${seedId('volunteer-activity', 'leaflets')}`,
    'staff/pages/volunteer-roster/index': `id=${seedId('volunteer-activity', 'leaflets')}`,
    'pages/project/index': `id=${demo.projectId}`,
    'staff/pages/points-account/index': `userId=${demo.user.wang}`,
  }
  return `?communityId=${ids.community}${byPath[path] ? `&${byPath[path]}` : ''}`
}

let made: A11yData | undefined
/** The data, made once for the file. */
async function data() {
  made ??= await makeA11yData(j)
  return made
}

/** Opens `path` fresh and waits until its content (not a skeleton) is on screen. */
async function visit(page: Page, path: string, query: string) {
  await page.goto(`${j.url}/#/${path}${query}`)
  await page.reload()
  await page.locator('.screen:visible').first().waitFor({ timeout: 20_000 })
  await page
    .locator('[data-testid="skeleton"]:visible')
    .first()
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => undefined)
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(300)
}

const slug = (path: string) => path.replace(/\/index$/, '').replace(/\//g, '-')

describe.skipIf(!haveChromium)('accessibility of every page (H5, Chromium)', () => {
  // One test per mode, each with its own budget: every page of the app twice over took more than
  // the slow project's 300 s once the community-life pages arrived.
  it.each(['normal', 'elder'] as const)(
    'every page, resident and staff, in %s mode: axe, text and target sizes, clipping',
    async (mode) => {
      const ids = await data()
      const pages = configuredPages()
      expect(pages.length).toBeGreaterThan(20)
      const audits: PageAudit[] = []
      for (const who of ['王秀英', '陈书记']) {
        const page = await j.phone(mode === 'elder')
        const mine = pages.filter((p) => p.startsWith('staff/') === (who === '陈书记') && p !== 'pages/login/index')
        if (who === '王秀英') {
          await page.locator('[data-testid="page-login"]').waitFor({ timeout: 20_000 })
          await page.waitForTimeout(300)
          audits.push(await audit(page, 'pages/login/index', mode))
          await page.screenshot({ path: `${screenshotDir}/a11y-${mode}-pages-login.png`, fullPage: true })
        }
        await j.signIn(page, who)
        for (const path of mine) {
          await visit(page, path, queryFor(path, ids))
          audits.push(await audit(page, path, mode))
          await page.screenshot({ path: `${screenshotDir}/a11y-${mode}-${slug(path)}.png`, fullPage: true })
        }
        expect(page.errors).toEqual([])
        await page.context().close()
      }
      const sum = totals(audits)
      mkdirSync('test-results', { recursive: true })
      writeFileSync(`test-results/a11y-${mode}.json`, JSON.stringify({ totals: sum, pages: audits }, null, 2))
      console.log(JSON.stringify(sum, null, 2))
      for (const a of audits) {
        const axe = Object.entries(a.axe)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')
        console.log(
          `${a.mode.padEnd(6)} ${a.page.padEnd(32)} axe[${axe}] smallText ${a.smallText} tight ${a.tightLines} targets ${a.smallTargets} clipped ${a.clipped} min text ${a.smallestText} min target ${a.smallestTarget.toFixed(0)}`,
        )
      }
      expect(audits.length).toBe(pages.length)
      // The bar, on every page in both modes: no serious or critical axe finding, nothing clipped;
      // targets ≥ 44 px (≥ 60 px in 长辈模式), and in 长辈模式 no text under 18 px nor line height under 1.3.
      const failing = audits
        .filter((a) => Object.keys(a.axe).length > 0 || a.clipped > 0 || a.smallTargets > 0 || a.smallText > 0 || a.tightLines > 0)
        .map((a) => ({ page: `${a.mode} ${a.page}`, axe: a.axe, examples: a.examples.slice(0, 6) }))
      expect(failing).toEqual([])
      if (mode === 'elder') {
        expect(sum.elder.smallestText).toBeGreaterThanOrEqual(limits.elder.text)
        expect(sum.elder.smallestTarget).toBeGreaterThanOrEqual(limits.elder.target)
      } else expect(sum.normal.smallestTarget).toBeGreaterThanOrEqual(limits.normal.target)
    },
    600_000,
  )

  it('长辈模式 is offered once after the first sign-in and sits near the top of 我的; H5 pages have a title bar with 返回 or 首页', async () => {
    const ids = await data()
    const page = await j.phone(false, { offerElder: true })
    await j.signIn(page, '王秀英')
    const offer = page.locator('[data-testid="elder-offer"]:visible')
    await offer.waitFor({ timeout: 20_000 })
    await expect(offer.textContent()).resolves.toContain('需要大字模式吗')
    await j.shot(page, 'a11y-journey-01-elder-offer')
    // Both answers are on screen, above the tab bar.
    const no = (await offer.locator('[data-testid="elder-offer-no"]').boundingBox())!
    const tabBar = (await page.locator('.weui-tabbar').boundingBox())!
    expect(no.y + no.height).toBeLessThanOrEqual(tabBar.y + 1)
    await offer.locator('[data-testid="elder-offer-yes"]').click()
    await page.locator('[data-testid="page-home"].screen--elder').waitFor()
    await expect(page.evaluate(() => document.documentElement.classList.contains('elder'))).resolves.toBe(true)
    // Asked once: not again on the next start.
    await page.reload()
    await page.locator('[data-testid="page-home"] .home-hero__greeting').waitFor({ timeout: 20_000 })
    await expect(page.locator('[data-testid="elder-offer"]:visible').count()).resolves.toBe(0)

    // 我的: the switch is the first card under the profile, above 消息; it is a labelled switch.
    const me = await j.openPage(page, 'pages/me/index', 'page-me', 'elder-mode')
    const toggle = me.locator('[data-testid="elder-mode-switch"]')
    await expect(toggle.getAttribute('role')).resolves.toBe('switch')
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('true')
    const switchTop = (await toggle.boundingBox())!.y
    const messagesTop = (await me.locator('[data-testid="open-notifications"]').boundingBox())!.y
    expect(switchTop).toBeLessThan(messagesTop)
    await j.shot(page, 'a11y-journey-02-me-elder')
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false')
    await expect(page.evaluate(() => document.documentElement.classList.contains('elder'))).resolves.toBe(false)
    // Back on: the toast and a dialog (Taro's own, drawn outside the page) are in 长辈模式 sizes too.
    await toggle.click()
    const toast = page.locator('.taro__toast p', { hasText: '已开启长辈模式' })
    await toast.waitFor()
    expect(await toast.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(18)
    await page.locator('.me-logout__btn:visible').click()
    const modal = page.locator('.taro__modal')
    await modal.locator('.taro-modal__text').waitFor()
    expect(
      await modal.locator('.taro-modal__text').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(18)
    expect((await modal.locator('.taro-model__confirm').boundingBox())!.height).toBeGreaterThanOrEqual(60)
    await j.shot(page, 'a11y-journey-03-elder-dialog')
    await modal.locator('.taro-model__cancel').click()
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false')

    // A concern opened straight from a link: the title bar offers 首页; just raised, it offers to read it or go home.
    await j.openPage(page, `pages/concern-detail/index?id=${ids.concern}&created=1`, 'page-concern', 'concern-created')
    const home = page.locator('#taro-navigation-bar .taro-navigation-bar-home')
    await expect(home.getAttribute('aria-label')).resolves.toBe('首页')
    expect(await home.isVisible()).toBe(true)
    await j.shot(page, 'a11y-journey-04-created')
    await page.locator('[data-testid="created-home"]:visible').click()
    await page.locator('[data-testid="page-home"]:visible').waitFor({ timeout: 20_000 })

    // Opened from the board: 返回 goes back to it.
    await page.locator('.weui-tabbar__item', { hasText: '诉求' }).click()
    await page.locator('[data-testid="page-concerns"]:visible [data-testid="concern-card"]').first().click()
    // The concern opened from the link may still be in the page stack: the newest page is the last.
    await page
      .locator('[data-testid="page-concern"]:visible')
      .last()
      .locator('[data-testid="concern-description"]')
      .waitFor({ timeout: 20_000 })
    const back = page.locator('#taro-navigation-bar .taro-navigation-bar-back')
    expect(await back.isVisible()).toBe(true)
    await expect(back.getAttribute('aria-label')).resolves.toBe('返回')
    await back.click()
    await page.locator('[data-testid="page-concerns"]:visible').waitFor({ timeout: 20_000 })
    expect(page.errors).toEqual([])
  })
})
