import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { sessionWithRound } from '../helpers/e2e-needs.js'
import { journey } from '../helpers/journey.js'

/**
 * 需求清单 in a real browser: 陈书记 opens a dot round for the coming 每月一议; 王秀英 finds 需求清单 on the
 * 议事 tab, supports 独居老人助餐 and places her three dots (two on it, one on 楼道照明改造); 陈书记 sees the
 * ranking on 社区工作台 → 需求清单管理 and offers the top need as a topic of the session. Both modes.
 */
const j = journey()
const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)

describe.skipIf(!haveChromium)('需求清单 in Chromium (H5)', () => {
  it('a resident supports and ranks needs; the secretary offers the top one as a topic', async () => {
    const chen = await j.tokenOf('陈书记')
    const communityId = (await j.api('GET', '/me', chen)).staffOf[0] as string
    const { sessionId, roundId } = await sessionWithRound(j, chen, communityId, '需求排序每月一议', 5)

    for (const elder of [false, true]) {
      const mode = elder ? 'elder' : 'normal'
      const page = await j.phone(elder)
      await j.signIn(page, '王秀英')
      await page.locator('.weui-tabbar__item', { hasText: '议事' }).click()
      await visible(page, 'page-councils').locator('[data-testid="open-needs"]').click()
      const needs = visible(page, 'page-needs')
      await needs.locator('[data-testid="need-round"]').waitFor({ timeout: 20_000 })
      const meals = needs.locator('[data-testid="need-card"][data-title="独居老人助餐"]')
      const light = needs.locator('[data-testid="need-card"][data-title="楼道照明改造"]')
      if (!elder) {
        await meals.locator('[data-testid="need-support"]').click()
        await expect.poll(() => meals.locator('[data-testid="need-support"]').getAttribute('data-supported')).toBe('true')
        await expect(meals.locator('[data-testid="need-supporters"]').textContent()).resolves.toContain('2 人支持')
        for (let i = 0; i < 2; i++) {
          await meals.locator('[data-testid="need-dot-add"]').click()
          await expect.poll(() => meals.locator('[data-testid="need-dots"]').getAttribute('data-value')).toBe(String(i + 1))
        }
        await light.locator('[data-testid="need-dot-add"]').click()
        await expect.poll(() => needs.locator('[data-testid="need-dots-left"]').textContent()).toContain('0 / 3')
      }
      await j.shot(page, `needs-01-round-${mode}`, needs.locator('[data-testid="need-round"]'))
      await j.shot(page, `needs-02-card-${mode}`, meals)
      expect(page.errors).toEqual([])
    }

    for (const elder of [false, true]) {
      const mode = elder ? 'elder' : 'normal'
      const page = await j.phone(elder)
      await j.signIn(page, '陈书记')
      await page.goto(`${j.url}/#/staff/pages/index/index?communityId=${communityId}`)
      await page.reload()
      await visible(page, 'page-workbench').locator('[data-testid="open-staff-needs"]').click()
      const staff = visible(page, 'page-staff-needs')
      const top = staff.locator(`[data-testid="need-round"][data-round-id="${roundId}"] [data-testid="need-rank"]`).first()
      await top.waitFor({ timeout: 20_000 })
      await expect(top.textContent()).resolves.toContain('独居老人助餐')
      await j.shot(page, `needs-03-staff-ranking-${mode}`)
      if (!elder) {
        await staff.locator('[data-testid="needs-offer"]').click()
        await page.getByText('已提交为议题').first().waitFor({ timeout: 10_000 })
        const topics = await j.api('GET', `/sessions/${sessionId}/topics`, chen)
        expect(topics.items.map((x: { title: string }) => x.title)).toContain('独居老人助餐')
        await j.shot(page, `needs-04-offered-${mode}`)
      }
      expect(page.errors).toEqual([])
    }
  })
})
