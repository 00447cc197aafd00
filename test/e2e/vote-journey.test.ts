import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * Votes (表决) in a real browser on the H5 build served by `npm start`: 陈书记 drafts a household vote
 * for 3号楼 and 5号楼 in the staff form and publishes it; 王秀英 (3号楼) and 赵晓梅 (5号楼) vote on the
 * vote page through the confirmation; 李建国, a second member of 王秀英's household, sees 本户已投票;
 * staff see who has voted (never how) and close it; residents see the result with the rule applied
 * line by line. Then a multiple-choice vote in 长辈模式. Screenshots of each screen.
 */
const j = journey()
const { phone, shot, signIn, api, tokenOf } = j

/** Opens a vote's page directly, as tapping a notification or a card would. */
function openVote(page: Page, id: string) {
  return j.openPage(page, `pages/vote/index?id=${id}`, 'page-vote', 'vote-detail')
}

async function vote(page: Page, root: Locator, keys: string[], shots?: { ballot: string; confirm: string }) {
  for (const key of keys) await root.locator(`[data-testid="vote-option"][data-key="${key}"]`).click()
  if (shots) await shot(page, shots.ballot, root.locator('[data-testid="vote-ballot"]'))
  await root.locator('[data-testid="vote-submit"]').click()
  const sheet = page.locator('[data-testid="vote-confirm-sheet"]').last()
  await sheet.waitFor()
  await expect(sheet.locator('[data-testid="vote-confirm-warn"]').textContent()).resolves.toContain('投票后不能修改')
  if (shots) await shot(page, shots.confirm)
  await sheet.locator('[data-testid="vote-confirm"]').click()
  await root.locator('[data-testid="my-ballot"]').waitFor({ timeout: 20_000 })
}

describe.skipIf(!haveChromium)('votes in Chromium (H5)', () => {
  it('a household vote for 3号楼 and 5号楼: drafted and published by staff, voted with confirmation, one ballot per household, closed, result explained', async () => {
    const wenan = (await api('GET', '/me', await tokenOf('王秀英'))).households[0]
    // 李建国 joins 王秀英's household (家庭成员) before the vote opens, so his household is on the roll through her.
    const li = await tokenOf('李建国')
    const claim = await api('POST', '/residency/claims', li, { householdId: wenan.householdId, relation: 'family' })
    await api('POST', `/residency/claims/${claim.id}/approve`, await tokenOf('刘网格'))

    // 陈书记 drafts the vote in the staff form.
    const page = await phone()
    await signIn(page, '陈书记')
    await page.goto(`${j.url}/#/staff/pages/index/index`)
    await page.locator('[data-testid="page-workbench"] [data-testid="open-votes"]').click()
    const staffList = page.locator('[data-testid="page-staff-votes"]')
    await staffList.locator('[data-testid="empty-state"]').waitFor({ timeout: 20_000 })
    await shot(page, 'vote-01-staff-list-empty')
    await staffList.locator('[data-testid="create-vote"]').click()
    const form = page.locator('[data-testid="page-vote-form"]')
    await form.waitFor({ state: 'visible' })
    await form.locator('[data-testid="vote-form-submit"]').click()
    await expect.poll(() => form.locator('[data-testid="field-title"]').getAttribute('data-invalid')).toBe('true')
    await form.locator('[data-testid="vote-title-input"] input').fill('3号楼、5号楼楼道加装声控灯')
    await form
      .locator('[data-testid="vote-text-input"] textarea')
      .fill('在3号楼、5号楼各楼道加装声控灯，费用由社区微更新经费承担，物业负责日常维护。')
    await form.locator('[data-testid="electorate-households"]').click()
    await form.locator('[data-testid="scope-building"]', { hasText: /^3号楼$/ }).click()
    await form.locator('[data-testid="scope-building"]', { hasText: /^5号楼$/ }).click()
    await form.locator('[data-testid="unit-household"]').click()
    await form.locator('[data-testid="rule-simple_majority"]').click()
    await shot(page, 'vote-02-staff-form', form.locator('[data-testid="field-rule"]'))
    await form.locator('[data-testid="vote-form-submit"]').click()

    // The draft: publish it (the roll is fixed now and everyone on it is told).
    let staff = page.locator('[data-testid="page-staff-vote"]')
    await staff.locator('[data-testid="draft-hint"]').waitFor({ timeout: 20_000 })
    const proposalId = (await page.evaluate(() => new URLSearchParams(location.hash.split('?')[1]).get('id')))!

    // Before publishing, 修改草稿: the form comes back filled in; the title gets a word more.
    await staff.locator('[data-testid="edit-draft"]').click()
    const editForm = page.locator('[data-testid="page-vote-form"]:visible')
    const title = editForm.locator('[data-testid="vote-title-input"] input')
    await expect.poll(() => title.inputValue(), { timeout: 20_000 }).toBe('3号楼、5号楼楼道加装声控灯')
    await expect(editForm.locator('[data-testid="vote-text-input"] textarea').inputValue()).resolves.toContain('物业负责日常维护')
    await title.fill('3号楼、5号楼楼道加装声控灯（修订）')
    await shot(page, 'vote-02b-staff-edit-draft')
    await editForm.locator('[data-testid="vote-form-submit"]').click()
    staff = page.locator('[data-testid="page-staff-vote"]:visible')
    await expect
      .poll(() => staff.locator('[data-testid="staff-vote-detail"]').textContent(), { timeout: 20_000 })
      .toContain('3号楼、5号楼楼道加装声控灯（修订）')
    await staff.locator('[data-testid="draft-hint"]').waitFor({ timeout: 20_000 })
    await staff.locator('[data-testid="vote-action"][data-action="open"]').click()
    await j.confirm(page)
    await expect
      .poll(() => staff.locator('[data-testid="staff-vote-detail"]').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('open')
    // Every household of 3号楼 and 5号楼 is on the roll, registered in the app or not.
    await expect
      .poll(async () => Number(await staff.locator('[data-testid="participation-count"]').getAttribute('data-electorate')))
      .toBeGreaterThan(2)
    await shot(page, 'vote-03-staff-opened')

    // 王秀英 was told under 我的 → 消息; the notice opens the vote.
    await signIn(page, '王秀英')
    await page.goto(`${j.url}/#/pages/notifications/index`)
    const notice = page.locator('[data-testid="page-notifications"] [data-testid="notification"]', { hasText: '请参加表决' }).first()
    await notice.waitFor({ timeout: 20_000 })
    await notice.click()
    await page.locator('[data-testid="page-vote"]:visible [data-testid="vote-detail"]').waitFor({ timeout: 20_000 })
    expect(page.url()).toContain(`id=${proposalId}`)

    // She also finds it from the 议事 tab, and votes 同意, confirming.
    await page.goto(`${j.url}/#/pages/home/index`)
    await page.locator('.weui-tabbar__item', { hasText: '议事' }).click()
    await page.locator('[data-testid="page-councils"] [data-testid="open-votes"]').click()
    const list = page.locator('[data-testid="page-votes"]')
    const card = list.locator(`[data-testid="vote-card"][data-proposal-id="${proposalId}"]`)
    await card.waitFor({ timeout: 20_000 })
    expect(await card.getAttribute('data-phase')).toBe('voting')
    await shot(page, 'vote-04-list')
    await card.click()
    let root = page.locator('[data-testid="page-vote"]')
    await root.locator('[data-testid="vote-ballot"]').waitFor({ timeout: 20_000 })
    await expect(root.locator('[data-testid="vote-unit"]').textContent()).resolves.toBe('每户一票')
    await expect(root.locator('[data-testid="household-status"]').getAttribute('data-voted')).resolves.toBe('false')
    await expect(root.locator('[data-testid="vote-countdown"]').textContent()).resolves.toMatch(/^距截止还有 \d+ 天/)
    await shot(page, 'vote-05-page')
    await vote(page, root, ['yes'], { ballot: 'vote-06-chosen', confirm: 'vote-07-confirm' })
    await expect(root.locator('[data-testid="my-ballot-choice"]').textContent()).resolves.toBe('同意')
    await expect(root.locator('[data-testid="household-status"]').getAttribute('data-voted')).resolves.toBe('true')
    await shot(page, 'vote-08-voted', root.locator('[data-testid="my-ballot"]'))

    // 李建国 is of the same household: 本户已投票, nothing to vote.
    await signIn(page, '李建国')
    root = await openVote(page, proposalId)
    await root.locator('[data-testid="household-voted"]').waitFor({ timeout: 20_000 })
    expect(await root.locator('[data-testid="vote-ballot"]').count()).toBe(0)
    await shot(page, 'vote-09-household-voted')

    // 赵晓梅 (5号楼, from the notification) votes too.
    await signIn(page, '赵晓梅')
    root = await openVote(page, proposalId)
    await root.locator('[data-testid="vote-ballot"]').waitFor({ timeout: 20_000 })
    await vote(page, root, ['yes'])

    // Staff: who voted (never how), then close and count.
    await signIn(page, '刘网格')
    await page.goto(`${j.url}/#/staff/pages/vote/index?id=${proposalId}`)
    staff = page.locator('[data-testid="page-staff-vote"]:visible')
    await expect
      .poll(() => staff.locator('[data-testid="participation-count"]').getAttribute('data-participants'), { timeout: 20_000 })
      .toBe('2')
    await staff.locator('[data-testid="participation-yes"]').click()
    const rows = staff.locator('[data-testid="participation-row"][data-voted="true"]')
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2)
    expect(await rows.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('3号楼'), expect.stringContaining('5号楼')]),
    )
    expect((await rows.allTextContents()).join()).not.toMatch(/同意|反对/)
    await shot(page, 'vote-10-participation', staff.locator('[data-testid="participation"]'))
    await staff.locator('[data-testid="vote-action"][data-action="close"]').click()
    await j.confirm(page)
    await expect
      .poll(() => staff.locator('[data-testid="staff-vote-detail"]').getAttribute('data-status'), { timeout: 20_000 })
      .toBe('published')

    // 王秀英 sees the result, the rule explained line by line exactly as the API says it.
    const api1 = await api('GET', `/proposals/${proposalId}/result`, await tokenOf('王秀英'))
    await signIn(page, '王秀英')
    root = await openVote(page, proposalId)
    const result = root.locator('[data-testid="vote-result"]')
    await result.waitFor({ timeout: 20_000 })
    expect(await result.getAttribute('data-outcome')).toBe('passed')
    expect(await result.locator('[data-testid="explanation-line"]').allTextContents()).toEqual(api1.explanation)
    expect(await result.locator('[data-testid="vote-bar"][data-key="yes"]').getAttribute('data-count')).toBe('2')
    await expect(result.locator('[data-testid="vote-publicity"]').textContent()).resolves.toMatch(/^结果公示至 /)
    await expect(root.locator('[data-testid="my-ballot-choice"]').textContent()).resolves.toBe('同意')
    // Closed by staff before its planned time: the page says so.
    await expect(root.locator('[data-testid="vote-closed-early"]').textContent()).resolves.toMatch(/^工作人员已提前截止（原定 /)
    await shot(page, 'vote-11-result')
    await shot(page, 'vote-12-result-explained', result.locator('[data-testid="vote-explanation"]'))
    expect(page.errors).toEqual([])
  })

  it('a multiple-choice vote in 长辈模式: big choices, at most two, confirmation, result; and who may not vote is told why', async () => {
    const chen = await tokenOf('陈书记')
    const communityId = (await api('GET', '/me', chen)).staffOf[0]
    const now = Date.now()
    const draft = await api('POST', `/communities/${communityId}/proposals`, chen, {
      title: '小区健身区改造方案',
      text: '社区微更新经费可用于健身区改造，请选出您最支持的方案（最多两项）。',
      options: { kind: 'choice', choices: ['更换健身器材', '铺设塑胶地面', '增加遮阳棚'], maxChoices: 2 },
      electorate: { kind: 'residents' },
      unit: 'resident',
      rule: 'simple_majority',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 3 * 86400_000).toISOString(),
    })
    await api('POST', `/proposals/${draft.id}/actions`, chen, { action: 'open' })
    const onlyOne = await api('POST', `/communities/${communityId}/proposals`, chen, {
      title: '1号楼外墙保温改造',
      text: '1号楼外墙加装保温层，费用按户分摊，请1号楼住户表决。',
      options: { kind: 'yes_no' },
      electorate: { kind: 'households', buildingIds: [(await api('GET', `/communities/${communityId}/buildings`, chen)).items[0].id] },
      unit: 'household',
      rule: 'owners_ordinary',
      opensAt: new Date(now - 60_000).toISOString(),
      closesAt: new Date(now + 3 * 86400_000).toISOString(),
    })
    await api('POST', `/proposals/${onlyOne.id}/actions`, chen, { action: 'open' })

    const page = await phone(true)
    await signIn(page, '王秀英')
    let root = await openVote(page, draft.id)
    expect(await root.getAttribute('class')).toContain('screen--elder')
    await root.locator('[data-testid="vote-ballot"]').waitFor({ timeout: 20_000 })
    await shot(page, 'vote-13-page-elder')
    // A third choice is one too many: the first two stay chosen.
    await root.locator('[data-testid="vote-option"][data-key="c1"]').click()
    await root.locator('[data-testid="vote-option"][data-key="c2"]').click()
    await root.locator('[data-testid="vote-option"][data-key="c3"]').click()
    expect(await root.locator('[data-testid="vote-option"][data-selected="true"]').count()).toBe(2)
    await shot(page, 'vote-14-chosen-elder', root.locator('[data-testid="vote-ballot"]'))
    await page.waitForTimeout(1800)
    await root.locator('[data-testid="vote-submit"]').click()
    const sheet = page.locator('[data-testid="vote-confirm-sheet"]').last()
    await sheet.waitFor()
    expect(await sheet.locator('[data-testid="vote-confirm-choice"]').textContent()).toBe('更换健身器材铺设塑胶地面')
    await shot(page, 'vote-15-confirm-elder')
    await sheet.locator('[data-testid="vote-confirm"]').click()
    await root.locator('[data-testid="my-ballot"]').waitFor({ timeout: 20_000 })
    await shot(page, 'vote-16-voted-elder', root.locator('[data-testid="my-ballot"]'))

    // Not on the roll of 1号楼's owners' vote: told why, and that an owners' vote in the app is advisory.
    root = await openVote(page, onlyOne.id)
    const why = root.locator('[data-testid="vote-not-in-electorate"]')
    await why.waitFor({ timeout: 20_000 })
    await expect(why.textContent()).resolves.toContain('仅限1号楼的住户')
    await expect(root.locator('[data-testid="advisory-badge"]').first().textContent()).resolves.toBe('参考性表决')
    await shot(page, 'vote-17-not-in-electorate-elder')

    await api('POST', `/proposals/${draft.id}/ballots`, await tokenOf('赵晓梅'), { choices: ['c1', 'c3'] })
    await api('POST', `/proposals/${draft.id}/actions`, chen, { action: 'close' })
    root = await openVote(page, draft.id)
    const result = root.locator('[data-testid="vote-result"]')
    await result.waitFor({ timeout: 20_000 })
    const fromApi = await api('GET', `/proposals/${draft.id}/result`, chen)
    expect(await result.locator('[data-testid="explanation-line"]').allTextContents()).toEqual(fromApi.explanation)
    await shot(page, 'vote-18-result-elder')
    await shot(page, 'vote-19-result-explained-elder', result.locator('[data-testid="vote-explanation"]'))
    expect(page.errors).toEqual([])
  })
})
