import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * 道德银行 and 爱心超市 in a real browser, both modes: 王秀英 (with her seeded points and four good
 * deeds approved) opens 我的积分 from 我的, goes to the 爱心超市 and redeems a 理发券; the code shows as
 * a QR code and 8 digits. 陈书记 types the digits on 兑换核销 and hands the item over; her balance has
 * dropped by 50; the same code typed again is refused. Then 陈书记 finds her under 居民积分 and
 * corrects one good deed with a reason: a reversing entry, and her balance drops.
 */
const j = journey()

async function approvedDeeds(n: number) {
  const wang = await j.tokenOf('王秀英')
  const chen = await j.tokenOf('陈书记')
  const me = await j.api('GET', '/me', wang)
  const communityId = me.households[0].communityId as string
  for (let i = 0; i < n; i++) {
    const deed = await j.api('POST', `/communities/${communityId}/points/good-deeds`, wang, {
      text: `帮独居的张奶奶买菜送上楼，第 ${i + 1} 次。`,
      photoId: await j.photo(wang),
    })
    await j.api('POST', `/points/good-deeds/${deed.id}/review`, chen, { verdict: 'approve' })
  }
  // One more, waiting for review: staff see its text and photo on 积分管理.
  await j.api('POST', `/communities/${communityId}/points/good-deeds`, wang, {
    text: '雨天帮邻居收了晾在楼下的衣服。',
    photoId: await j.photo(wang, '#7a9a5b'),
  })
  return communityId
}

describe.skipIf(!haveChromium)('道德银行 and 爱心超市 in Chromium (H5)', () => {
  it('王秀英 redeems a 理发券, 陈书记 hands it over once, her balance drops', async () => {
    const communityId = await approvedDeeds(4)
    for (const elder of [false, true]) {
      const mode = elder ? 'elder' : 'normal'
      const page = await j.phone(elder)
      await j.signIn(page, '王秀英')
      const me = await j.openPage(page, 'pages/me/index', 'page-me', 'open-points')
      await me.locator('[data-testid="open-points"]').click()
      const points = page.locator('[data-testid="page-points"]:visible')
      const balanceBox = points.locator('[data-testid="points-balance"]')
      await balanceBox.waitFor({ timeout: 20_000 })
      const before = Number(await balanceBox.getAttribute('data-balance'))
      expect(before).toBeGreaterThanOrEqual(50)
      await points.locator('[data-testid="statement-closing"]').waitFor({ timeout: 20_000 })
      await j.shot(page, `points-01-mine-${mode}`)

      await points.locator('[data-testid="open-shop"]').click()
      const shop = page.locator('[data-testid="page-points-shop"]:visible')
      const haircut = shop.locator('[data-testid="shop-item"][data-name="理发券"]')
      await haircut.waitFor({ timeout: 20_000 })
      await j.shot(page, `points-02-shop-${mode}`)
      await haircut.locator('[data-testid="shop-redeem"]').click()
      await j.confirm(page)
      const digits = shop.locator('[data-testid="fresh-redemption"] [data-testid="redemption-digits"]')
      await digits.waitFor({ timeout: 20_000 })
      const code = ((await digits.textContent()) ?? '').trim()
      expect(code).toMatch(/^\d{8}$/)
      await expect(shop.locator('[data-testid="fresh-redemption"] [data-testid="redemption-qr"]').getAttribute('data-value')).resolves.toBe(
        code,
      )
      await j.shot(page, `points-03-code-${mode}`, digits)

      const staff = await j.phone(elder)
      await j.signIn(staff, '陈书记')
      const redeem = await j.openPage(staff, `staff/pages/redeem/index?communityId=${communityId}`, 'page-staff-redeem', 'handover-code')
      await redeem.locator('[data-testid="handover-code"] input').fill(code)
      await redeem.locator('[data-testid="handover-submit"]').click()
      await expect(redeem.locator('[data-testid="handover-done"]').textContent()).resolves.toContain('理发券')
      await j.shot(staff, `points-04-handed-over-${mode}`)
      await redeem.locator('[data-testid="handover-code"] input').fill(code)
      await redeem.locator('[data-testid="handover-submit"]').click()
      await expect(redeem.locator('[data-testid="field-error"]').textContent()).resolves.toContain('已经领取过')
      await j.shot(staff, `points-05-used-twice-${mode}`)
      const manage = await j.openPage(staff, `staff/pages/points/index?communityId=${communityId}`, 'page-staff-points', 'review-deed')
      const pending = manage.locator('[data-testid="review-deed"]', { hasText: '雨天帮邻居' })
      await pending.locator('.points-deed-photo img').waitFor({ timeout: 20_000 })
      await j.shot(staff, `points-07-review-${mode}`, pending)

      const again = await j.openPage(page, `pages/points/index?communityId=${communityId}`, 'page-points', 'points-balance')
      await expect
        .poll(async () => Number(await again.locator('[data-testid="points-balance"]').getAttribute('data-balance')))
        .toBe(before - 50)
      await j.shot(page, `points-06-after-${mode}`)

      // 陈书记 finds her under 居民积分 and corrects one good deed: a reversing entry with a reason.
      await manage.locator('[data-testid="accounts-search"] input').fill('王秀英')
      const row = manage.locator('[data-testid="account-row"]', { hasText: '王秀英' })
      await row.waitFor({ timeout: 20_000 })
      await row.click()
      const account = staff.locator('[data-testid="page-points-account"]:visible')
      const deed = account.locator('[data-testid="account-entry"][data-kind="good_deed"]', {
        has: staff.locator('[data-testid="entry-correct"]'),
      })
      await deed.first().waitFor({ timeout: 20_000 })
      await j.shot(staff, `points-08-account-${mode}`)
      const balanceBefore = Number(((await account.locator('[data-testid="account-balance"]').textContent()) ?? '').replace(/\D/g, ''))
      expect(balanceBefore).toBe(before - 50)
      await deed.first().locator('[data-testid="entry-correct"]').click()
      const sheet = staff.locator('[data-testid="correct-sheet"]')
      await sheet.locator('[data-testid="correct-reason"] textarea').fill('重复上报，更正')
      await j.shot(staff, `points-09-correct-${mode}`)
      await sheet.locator('[data-testid="correct-confirm"]').click()
      await account
        .locator('[data-testid="account-entry"][data-kind="reversal"]', { hasText: '重复上报，更正' })
        .waitFor({ timeout: 20_000 })
      await expect
        .poll(async () => Number(((await account.locator('[data-testid="account-balance"]').textContent()) ?? '').replace(/\D/g, '')))
        .toBeLessThan(balanceBefore)
      await j.shot(staff, `points-10-corrected-${mode}`)
      expect(page.errors).toEqual([])
      expect(staff.errors).toEqual([])
      await staff.context().close()
      await page.context().close()
    }
  })
})
