import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * 公示栏 in a real browser on the product as `npm start` serves it: 王秀英 raised a concern at her
 * flat with a photo, 刘网格 arrived and resolved it with photos, 陈书记 recorded a council resolution
 * with a responsible party and a deadline, and closed a vote (published for 7 days). 王秀英 opens 公示栏 from the 三率 card on 首页, in both
 * modes, and sees the concern with its before and after photos side by side, the resolution and the vote —
 * never her name, her room or her words.
 */
const j = journey()

const description = '我家302室门口楼道的灯坏了，晚上上下楼看不见台阶'

async function makeData() {
  const wang = await j.tokenOf('王秀英')
  const liu = await j.tokenOf('刘网格')
  const chen = await j.tokenOf('陈书记')
  const me = await j.api('GET', '/me', wang)
  const communityId = me.households[0].communityId as string
  const concern = await j.api(
    'POST',
    '/concerns',
    wang,
    {
      communityId,
      category: 'utilities',
      description,
      place: { kind: 'household', householdId: me.households[0].householdId },
      photoIds: [await j.photo(wang, '#4a4f57')],
      visibility: 'public',
      anonymous: false,
    },
    { 'Idempotency-Key': `board-${Date.now()}` },
  )
  await j.api('POST', `/concerns/${concern.id}/acknowledge`, liu, {})
  await j.api('POST', `/concerns/${concern.id}/arrive`, liu, { note: '已到现场', photoIds: [await j.photo(liu, '#c9a227')] })
  await j.api('POST', `/concerns/${concern.id}/transitions`, liu, {
    action: 'resolve',
    note: '换了新灯',
    photoIds: [await j.photo(liu, '#f2efe6')],
  })

  // A session about to start: a topic booked and accepted, the agenda fixed, started, a resolution recorded.
  let topicId = ''
  await j.runningSession(chen, communityId, '楼道安全专题议事会', async (sessionId) => {
    const topic = await j.api('POST', `/sessions/${sessionId}/topics`, wang, {
      title: '楼道堆物清理',
      reason: '楼道里堆了很多杂物，存在消防隐患，希望议一议',
    })
    topicId = topic.id
    await j.api('POST', `/topics/${topicId}/decision`, chen, { action: 'accept', order: 1, minutes: 30 })
  })
  await j.api('POST', `/topics/${topicId}/resolution`, chen, {
    text: '由物业两周内清理各楼道堆物，社区每周检查一次',
    responsibleParty: 'property_company',
    responsibleName: '安居物业',
    deadline: new Date(Date.now() + 14 * 86400_000).toISOString(),
  })
  // Its tracked item: 陈书记 posts progress with a photo (决议跟踪).
  const items = (await j.api('GET', `/communities/${communityId}/tracked-items?limit=100`, chen)).items
  const tracked = items.find((i: { source: { topicId: string | null } }) => i.source.topicId === topicId)
  await j.api('POST', `/tracked-items/${tracked.id}/updates`, chen, {
    note: '已清理1至3号楼楼道',
    progress: 40,
    photoIds: [await j.photo(chen, '#d8d2c4')],
  })
  // A vote of the residents, cast and closed: its result is published (公示) for 7 days.
  const vote = await j.api('POST', `/communities/${communityId}/proposals`, chen, {
    title: '楼道加装声控灯',
    text: '在各楼道加装声控灯，费用由社区微更新经费承担。',
    options: { kind: 'yes_no' },
    electorate: { kind: 'residents' },
    unit: 'resident',
    rule: 'simple_majority',
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 3 * 86400_000).toISOString(),
  })
  await j.api('POST', `/proposals/${vote.id}/actions`, chen, { action: 'open' })
  await j.api('POST', `/proposals/${vote.id}/ballots`, wang, { choices: ['yes'] })
  await j.api('POST', `/proposals/${vote.id}/actions`, chen, { action: 'close' })
  return { communityId, concern: concern.id as string, publicNo: concern.publicNo as string }
}

/** From 首页's 三率 card to the 公示栏; returns the board on screen. */
async function openBoard(page: Page, mode: string) {
  const link = page.locator('[data-testid="page-home"] [data-testid="kpi-card-board"]')
  await link.waitFor({ timeout: 20_000 })
  await j.shot(page, `board-00-home-${mode}`, link)
  await link.click()
  const board = page.locator('[data-testid="page-board"]:visible')
  await board.locator('[data-testid="board-head"]').waitFor({ timeout: 20_000 })
  return board
}

describe.skipIf(!haveChromium)('公示栏 in Chromium (H5)', () => {
  it('a resident opens it from 首页 in both modes: the resolved concern with before/after photos and the resolution', async () => {
    const made = await makeData()
    let normalTitleSize = 0
    for (const elder of [false, true]) {
      const page = await j.phone(elder)
      await j.signIn(page, '王秀英')
      const mode = elder ? 'elder' : 'normal'
      const board = await openBoard(page, mode)
      await j.shot(page, `board-01-top-${mode}`)

      const item = board.locator('[data-testid="board-concern"]', { hasText: made.publicNo })
      await item.waitFor({ timeout: 20_000 })
      const before = item.locator('[data-testid="board-before"] img')
      const after = item.locator('[data-testid="board-after"] img')
      await expect(before.getAttribute('alt')).resolves.toBe('整改前照片：水电气热，3号楼')
      await expect(after.getAttribute('alt')).resolves.toBe('整改后照片：水电气热，3号楼')
      // Side by side: the after photo starts right of the before photo, on the same row.
      const sides = item.locator('.board-compare__photo')
      const [b, a] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()]
      expect(a!.x).toBeGreaterThan(b!.x + b!.width - 1)
      expect(Math.abs(a!.y - b!.y)).toBeLessThan(2)
      await expect(item.textContent()).resolves.toContain('按时办结')
      await j.shot(page, `board-02-concern-${mode}`, item)

      const resolution = board.locator('[data-testid="board-resolution"]', { hasText: '楼道堆物清理' })
      await expect(resolution.textContent()).resolves.toContain('物业（安居物业）')
      await expect(resolution.textContent()).resolves.toContain('进行中')
      await expect(resolution.locator('[data-testid="board-progress"]').textContent()).resolves.toContain('40')
      await j.shot(page, `board-03-resolution-${mode}`, resolution)

      const vote = board.locator('[data-testid="board-vote"]', { hasText: '楼道加装声控灯' })
      await expect(vote.textContent()).resolves.toContain('公示至')
      await j.shot(page, `board-04-vote-${mode}`, vote)

      const text = (await board.textContent()) ?? ''
      for (const secret of ['王秀英', '王**', '302', description]) expect(text).not.toContain(secret)
      const size = await item.locator('.board-item__title').evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
      if (!elder) normalTitleSize = size
      else expect(size).toBeGreaterThan(normalTitleSize)
      if (!elder) {
        // 复制链接 (H5's share): a visitor from 民主社区 opens the copied link and sees 文安路社区's board.
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: j.url })
        await board.locator('[data-testid="board-copy-link"]').click()
        await page.getByText('链接已复制').first().waitFor({ timeout: 10_000 })
        const link = await page.evaluate(() => navigator.clipboard.readText())
        expect(link).toContain(`communityId=${made.communityId}`)
        const visitor = await j.phone()
        await j.signIn(visitor, '周桂兰')
        await visitor.goto(link)
        await visitor.reload()
        const shared = visitor.locator('[data-testid="page-board"]:visible [data-testid="board-head"]')
        await expect(shared.textContent()).resolves.toContain('文安路社区公示栏')
        await j.shot(visitor, 'board-06-shared-link-visitor')

        // Last month's board: another month label, and 下个月 leads back.
        const label = await board.locator('.board-head__month').textContent()
        await board.locator('[data-testid="board-prev"]').click()
        await expect.poll(() => board.locator('.board-head__month').textContent(), { timeout: 20_000 }).not.toBe(label)
        await board.locator('[data-testid="board-next"]').waitFor()
        await j.shot(page, 'board-05-last-month-normal')
      }
      expect(page.errors).toEqual([])
    }
  })
})
