import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey, type Phone } from '../helpers/journey.js'

/**
 * 志愿活动 in a real browser, both modes: 王秀英 opens 志愿活动 from 我的, sees places left and signs up
 * (one activity per mode, starting a minute and a half later and ending soon after); 陈书记 sees the
 * 志愿活动管理 page with its form, and once the activities have ended opens the roster, marks her
 * attended for 2 hours and signs off; 王秀英's 我的积分 has grown by 2 × 10 and 我报名的 shows the points.
 */
const j = journey()
const modes = [false, true] as const
const mode = (elder: boolean) => (elder ? 'elder' : 'normal')

async function signUpInUi(page: Phone, title: string, elder: boolean) {
  const me = await j.openPage(page, 'pages/me/index', 'page-me', 'open-volunteering')
  await me.locator('[data-testid="open-volunteering"]').click()
  const list = page.locator('[data-testid="page-volunteering"]:visible')
  const card = list.locator(`[data-testid="activity-card"][data-title="${title}"]`)
  await card.waitFor({ timeout: 20_000 })
  await j.shot(page, `volunteering-01-list-${mode(elder)}`)
  await card.click()
  const detail = page.locator('[data-testid="page-volunteer-activity"]:visible')
  await expect(detail.locator('[data-testid="activity-places"]').getAttribute('data-left')).resolves.toBe('5')
  await j.shot(page, `volunteering-02-detail-${mode(elder)}`)
  await detail.locator('[data-testid="activity-sign-up"]').click()
  await detail.locator('[data-testid="activity-signed-up"]').waitFor({ timeout: 20_000 })
  await expect.poll(() => detail.locator('[data-testid="activity-places"]').getAttribute('data-left')).toBe('4')
  await j.shot(page, `volunteering-03-signed-up-${mode(elder)}`)
}

describe.skipIf(!haveChromium)('志愿活动 in Chromium (H5)', () => {
  it('王秀英 signs up, 陈书记 signs off after the end, her 积分 shows the points', async () => {
    const wang = await j.tokenOf('王秀英')
    const chen = await j.tokenOf('陈书记')
    const communityId = (await j.api('GET', '/me', wang)).households[0].communityId as string
    const starts = Date.now() + 90_000
    const ids: Record<string, string> = {}
    for (const elder of modes) {
      const title = `助老志愿服务${elder ? '（长辈）' : '（标准）'}`
      const a = await j.api('POST', `/communities/${communityId}/volunteering/activities`, chen, {
        title,
        place: '社区服务站门口',
        organiser: '文安路社区志愿服务队',
        description: '陪独居老人聊天、打扫卫生。',
        startsAt: new Date(starts).toISOString(),
        endsAt: new Date(starts + 15_000).toISOString(),
        capacity: 5,
        hours: 2,
      })
      ids[mode(elder)] = a.id
    }

    for (const elder of modes) {
      const page = await j.phone(elder)
      await j.signIn(page, '王秀英')
      await signUpInUi(page, `助老志愿服务${elder ? '（长辈）' : '（标准）'}`, elder)
      expect(page.errors).toEqual([])
      await page.context().close()
      const staff = await j.phone(elder)
      await j.signIn(staff, '陈书记')
      await j.openPage(staff, `staff/pages/index/index?communityId=${communityId}`, 'page-workbench', 'open-staff-volunteering')
      const manage = await j.openPage(
        staff,
        `staff/pages/volunteering/index?communityId=${communityId}`,
        'page-staff-volunteering',
        'vol-form',
      )
      await manage.locator('[data-testid="activity-card"]').first().waitFor({ timeout: 20_000 })
      await j.shot(staff, `volunteering-04-manage-${mode(elder)}`)
      await j.shot(staff, `volunteering-05-form-${mode(elder)}`, manage.locator('[data-testid="vol-submit"]'))
      expect(staff.errors).toEqual([])
      await staff.context().close()
    }

    const wait = starts + 15_000 + 2_000 - Date.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))

    for (const elder of modes) {
      const before = (await j.api('GET', `/communities/${communityId}/points`, wang)).balance as number
      const staff = await j.phone(elder)
      await j.signIn(staff, '陈书记')
      const roster = await j.openPage(
        staff,
        `staff/pages/volunteer-roster/index?id=${ids[mode(elder)]}`,
        'page-volunteer-roster',
        'roster-row',
      )
      const row = roster.locator('[data-testid="roster-row"][data-name="王秀英"]')
      await row.locator('[data-testid="roster-hours"]').waitFor({ timeout: 20_000 })
      await j.shot(staff, `volunteering-06-roster-${mode(elder)}`)
      await roster.locator('[data-testid="roster-sign-off"]').click()
      await expect.poll(() => row.locator('[data-testid="roster-outcome"]').textContent(), { timeout: 20_000 }).toContain('获得 20 积分')
      await j.shot(staff, `volunteering-07-signed-off-${mode(elder)}`)
      expect(staff.errors).toEqual([])
      await staff.context().close()

      const page = await j.phone(elder)
      await j.signIn(page, '王秀英')
      const points = await j.openPage(page, `pages/points/index?communityId=${communityId}`, 'page-points', 'points-balance')
      await expect
        .poll(async () => Number(await points.locator('[data-testid="points-balance"]').getAttribute('data-balance')))
        .toBe(before + 20)
      await j.shot(page, `volunteering-08-points-${mode(elder)}`)
      const list = await j.openPage(page, `pages/volunteering/index?communityId=${communityId}`, 'page-volunteering', 'vol-tab-mine')
      await list.locator('[data-testid="vol-tab-mine"]').click()
      const mine = list.locator(`[data-testid="activity-card"][data-activity-id="${ids[mode(elder)]}"] [data-testid="activity-mine"]`)
      await expect.poll(() => mine.textContent(), { timeout: 20_000 }).toContain('20 积分')
      await j.shot(page, `volunteering-09-mine-${mode(elder)}`)
      expect(page.errors).toEqual([])
      await page.context().close()
    }
  })
})
