import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * 首页 as a to-do list (待办), in a real browser on the H5 build served by `npm start`: 王秀英, with an
 * open vote she has not cast and a concern resolved and waiting for her rating, sees both on 首页;
 * she taps the vote, votes, and back on 首页 it is gone (the rating still waits). 陈书记 sees her
 * community's new concerns and pending claims and the 社区工作台 entry on 首页, never "去认证".
 * Screenshots in normal and 长辈模式.
 */
const j = journey()
const { phone, shot, signIn, api, tokenOf } = j

/** 王秀英's concern, raised, signed for, handled and resolved by 刘网格; a vote of all residents, open. */
async function setUp() {
  const [wang, liu, chen] = [await tokenOf('王秀英'), await tokenOf('刘网格'), await tokenOf('陈书记')]
  const communityId = (await api('GET', '/me', chen)).staffOf[0] as string
  const concern = await api(
    'POST',
    '/concerns',
    wang,
    { communityId, category: 'facilities', description: '3号楼门口的路灯不亮了，晚上很黑', place: { kind: 'text', text: '3号楼门口' } },
    { 'Idempotency-Key': `todo-${Date.now()}` },
  )
  await api('POST', `/concerns/${concern.id}/transitions`, liu, { action: 'accept' })
  await api('POST', `/concerns/${concern.id}/transitions`, liu, { action: 'start' })
  await api('POST', `/concerns/${concern.id}/transitions`, liu, { action: 'resolve', note: '已更换灯泡', photoIds: [await j.photo(liu)] })
  // A second concern, new: 陈书记's 待签收.
  await api(
    'POST',
    '/concerns',
    wang,
    { communityId, category: 'sanitation', description: '2号楼楼下垃圾桶满了没人清理', place: { kind: 'text', text: '2号楼楼下' } },
    { 'Idempotency-Key': `todo-new-${Date.now()}` },
  )
  const now = Date.now()
  const vote = await api('POST', `/communities/${communityId}/proposals`, chen, {
    title: '楼道加装声控灯',
    text: '在各楼道加装声控灯，费用由社区微更新经费承担。',
    options: { kind: 'yes_no' },
    electorate: { kind: 'residents' },
    unit: 'resident',
    rule: 'simple_majority',
    opensAt: new Date(now - 60_000).toISOString(),
    closesAt: new Date(now + 3 * 86400_000).toISOString(),
  })
  await api('POST', `/proposals/${vote.id}/actions`, chen, { action: 'open' })
  return { voteId: vote.id as string, concernId: concern.id as string }
}

const home = (page: Page) => page.locator('[data-testid="page-home"]:visible')
/** Her concern to rate (the demo's year of history may leave her others). */
const rateItem = (page: Page) => home(page).locator('[data-testid="todo-rate"]', { hasText: '3号楼门口的路灯' })

describe.skipIf(!haveChromium)('首页 待办 in Chromium (H5)', () => {
  it('王秀英 sees her open vote and the concern to rate, votes from 首页 and the vote is gone; 陈书记 sees staff work and 社区工作台', async () => {
    const { voteId, concernId } = await setUp()

    // 长辈模式 first (the vote is still open): both items, large.
    const elder = await phone(true)
    await signIn(elder, '王秀英')
    await home(elder).locator('[data-testid="todo-vote"]').waitFor({ timeout: 20_000 })
    await rateItem(elder).waitFor()
    await shot(elder, 'todo-01-resident-elder', home(elder).locator('[data-testid="todo"]'))

    const page = await phone()
    await signIn(page, '王秀英')
    const todo = home(page).locator('[data-testid="todo"]')
    await todo.locator('[data-testid="todo-vote"]').waitFor({ timeout: 20_000 })
    await expect(todo.locator('[data-testid="todo-vote"]').textContent()).resolves.toContain('楼道加装声控灯')
    await expect(rateItem(page).isVisible()).resolves.toBe(true)
    await expect(home(page).locator('[data-testid="home-workbench"]').count()).resolves.toBe(0)
    await shot(page, 'todo-02-resident', todo)

    // The 首页 tab's badge counts what waits (notices and her own to-dos).
    const badge = (p: Page) => p.locator('.weui-tabbar__item', { hasText: '首页' }).locator('.weui-badge')
    await badge(page).waitFor({ timeout: 20_000 })
    const before = Number(await badge(page).textContent())
    expect(before).toBeGreaterThanOrEqual(2)

    // One tap: the vote's page. She votes 同意.
    await todo.locator('[data-testid="todo-vote"]').click()
    const votePage = page.locator('[data-testid="page-vote"]:visible')
    await votePage.locator('[data-testid="vote-ballot"]').waitFor({ timeout: 20_000 })
    expect(page.url()).toContain(`id=${voteId}`)
    await votePage.locator('[data-testid="vote-option"][data-key="yes"]').click()
    await votePage.locator('[data-testid="vote-submit"]').click()
    const sheet = page.locator('[data-testid="vote-confirm-sheet"]').last()
    await sheet.waitFor()
    await sheet.locator('[data-testid="vote-confirm"]').click()
    await votePage.locator('[data-testid="my-ballot"]').waitFor({ timeout: 20_000 })

    // Opened again on another tab (议事), the badge is there and one less.
    await page.goto(`${j.url}/#/pages/councils/index`)
    await page.reload()
    await page.locator('[data-testid="page-councils"]:visible').waitFor({ timeout: 20_000 })
    await expect.poll(async () => Number(await badge(page).textContent()), { timeout: 20_000 }).toBe(before - 1)
    await shot(page, 'todo-03a-badge-on-councils')

    // Back on 首页: the vote is gone, the rating still waits and opens her concern.
    await page.goto(`${j.url}/#/pages/home/index`)
    await page.reload()
    await rateItem(page).waitFor({ timeout: 20_000 })
    await expect.poll(() => home(page).locator('[data-testid="todo-vote"]').count(), { timeout: 20_000 }).toBe(0)
    await shot(page, 'todo-03-resident-after-vote', home(page).locator('[data-testid="todo"]'))
    await rateItem(page).click()
    await page.locator('[data-testid="page-concern"]:visible').first().waitFor({ timeout: 20_000 })
    expect(page.url()).toContain(`id=${concernId}`)

    // 李建国's claim waits for a worker: one item (no second banner), opening 我的.
    await signIn(page, '李建国')
    await home(page).locator('[data-testid="todo-claim"]').waitFor({ timeout: 20_000 })
    await expect(home(page).locator('[data-testid="todo-claim"]').textContent()).resolves.toContain('2号楼 1单元 602室')
    await expect(home(page).locator('.home-banner').count()).resolves.toBe(0)
    await shot(page, 'todo-03b-claim', home(page).locator('[data-testid="todo"]'))
    await home(page).locator('[data-testid="todo-claim"]').click()
    await page.locator('[data-testid="page-me"]:visible').waitFor({ timeout: 20_000 })

    // 陈书记: her community's new concerns and pending claims, the 社区工作台 on 首页, no 去认证.
    for (const [p, sfx] of [
      [page, ''],
      [elder, '-elder'],
    ] as const) {
      await signIn(p, '陈书记')
      const staff = home(p).locator('[data-testid="staff-todo"]')
      await staff.locator('[data-testid="todo-new_concerns"]').waitFor({ timeout: 20_000 })
      await expect(staff.locator('[data-testid="todo-new_concerns"]').textContent()).resolves.toMatch(/\d+ 件新诉求待签收/)
      await expect(staff.locator('[data-testid="todo-pending_claims"]').textContent()).resolves.toMatch(/\d+ 份住户认证待审核/)
      await expect(home(p).locator('[data-testid="home-workbench"]').isVisible()).resolves.toBe(true)
      await expect(home(p).locator('[data-testid="verify-banner"]').count()).resolves.toBe(0)
      await shot(p, `todo-04-staff${sfx}`, staff)
    }

    // The workbench entry opens 社区工作台; a count opens its list.
    await home(page).locator('[data-testid="home-workbench"]').click()
    await page.locator('[data-testid="page-workbench"]:visible').waitFor({ timeout: 20_000 })
    expect(page.errors).toEqual([])
    expect(elder.errors).toEqual([])
  })
})
