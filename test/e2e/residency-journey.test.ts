import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * The foundation journey in a real browser on the H5 build served by `npm start`: a new resident
 * claims a household, the community worker approves it, the resident sees it verified — in
 * normal and in 长辈模式, with screenshots of each screen.
 */
const j = journey()
const { shot } = j

/** A phone; signing in here starts from a clean login page (the journey signs out by clearing storage). */
const newPhone = (elder: boolean) => j.phone(elder)

async function signIn(page: Page, nickname: string) {
  await page.goto(`${j.url}/#/pages/login/index`)
  await page.locator('[data-testid="page-login"] [data-testid="dev-user"]', { hasText: nickname }).click()
  await page.locator('[data-testid="page-home"] .home-hero__greeting').waitFor({ timeout: 20_000 })
}

async function openMe(page: Page) {
  await page.locator('.weui-tabbar__item', { hasText: '我的' }).click()
  await page.locator('[data-testid="page-me"]').waitFor({ state: 'visible' })
}

async function signOut(page: Page) {
  // The phone has answered "需要大字模式吗？" already (the a11y journey asks it).
  await page.evaluate(() => {
    localStorage.clear()
    localStorage.setItem('linli.elderOffered', JSON.stringify({ data: true }))
  })
}

const journeys = [
  { elder: false, label: 'normal', resident: '李建国', room: '301', building: '2号楼', unit: '1单元' },
  { elder: true, label: 'elder', resident: '李建国', room: '402', building: '4号楼', unit: '2单元' },
]

describe.skipIf(!haveChromium)('residency claim journey in Chromium (H5)', () => {
  it.each(journeys)('resident claims $building $unit $room, worker approves, resident is verified ($label)', async (j) => {
    const page = await newPhone(j.elder)
    const suffix = j.elder ? '-elder' : ''
    if (j.elder) await page.locator('.screen--elder').first().waitFor()

    await signIn(page, j.resident)
    await shot(page, `e2e-01-home${suffix}`)
    await openMe(page)
    await shot(page, `e2e-02-me${suffix}`)

    await page.locator('[data-testid="page-me"] [data-testid="open-claim-form"]').click()
    const claim = page.locator('[data-testid="page-claim"]')
    await claim.locator('[data-testid="choices-building"] [data-testid="choice"]', { hasText: j.building }).click()
    await claim.locator('[data-testid="choices-unit"] [data-testid="choice"]', { hasText: j.unit }).click()
    await shot(page, `e2e-03-claim-room${suffix}`)
    await claim.locator('[data-testid="choices-room"] [data-testid="choice"]', { hasText: j.room }).first().click()
    await claim.locator('[data-testid="choices-relation"] [data-testid="choice"]', { hasText: /^业主/ }).click()
    await shot(page, `e2e-04-claim-confirm${suffix}`)
    await claim.getByText('提交认证', { exact: true }).click()
    await expect(claim.locator('[data-testid="claim-success"]').textContent()).resolves.toContain('等待社区审核')
    await shot(page, `e2e-05-claim-success${suffix}`)

    // The worker of the community approves it.
    await signOut(page)
    await signIn(page, '刘网格')
    await openMe(page)
    await page.locator('[data-testid="page-me"] [data-testid="open-staff"]').click()
    await page.locator('[data-testid="page-workbench"] [data-testid="open-claims"]').click()
    const staff = page.locator('[data-testid="page-staff-claims"]')
    const card = staff.locator('[data-testid="staff-claim"]', { hasText: `${j.building} ${j.unit} ${j.room}室` })
    await card.waitFor({ timeout: 20_000 })
    await expect(card.textContent()).resolves.toContain(j.resident)
    await shot(page, `e2e-06-staff-queue${suffix}`)
    await card.locator('.claim-approve').click()
    await card.waitFor({ state: 'detached', timeout: 20_000 })
    await shot(page, `e2e-07-staff-approved${suffix}`)

    // The resident sees the household verified.
    await signOut(page)
    await signIn(page, j.resident)
    await openMe(page)
    const verified = page.locator('[data-testid="page-me"] [data-testid="my-claim"][data-status="verified"]', {
      hasText: `${j.building} ${j.unit} ${j.room}室`,
    })
    await verified.waitFor({ timeout: 20_000 })
    await shot(page, `e2e-08-me-verified${suffix}`)

    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.context().close()
  })

  it('refuses a resident’s token on the staff queue with a Chinese 403', async () => {
    const login = await fetch(`${j.url}/api/auth/dev/users`).then((r) => r.json())
    const wang = login.items.find((u: { nickname: string }) => u.nickname === '王秀英')
    const session = await fetch(`${j.url}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: wang.id }),
    }).then((r) => r.json())
    const me = await fetch(`${j.url}/api/me`, { headers: { authorization: `Bearer ${session.token}` } }).then((r) => r.json())
    expect(me.memberships[0].role).toBe('resident')
    const res = await fetch(`${j.url}/api/communities/${me.memberships[0].communityId}/residency/claims`, {
      headers: { authorization: `Bearer ${session.token}` },
    })
    expect(res.status).toBe(403)
    expect((await res.json()).error.message).toMatch(/权限/)
  })
})
