import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { sessionWithRound } from '../helpers/e2e-needs.js'
import { journey } from '../helpers/journey.js'

/**
 * 项目清单 in a real browser, continuing the needs journey: a need ranked with dots before a 每月一议
 * and offered as a topic (set up through the API: test/e2e/needs-journey.test.ts walks it on screen);
 * 陈书记 opens 社区工作台 → 项目清单, creates a project matching the need to 物业会议室, opens 更新进展 and
 * posts 60 % with a photo; 王秀英 finds the project on the 公示栏 with its progress and photo, opens
 * it (no contact shown), and sees it on the need. Normal and 长辈模式, screenshots of each screen.
 */
const j = journey()
const visible = (page: Page, id: string) => page.locator(`[data-testid="${id}"]:visible`)
let photo: Buffer

beforeAll(async () => {
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#d9822b' } })
    .jpeg()
    .toBuffer()
})

/** A need raised by 陈书记, ranked first by 王秀英's dots in a round before a session, and offered as its topic. */
async function rankedNeed(title: string) {
  const chen = await j.tokenOf('陈书记')
  const wang = await j.tokenOf('王秀英')
  const communityId = (await j.api('GET', '/me', chen)).staffOf[0] as string
  const need = await j.api('POST', `/communities/${communityId}/needs`, chen, {
    title,
    description: '小区里独居老人越来越多，希望有人定期上门陪伴聊天、帮忙买菜',
    category: 'elderly_care',
    groups: ['elderly_alone'],
  })
  const { roundId } = await sessionWithRound(j, chen, communityId, `${title}每月一议`, 6)
  const ranked = await j.api('PUT', `/need-rounds/${roundId}/dots/${need.id}`, wang, { count: 3 })
  expect(ranked.ranking[0]).toMatchObject({ needId: need.id, rank: 1 })
  await j.api('POST', `/need-rounds/${roundId}/offer`, chen, { needIds: [need.id] })
  expect((await j.api('GET', `/needs/${need.id}`, wang)).status).toBe('on_agenda')
  return { communityId, needId: need.id as string }
}

describe.skipIf(!haveChromium)('项目清单 in Chromium (H5)', () => {
  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)('a ranked need → a topic → a project matched to a resource → progress on the 公示栏 (%s)', async (_mode, elder) => {
    const sfx = elder ? '-elder' : ''
    const needTitle = elder ? '独居老人陪伴（长辈场）' : '独居老人陪伴'
    const projectTitle = elder ? '邻里陪伴计划（长辈场）' : '邻里陪伴计划'
    const { communityId, needId } = await rankedNeed(needTitle)
    const chen = await j.tokenOf('陈书记')
    const room = (await j.api('GET', `/communities/${communityId}/resources`, chen)).items.find(
      (r: { title: string }) => r.title === '物业会议室',
    ).id as string

    // 陈书记: 社区工作台 → 项目清单 → 新建项目.
    const page = await j.phone(elder)
    await j.signIn(page, '陈书记')
    await page.goto(`${j.url}/#/staff/pages/index/index?communityId=${communityId}`)
    await page.reload()
    await visible(page, 'page-workbench').locator('[data-testid="open-staff-projects"]').click()
    const list = visible(page, 'page-staff-projects')
    await list.locator('[data-testid="project-card"]').first().waitFor({ timeout: 20_000 })
    await j.shot(page, `projects-01-list${sfx}`)
    await list.locator('[data-testid="projects-create"]').click()
    const sheet = page.locator('[data-testid="project-sheet"]')
    await sheet.waitFor()
    await sheet.locator(`[data-testid="project-need-${needId}"]`).waitFor({ timeout: 20_000 })
    // Sending it empty names the fields.
    await sheet.locator('[data-testid="project-submit"]').click()
    await sheet.locator('[data-testid="field-needIds"][data-invalid="true"]').waitFor({ timeout: 10_000 })
    await sheet.locator('[data-testid="project-title-input"] input').fill(projectTitle)
    await sheet
      .locator('[data-testid="project-description-input"] textarea')
      .fill('志愿者每周两次上门陪独居老人聊天、帮忙买菜，在物业会议室集中培训')
    await sheet.locator(`[data-testid="project-need-${needId}"]`).click()
    await sheet.locator(`[data-testid="project-resource-${room}"]`).click()
    await sheet.locator('[data-testid="project-budget-input"] input').fill('3000')
    await j.shot(page, `projects-02-form${sfx}`)
    await sheet.locator('[data-testid="project-submit"]').click()

    // The project page opens; 更新进展 leads to its tracked item, where 60 % and a photo are posted.
    const project = visible(page, 'page-project')
    await project.locator('[data-testid="project-head"]').waitFor({ timeout: 20_000 })
    expect(await project.locator('[data-testid="project-head"]').textContent()).toContain('¥3,000')
    expect(await project.locator('[data-testid="project-resource"]').first().textContent()).toContain('联系人')
    await j.shot(page, `projects-03-project-staff${sfx}`)
    await project.locator('[data-testid="project-progress-open"]').click()
    const item = visible(page, 'page-staff-tracked-item')
    await item.locator('[data-testid="tracked-head"]').waitFor({ timeout: 20_000 })
    expect(await item.locator('[data-testid="tracked-head"]').textContent()).toContain(`项目清单「${projectTitle}」`)
    await item.locator('[data-testid="tracked-post"]').click()
    const update = page.locator('[data-testid="tracked-update-sheet"]')
    await update.waitFor()
    await update.locator('[data-testid="tracked-note"] textarea').fill('首批 8 位志愿者完成培训，已结对 12 位独居老人')
    await update.locator('[data-testid="tracked-progress-60"]').click()
    await j.addPhoto(page, update, photo)
    await update.locator('[data-testid="tracked-update-submit"]').click()
    await update.waitFor({ state: 'detached', timeout: 20_000 })
    await expect
      .poll(() => item.locator('[data-testid="tracked-progress"]').first().getAttribute('data-percent'), { timeout: 20_000 })
      .toBe('60')
    await j.shot(page, `projects-04-progress${sfx}`)

    // 王秀英 sees it on the 公示栏: progress and the photo, no contact; then the project and the need.
    await j.signIn(page, '王秀英')
    const board = await j.openPage(page, `pages/board/index?communityId=${communityId}`, 'page-board', 'board-projects')
    const card = board.locator(`[data-testid="board-project"][data-title="${projectTitle}"]`)
    await card.waitFor({ timeout: 20_000 })
    expect(await card.getAttribute('data-status')).toBe('in_progress')
    const text = (await card.textContent()) ?? ''
    expect(text).toContain('60%')
    expect(text).toContain(needTitle)
    expect(text).toContain('物业会议室（安居物业）')
    expect(text).not.toContain('孙经理')
    await card.locator('[data-testid="board-project-photo"]').waitFor()
    await j.shot(page, `projects-05-board${sfx}`, card)
    await card.locator('[data-testid="board-project-open"]').click()
    const mine = visible(page, 'page-project')
    await mine.locator('[data-testid="project-head"]').waitFor({ timeout: 20_000 })
    expect(await mine.locator('[data-testid="project-resource"]').first().textContent()).not.toContain('联系人')
    expect(await mine.locator('[data-testid="project-progress-open"]').textContent()).toContain('查看进展')
    await j.shot(page, `projects-06-project-resident${sfx}`)
    const needs = await j.openPage(page, `pages/needs/index?communityId=${communityId}`, 'page-needs', 'need-card')
    const need = needs.locator(`[data-testid="need-card"][data-need-id="${needId}"]`)
    expect(await need.locator('[data-testid="need-project"]').textContent()).toContain(projectTitle)
    await j.shot(page, `projects-07-need${sfx}`, need)

    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
