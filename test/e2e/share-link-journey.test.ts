import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * A shared link survives signing in: 王秀英, not signed in on this phone, opens a link to an open
 * vote (as from a WeChat group); the app asks her to sign in and then shows that vote, not 首页.
 */
const j = journey()

describe.skipIf(!haveChromium)('a shared link in Chromium (H5)', () => {
  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)('opens the vote it points to after signing in (%s)', async (_mode, elder) => {
    const chen = await j.tokenOf('陈书记')
    const communityId = (await j.api('GET', '/me', chen)).staffOf[0] as string
    const now = Date.now()
    const title = elder ? '小区西门增设快递柜' : '楼下增设电动车充电桩'
    const vote = await j.api('POST', `/communities/${communityId}/proposals`, chen, {
      title,
      text: '是否同意在小区内增设，费用由社区微更新经费承担。',
      options: { kind: 'yes_no' },
      electorate: { kind: 'residents' },
      unit: 'resident',
      rule: 'simple_majority',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 3 * 86400_000).toISOString(),
    })
    await j.api('POST', `/proposals/${vote.id}/actions`, chen, { action: 'open' })

    const page = await j.phone(elder)
    await page.goto(`${j.url}/#/pages/vote/index?id=${vote.id}`)
    await page.reload()
    const login = page.locator('[data-testid="page-login"]:visible')
    await login.waitFor({ timeout: 20_000 })
    expect(decodeURIComponent(page.url())).toContain(`next=/pages/vote/index?id=${vote.id}`)
    await j.shot(page, `share-01-sign-in${elder ? '-elder' : ''}`)
    await login.locator('[data-testid="dev-user"]', { hasText: '王秀英' }).click()

    const votePage = page.locator('[data-testid="page-vote"]:visible')
    await votePage.locator('[data-testid="vote-ballot"]').waitFor({ timeout: 20_000 })
    expect(page.url()).toContain(`id=${vote.id}`)
    await expect(votePage.textContent()).resolves.toContain(title)
    await j.shot(page, `share-02-vote${elder ? '-elder' : ''}`)
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
