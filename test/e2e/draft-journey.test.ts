import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * A concern written on a weak network: 王秀英 fills in 反映诉求 (text, photo, 3号楼) and taps 提交;
 * the server files it but every reply is lost on the way back. She is told it is kept on the phone,
 * the app is closed and opened again, 反映诉求 offers the draft back, 继续填写 restores everything,
 * and 提交 then opens the concern the server filed the first time — one concern, one
 * Idempotency-Key throughout — and the draft is gone.
 */
const j = journey()

describe.skipIf(!haveChromium)('the offline draft in Chromium (H5)', () => {
  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)('a lost reply, the app closed, the draft offered back and filed once (%s)', async (_mode, elder) => {
    const page = await j.phone(elder)
    const sfx = elder ? '-elder' : ''
    await j.signIn(page, '王秀英')
    const description = `${elder ? '6' : '7'}号楼门口的台阶松了，老人下楼差点绊倒，请尽快修一下`
    let raise = await j.openPage(page, 'pages/concern-raise/index', 'page-raise', 'raise-step-category')
    await raise.locator('[data-testid="category-facilities"]').click()
    await raise.locator('[data-testid="concern-description-input"] textarea').fill(description)
    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#8a7f6a' } })
      .jpeg()
      .toBuffer()
    await j.addPhoto(page, raise, photo)
    await raise.locator('[data-testid="place-building"]').click()
    await raise.locator('[data-testid="place-options"] [data-testid^="building-"]', { hasText: '3号楼' }).click()

    // The network drops every reply: the server files the concern, the phone never hears back.
    const keys: string[] = []
    const filed: string[] = []
    let lossy = true
    await page.route('**/api/concerns', async (route) => {
      if (route.request().method() !== 'POST') return route.continue()
      keys.push((await route.request().headerValue('idempotency-key')) ?? '')
      if (!lossy) return route.continue()
      const reply = await route.fetch()
      filed.push((await reply.json()).id)
      await route.abort('internetdisconnected')
    })
    await raise.locator('[data-testid="concern-submit"]').click()
    const similar = page.locator('[data-testid="similar-sheet"]')
    const toast = page.locator('.taro__toast p', { hasText: '内容已存在手机上' })
    await Promise.race([similar.waitFor({ timeout: 20_000 }), toast.waitFor({ timeout: 30_000 })])
    if (await similar.isVisible()) await similar.locator('[data-testid="similar-submit-anyway"]').click()
    await toast.waitFor({ timeout: 30_000 })
    await j.shot(page, `draft-01-lost-reply${sfx}`)
    expect(filed.length).toBeGreaterThanOrEqual(1)
    expect(new Set(filed).size).toBe(1)

    // The app is closed and opened again later, the network back.
    lossy = false
    await page.goto(`${j.url}/#/pages/home/index`)
    await page.reload()
    await page.locator('[data-testid="page-home"] .home-hero__greeting').waitFor({ timeout: 20_000 })
    raise = await j.openPage(page, 'pages/concern-raise/index', 'page-raise', 'raise-draft')
    const card = raise.locator('[data-testid="raise-draft"]')
    await expect(card.textContent()).resolves.toContain('公共设施')
    await expect(card.textContent()).resolves.toContain(description.slice(0, 10))
    await expect(card.textContent()).resolves.toContain('1 张照片')
    await j.shot(page, `draft-02-offered${sfx}`, card)
    await card.locator('[data-testid="raise-draft-resume"]').click()

    // Everything is back: the text, the photo (uploaded before), the building.
    await raise.locator('[data-testid="raise-step-form"]').waitFor()
    await expect(raise.locator('[data-testid="concern-description-input"] textarea').inputValue()).resolves.toBe(description)
    await expect(raise.locator('[data-testid="photo-item"][data-status="done"]').count()).resolves.toBe(1)
    await expect(
      raise.locator('[data-testid="place-options"] [data-testid^="building-"][aria-pressed="true"]').textContent(),
    ).resolves.toContain('3号楼')
    await j.shot(page, `draft-03-resumed${sfx}`)
    await raise.locator('[data-testid="concern-submit"]').click()
    const created = page.locator('[data-testid="page-concern"] [data-testid="concern-created"]')
    await Promise.race([similar.waitFor({ timeout: 20_000 }), created.waitFor({ timeout: 20_000 })])
    if (await similar.isVisible()) await similar.locator('[data-testid="similar-submit-anyway"]').click()
    await created.waitFor({ timeout: 20_000 })
    await j.shot(page, `draft-04-filed${sfx}`)

    // The concern on screen is the one filed the first time; one key was used for every try.
    const id = new URL(page.url().replace('#/', '')).searchParams.get('id')
    expect(id).toBe(filed[0])
    expect(new Set(keys).size).toBe(1)
    const detail = await j.api('GET', `/concerns/${id}`, await j.tokenOf('王秀英'))
    expect(detail.description).toBe(description)
    expect(detail.photos).toHaveLength(1)

    // Filed: nothing is offered any more.
    raise = await j.openPage(page, 'pages/concern-raise/index', 'page-raise', 'raise-step-category')
    await expect(raise.locator('[data-testid="raise-draft"]').count()).resolves.toBe(0)
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
