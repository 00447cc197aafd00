import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * 党员家庭代办站 in a real browser, both modes: 王秀英 asks 赵家党员代办站 to fetch her medicine from
 * 找人帮忙 (我的); 赵晓梅, whose station serves 3号楼, sees the errand without the address or phone,
 * accepts it (now she sees them) and marks it done; 王秀英 confirms with thanks; 赵晓梅's 代办服务
 * points arrive and she redeems them at the 爱心超市.
 */
const j = journey()

describe.skipIf(!haveChromium)('党员家庭代办站 in Chromium (H5)', () => {
  it('an errand asked, done, confirmed → points → redeemed at the 爱心超市', async () => {
    const chen = await j.tokenOf('陈书记')
    const wangToken = await j.tokenOf('王秀英')
    const communityId = (await j.api('GET', '/me', wangToken)).households[0].communityId as string
    await j.api('POST', `/communities/${communityId}/points/items`, chen, { name: '爱心挂面', price: 10, stock: 5 })
    for (const elder of [false, true]) {
      const mode = elder ? 'elder' : 'normal'
      const what = `帮忙去卫生站取降压药（${mode}）`
      const wang = await j.phone(elder)
      await j.signIn(wang, '王秀英')
      const me = await j.openPage(wang, 'pages/me/index', 'page-me', 'open-errands')
      await me.locator('[data-testid="open-errands"]').click()
      const list = wang.locator('[data-testid="page-errands"]:visible')
      await list.locator('[data-testid="errand-station"]').first().waitFor({ timeout: 20_000 })
      await j.shot(wang, `errands-01-mine-${mode}`)
      await list.locator('[data-testid="open-errand-ask"]').click()
      const ask = wang.locator('[data-testid="page-errand-ask"]:visible')
      await ask.locator('[data-testid="errand-kind-medicine"]').click()
      await ask.locator('[data-testid="errand-what"] textarea').fill(what)
      await ask.locator('[data-testid="errand-when"] input').fill('周三上午')
      await ask.locator('[data-testid="errand-contactPhone"] input').fill('13912345678')
      await expect(ask.locator('.chip--active', { hasText: '3号楼' }).count()).resolves.toBe(1)
      await j.shot(wang, `errands-02-ask-${mode}`)
      await ask.locator('[data-testid="errand-submit"]').click()
      const mine = list.locator('[data-testid="errand-card"]', { hasText: what })
      await mine.waitFor({ timeout: 20_000 })
      await expect(mine.getAttribute('data-status')).resolves.toBe('asked')
      const errandId = (await mine.getAttribute('data-id')) as string

      // 赵晓梅's station serves 3号楼: she sees what and when, not the address or the phone.
      const zhao = await j.phone(elder)
      await j.signIn(zhao, '赵晓梅')
      const before = Number(
        await (await j.openPage(zhao, `pages/points/index?communityId=${communityId}`, 'page-points', 'points-balance'))
          .locator('[data-testid="points-balance"]')
          .getAttribute('data-balance'),
      )
      const helper = await j.openPage(zhao, `pages/errand-helper/index?communityId=${communityId}`, 'page-errand-helper', 'errand-card')
      const card = helper.locator(`[data-testid="errand-card"][data-id="${errandId}"]`)
      await card.locator('[data-testid="errand-contact-hidden"]').waitFor({ timeout: 20_000 })
      expect(await card.textContent()).not.toContain('13912345678')
      await j.shot(zhao, `errands-03-helper-open-${mode}`, card)
      await card.locator('[data-testid="errand-accept"]').click()
      await j.confirm(zhao)
      await expect(card.locator('[data-testid="errand-contact"]').textContent()).resolves.toContain('13912345678')
      await card.locator('[data-testid="errand-done"]').click()
      await j.confirm(zhao)
      await expect.poll(() => card.getAttribute('data-status')).toBe('done')
      await j.shot(zhao, `errands-04-helper-done-${mode}`, card)

      // 王秀英 confirms and thanks.
      const again = await j.openPage(wang, `pages/errands/index?communityId=${communityId}`, 'page-errands', 'errand-card')
      const done = again.locator(`[data-testid="errand-card"][data-id="${errandId}"]`)
      await expect.poll(() => done.getAttribute('data-status')).toBe('done')
      await done.locator('[data-testid="errand-confirm"]').click()
      await done.locator('[data-testid="errand-thanks"] textarea').fill('谢谢小赵，药收到了！')
      await j.shot(wang, `errands-05-confirm-${mode}`, done)
      await done.locator('[data-testid="errand-confirm-submit"]').click()
      await expect.poll(() => done.getAttribute('data-status')).toBe('confirmed')
      await expect(done.locator('[data-testid="errand-points"]').textContent()).resolves.toContain('+10')
      await j.shot(wang, `errands-06-confirmed-${mode}`, done)

      // The points are 赵晓梅's; she spends them at the 爱心超市.
      const points = await j.openPage(zhao, `pages/points/index?communityId=${communityId}`, 'page-points', 'points-balance')
      await expect
        .poll(async () => Number(await points.locator('[data-testid="points-balance"]').getAttribute('data-balance')))
        .toBe(before + 10)
      await points.locator('[data-testid="open-shop"]').click()
      const shop = zhao.locator('[data-testid="page-points-shop"]:visible')
      const noodles = shop.locator('[data-testid="shop-item"][data-name="爱心挂面"]')
      await noodles.waitFor({ timeout: 20_000 })
      await noodles.locator('[data-testid="shop-redeem"]').click()
      await j.confirm(zhao)
      const digits = shop.locator('[data-testid="fresh-redemption"] [data-testid="redemption-digits"]')
      await digits.waitFor({ timeout: 20_000 })
      expect(((await digits.textContent()) ?? '').trim()).toMatch(/^\d{8}$/)
      await j.shot(zhao, `errands-07-redeemed-${mode}`, digits)

      // 陈书记's 代办站: the errand with its contact, the stations.
      const staff = await j.phone(elder)
      await j.signIn(staff, '陈书记')
      const desk = await j.openPage(staff, `staff/pages/errands/index?communityId=${communityId}`, 'page-staff-errands', 'errand-card')
      await expect(desk.locator(`[data-testid="errand-card"][data-id="${errandId}"] [data-testid="errand-contact"]`).count()).resolves.toBe(
        1,
      )
      await j.shot(staff, `errands-08-staff-${mode}`)
      await desk.locator('[data-testid="errands-tab-stations"]').click()
      await desk.locator('[data-testid="staff-station"]').first().waitFor({ timeout: 20_000 })
      await j.shot(staff, `errands-09-stations-${mode}`)
      await desk.locator('[data-testid="errands-tab-ask"]').click()
      await desk.locator('[data-testid="errand-residentName"]').waitFor({ timeout: 20_000 })
      await j.shot(staff, `errands-10-on-behalf-${mode}`)

      for (const p of [wang, zhao, staff]) {
        expect(p.errors).toEqual([])
        await p.context().close()
      }
    }
  })
})
