import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * 资源清单 in a real browser, both modes: 王秀英 offers a skill of her own, changes when she can,
 * then withdraws it after confirming — and it is gone from the list. 赵晓梅 sees the offer without
 * her phone and without 修改 or 撤回.
 */
const j = journey()

describe.skipIf(!haveChromium)('资源清单 in Chromium (H5)', () => {
  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)('王秀英 offers a skill, changes it and withdraws it (%s)', async (_mode, elder) => {
    const mode = elder ? 'elder' : 'normal'
    const wang = await j.tokenOf('王秀英')
    const communityId = (await j.api('GET', '/me', wang)).households[0].communityId as string
    const title = elder ? '陪老人聊天解闷' : '教老人用智能手机'
    const page = await j.phone(elder)
    await j.signIn(page, '王秀英')
    const list = await j.openPage(page, `pages/resources/index?communityId=${communityId}`, 'page-resources', 'resource-add')
    await list.locator('[data-testid="resource-add"]').click()
    const sheet = page.locator('[data-testid="resource-sheet"]')
    await sheet.locator('[data-testid="resource-kind-skill"]').click()
    await sheet.locator('[data-testid="resource-ownerName-input"] input').fill('王秀英')
    await sheet.locator('[data-testid="resource-title-input"] input').fill(title)
    await sheet.locator('[data-testid="resource-description-input"] textarea').fill('退休教师，耐心细致，可以上门')
    await sheet.locator('[data-testid="resource-availability-input"] input').fill('每周六上午')
    await sheet.locator('[data-testid="resource-contactName-input"] input').fill('王秀英')
    await sheet.locator('[data-testid="resource-contactPhone-input"] input').fill('13800000001')
    await sheet.locator('[data-testid="resource-submit"]').click()
    const card = list.locator(`[data-testid="resource-card"][data-title="${title}"]`)
    await card.waitFor({ timeout: 20_000 })
    await expect(card.locator('[data-testid="resource-contact"]').textContent()).resolves.toContain('13800000001')
    await j.shot(page, `resources-01-offered-${mode}`, card)

    // Another resident sees it without the phone and cannot change it.
    const zhao = await j.phone(elder)
    await j.signIn(zhao, '赵晓梅')
    const theirs = await j.openPage(zhao, `pages/resources/index?communityId=${communityId}`, 'page-resources', 'resource-add')
    const seen = theirs.locator(`[data-testid="resource-card"][data-title="${title}"]`)
    await seen.waitFor({ timeout: 20_000 })
    await expect(seen.locator('[data-testid="resource-contact"]').textContent()).resolves.not.toContain('13800000001')
    expect(await seen.locator('[data-testid="resource-edit"]').count()).toBe(0)
    await zhao.context().close()

    await card.locator('[data-testid="resource-edit"]').click()
    const edit = page.locator('[data-testid="resource-sheet"]')
    await edit.locator('[data-testid="resource-availability-input"] input').fill('每周三下午')
    await j.shot(page, `resources-02-edit-${mode}`)
    await edit.locator('[data-testid="resource-submit"]').click()
    await expect.poll(async () => card.textContent(), { timeout: 20_000 }).toContain('每周三下午')

    await card.locator('[data-testid="resource-withdraw"]').click()
    await j.confirm(page)
    await card.waitFor({ state: 'detached', timeout: 20_000 })
    await j.shot(page, `resources-03-withdrawn-${mode}`)
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
