import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * Journeys 4, 5 and 7 in a real browser on the H5 build served by `npm start`: 王秀英 (verified)
 * books a topic linked to her concern onto an open session; 刘网格 accepts it onto the agenda; she
 * registers; staff fix the agenda and start; she checks in with the six digits shown on the staff
 * screen; staff record the resolution, conclude and publish the minutes with a photo; she reads
 * the minutes and sees her concern moved on. Normal and 长辈模式, with screenshots of each screen.
 */
const j = journey()
const { phone, shot, signIn, api, tokenOf } = j
let photo: Buffer

beforeAll(async () => {
  photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#3b7dd8' } })
    .jpeg()
    .toBuffer()
})

/** A session starting in 40 minutes (check-in opens an hour before), open for topics for 30 more minutes. */
async function openSession(title: string) {
  const liu = await tokenOf('刘网格')
  const me = await api('GET', '/me', liu)
  const communityId = me.memberships[0].communityId as string
  const start = new Date(Date.now() + 40 * 60_000)
  const session = await api('POST', `/communities/${communityId}/sessions`, liu, {
    kind: 'monthly_council',
    title,
    description: '把楼里的急难愁盼摆上桌面，大家一起商量办法',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    venue: '睦邻议事厅',
    capacity: 40,
    bookingDeadline: new Date(start.getTime() - 10 * 60_000).toISOString(),
    agendaSlots: 4,
  })
  await api('POST', `/sessions/${session.id}/actions`, liu, { action: 'open' })
  return { sessionId: session.id as string, communityId }
}

async function raiseConcern(communityId: string, description: string) {
  const wang = await tokenOf('王秀英')
  const concern = await api(
    'POST',
    '/concerns',
    wang,
    {
      communityId,
      category: 'facilities',
      description,
      place: { kind: 'text', text: '3号楼北侧' },
      photoIds: [],
      visibility: 'public',
      anonymous: true,
    },
    { 'Idempotency-Key': `e2e-${Date.now()}-${Math.random()}` },
  )
  return { id: concern.id as string, publicNo: concern.publicNo as string }
}

// ── Screens ───────────────────────────────────────────────────────────────────────────────────

function openResidentSession(page: Page, sessionId: string) {
  return j.openPage(page, `pages/session-detail/index?id=${sessionId}`, 'page-session', 'session-status')
}

function openStaffSession(page: Page, sessionId: string) {
  return j.openPage(page, `staff/pages/session/index?id=${sessionId}`, 'page-staff-session', 'session-status')
}

async function sessionStatus(root: Locator) {
  return root.locator('[data-testid="session-status"]').first().getAttribute('data-status')
}

async function waitForSessionStatus(root: Locator, wanted: string) {
  await expect.poll(() => sessionStatus(root), { timeout: 20_000 }).toBe(wanted)
}

async function sessionAction(page: Page, root: Locator, action: string) {
  await root.locator(`[data-testid="session-action"][data-action="${action}"]`).click()
  await j.confirm(page)
}

describe.skipIf(!haveChromium)('the council journey in Chromium (H5)', () => {
  it.each([
    ['normal', false],
    ['长辈模式', true],
  ] as const)('book a topic → accepted → register → check in → resolution → minutes; the concern moves on (%s)', async (_mode, elder) => {
    const sfx = elder ? '-elder' : ''
    const { sessionId, communityId } = await openSession(elder ? '十一月每月一议（长辈场）' : '十一月每月一议')
    const concern = await raiseConcern(
      communityId,
      elder ? '5号楼门口的台阶坏了，老人进出容易摔倒，希望尽快修好' : '3号楼北侧路灯坏了一周，晚上老人出门看不清路',
    )

    // 王秀英 finds the session on the 议事 tab and books a topic linked to her concern.
    const page = await phone(elder)
    await signIn(page, '王秀英')
    await page.locator('.weui-tabbar__item', { hasText: '议事' }).click()
    const tab = page.locator('[data-testid="page-councils"]')
    const card = tab.locator(`[data-testid="session-card"][data-session-id="${sessionId}"]`)
    await card.waitFor({ timeout: 20_000 })
    await expect.poll(() => card.locator('[data-testid="open-slots"]').textContent()).toContain('4/4')
    await shot(page, `council-01-tab${sfx}`)
    await card.click()

    let mine = page.locator('[data-testid="page-session"]')
    await mine.locator('[data-testid="session-status"]').first().waitFor({ timeout: 20_000 })
    expect(await sessionStatus(mine)).toBe('open')
    await expect.poll(() => mine.locator('[data-testid="session-when"]').textContent()).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}/)
    await shot(page, `council-02-detail${sfx}`)
    // 加入日历: in the browser, the session's .ics file.
    const download = page.waitForEvent('download')
    await mine.locator('[data-testid="add-calendar"]').click()
    expect((await download).suggestedFilename()).toMatch(/\.ics$/)

    await mine.locator('[data-testid="book-topic"]').click()
    const booking = page.locator('[data-testid="booking-sheet"]')
    await booking.waitFor()
    await booking.locator(`[data-testid="topic-concern"][data-public-no="${concern.publicNo}"]`).click()
    await booking.locator('[data-testid="topic-title-input"] input').fill(elder ? '修好5号楼门口台阶' : '修好3号楼北侧路灯')
    await booking
      .locator('[data-testid="topic-reason-input"] textarea')
      .fill('晚上太黑，老人出门不方便，已经反映一周了，希望议事会商量个办法')
    await shot(page, `council-03-booking${sfx}`)
    await booking.locator('[data-testid="booking-submit"]').click()
    await booking.waitFor({ state: 'detached', timeout: 20_000 })
    const myTopic = mine.locator('[data-testid="my-topic"]').first()
    await expect.poll(() => myTopic.getAttribute('data-status'), { timeout: 20_000 }).toBe('pending')
    await shot(page, `council-04-booked${sfx}`)

    // 刘网格 opens it from the 社区工作台 and puts it on the agenda.
    await signIn(page, '刘网格')
    await page.goto(`${j.url}/#/staff/pages/index/index`)
    await page.locator('[data-testid="page-workbench"] [data-testid="open-councils"]').click()
    const staffList = page.locator('[data-testid="page-staff-sessions"]')
    await staffList.locator(`[data-testid="session-card"][data-session-id="${sessionId}"]`).click()
    let staff = page.locator('[data-testid="page-staff-session"]')
    const pending = staff.locator('[data-testid="staff-topic"][data-status="pending"]')
    await pending.first().waitFor({ timeout: 20_000 })
    await shot(page, `council-05-staff-topics${sfx}`)
    await pending.first().locator('[data-testid="topic-action"][data-action="accept"]').click()
    const decision = page.locator('[data-testid="decision-sheet"]')
    await decision.waitFor()
    expect(await decision.locator('[data-testid="accept-order"]').getAttribute('data-value')).toBe('1')
    await decision.locator('[data-testid="accept-minutes-plus"]').click()
    await decision.locator('[data-testid="decision-submit"]').click()
    await staff.locator('[data-testid="staff-topic"][data-status="accepted"]').waitFor({ timeout: 20_000 })

    // 王秀英 sees it on the agenda and registers.
    await signIn(page, '王秀英')
    mine = await openResidentSession(page, sessionId)
    await mine.locator('[data-testid="agenda-item"]').first().waitFor({ timeout: 20_000 })
    expect(await myTopic.getAttribute('data-status')).toBe('accepted')
    await mine.locator('[data-testid="register"]').click()
    await expect
      .poll(() => mine.locator('[data-testid="registration"]').getAttribute('data-registration'), { timeout: 20_000 })
      .toBe('registered')
    await shot(page, `council-06-registered${sfx}`)

    // Staff fix the agenda and start; the run screen opens. The check-in code is on the session screen.
    await signIn(page, '刘网格')
    staff = await openStaffSession(page, sessionId)
    await sessionAction(page, staff, 'fix_agenda')
    await waitForSessionStatus(staff, 'agenda_fixed')
    await sessionAction(page, staff, 'start')
    const runPage = page.locator('[data-testid="page-session-run"]')
    await runPage.locator('[data-testid="run-item"]').waitFor({ timeout: 20_000 })
    staff = await openStaffSession(page, sessionId)
    await waitForSessionStatus(staff, 'in_session')
    const codeBox = staff.locator('[data-testid="check-in-code"]')
    await codeBox.waitFor({ timeout: 20_000 })
    const code = (await codeBox.getAttribute('data-code'))!
    expect(code).toMatch(/^\d{6}$/)
    expect(await staff.locator('[data-testid="check-in-qr"]').getAttribute('data-value')).toBe(`linli:checkin:${sessionId}:${code}`)
    await shot(page, `council-07-staff-check-in-code${sfx}`)

    // She checks in by typing the six digits.
    await signIn(page, '王秀英')
    mine = await openResidentSession(page, sessionId)
    await mine.locator('[data-testid="check-in"]').click()
    const checkIn = page.locator('[data-testid="check-in-sheet"]')
    await checkIn.waitFor()
    await checkIn.locator('[data-testid="check-in-code-input"] input').fill(code)
    await shot(page, `council-08-check-in${sfx}`)
    await checkIn.locator('[data-testid="check-in-submit"]').click()
    await expect
      .poll(() => mine.locator('[data-testid="registration"]').getAttribute('data-registration'), { timeout: 20_000 })
      .toBe('checked_in')
    await shot(page, `council-09-checked-in${sfx}`)

    // Staff record the resolution, conclude, and publish the minutes with a photo.
    await signIn(page, '刘网格')
    staff = await openStaffSession(page, sessionId)
    await expect.poll(() => staff.locator('[data-testid="checked-in-count"]').getAttribute('data-count'), { timeout: 20_000 }).toBe('1')
    await staff.locator('[data-testid="open-run"]').click()
    const item = runPage.locator('[data-testid="run-item"]')
    await item.waitFor({ timeout: 20_000 })
    await item.locator('[data-testid="resolution-input"] textarea').fill('由安居物业在两周内修复，社区网格员跟进验收')
    await item.locator('[data-testid="party-property_company"]').click()
    await item.locator('[data-testid="responsible-name-input"] input').fill('安居物业')
    await item.locator('[data-testid="record-resolution"]').click()
    await item.locator('[data-testid="run-recorded"]').waitFor({ timeout: 20_000 })
    await shot(page, `council-10-run${sfx}`)
    await runPage.locator('[data-testid="run-conclude"]').click()
    await j.confirm(page)
    await waitForSessionStatus(staff, 'concluded')
    await staff.locator('[data-testid="session-action"][data-action="publish_minutes"]').click()
    const minutes = page.locator('[data-testid="minutes-sheet"]')
    await minutes.waitFor()
    await minutes
      .locator('[data-testid="minutes-input"] textarea')
      .fill('本次议事会议定：3号楼北侧路灯由安居物业两周内修复，社区网格员跟进验收，居民监督。')
    await j.addPhoto(page, minutes, photo)
    await shot(page, `council-11-minutes-form${sfx}`)
    await minutes.locator('[data-testid="minutes-submit"]').click()
    await waitForSessionStatus(staff, 'minutes_published')

    // 王秀英 reads the minutes and the resolution; her concern moved on with it.
    await signIn(page, '王秀英')
    mine = await openResidentSession(page, sessionId)
    await mine.locator('[data-testid="minutes"]').waitFor({ timeout: 20_000 })
    expect(await mine.locator('[data-testid="minutes-text"]').textContent()).toContain('安居物业')
    expect(await mine.locator('[data-testid="minutes"] [data-testid="photo"]').count()).toBe(1)
    expect(await mine.locator('[data-testid="resolution"]').textContent()).toContain('安居物业')
    await shot(page, `council-12-minutes${sfx}`)
    await mine.locator('[data-testid="agenda-concern"]').first().click()
    const detail = page.locator('[data-testid="page-concern"]')
    await expect
      .poll(() => detail.locator('[data-testid="concern-status"]').first().getAttribute('data-status'), { timeout: 20_000 })
      .toBe('in_progress')
    const actions = await detail
      .locator('[data-testid="timeline-item"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))
    expect(actions).toEqual(expect.arrayContaining(['send_to_council', 'deliberate', 'start']))
    await shot(page, `council-13-concern${sfx}`)

    // Back on the 议事 tab the card says so (it stays under 即将召开 until its end time has passed).
    await page.goto(`${j.url}/#/pages/councils/index`)
    await tab
      .locator(`[data-testid="session-card"][data-session-id="${sessionId}"][data-status="minutes_published"]`)
      .waitFor({ timeout: 20_000 })

    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('an unverified resident is told to verify their home before booking or registering', async () => {
    const { sessionId } = await openSession('邻里事周议（认证提示）')
    const page = await phone(true)
    await signIn(page, '李建国')
    // Sessions are for the community's verified residents and staff (decision 016): a newcomer whose
    // claim still waits for a worker who opens a shared session card is led to verify instead.
    const root = await j.openPage(page, `pages/session-detail/index?id=${sessionId}`, 'page-session', 'verify-notice')
    expect(await root.locator('[data-testid="session-status"]').count()).toBe(0)
    expect(await root.locator('[data-testid="register"]').count()).toBe(0)
    expect(await root.locator('[data-testid="book-topic"]').count()).toBe(0)
    await shot(page, 'council-14-unverified-elder')
    await root.locator('[data-testid="verify-action"]').click()
    await page.locator('[data-testid="page-claim"]').waitFor({ timeout: 20_000 })
    expect(page.errors).toEqual([])
    await page.context().close()
  })

  it('staff schedule a session with the form, open it, and residents see it on the 议事 tab', async () => {
    const page = await phone()
    await signIn(page, '陈书记')
    await page.goto(`${j.url}/#/staff/pages/index/index`)
    await page.locator('[data-testid="page-workbench"] [data-testid="open-councils"]').click()
    await page.locator('[data-testid="page-staff-sessions"] [data-testid="create-session"]').click()
    const form = page.locator('[data-testid="page-session-form"]')
    await form.locator('[data-testid="form-kind-special_topic"]').click()
    await form.locator('[data-testid="session-title-input"] input').fill('加装电梯专题议事会')
    await form.locator('[data-testid="session-venue-input"] input').fill('社区睦邻议事厅')
    await shot(page, 'council-15-staff-form')
    await form.locator('[data-testid="session-submit"]').click()
    const staff = page.locator('[data-testid="page-staff-session"]')
    await waitForSessionStatus(staff, 'planned')
    await sessionAction(page, staff, 'open')
    await waitForSessionStatus(staff, 'open')
    await shot(page, 'council-16-staff-session')

    // 修改: more seats, typed into the stepper.
    await staff.locator('[data-testid="session-action"][data-action="edit"]').click()
    const edit = page.locator('[data-testid="page-session-form"]').last()
    await expect
      .poll(() => edit.locator('[data-testid="session-title-input"] input').inputValue(), { timeout: 20_000 })
      .toBe('加装电梯专题议事会')
    await edit.locator('[data-testid="session-capacity-input"] input').fill('120')
    await edit.locator('[data-testid="session-submit"]').click()
    await expect.poll(() => staff.locator('[data-testid="session-seats"]').textContent(), { timeout: 20_000 }).toContain('剩 120 个座位')

    // A standing rule: every Wednesday 19:30, 邻里事周议; its next eight weeks appear at once.
    await page.goBack()
    const staffList = page.locator('[data-testid="page-staff-sessions"]')
    await staffList.locator('[data-testid="open-rules"]').click()
    const rules = page.locator('[data-testid="page-staff-rules"]')
    await rules.locator('[data-testid="empty-state"]').waitFor({ timeout: 20_000 })
    await rules.locator('[data-testid="create-rule"]').click()
    const ruleForm = page.locator('[data-testid="page-rule-form"]')
    await ruleForm.locator('[data-testid="rule-kind-weekly_forum"]').click()
    await ruleForm.locator('[data-testid="rule-venue-input"] input').fill('睦邻议事厅')
    expect(await ruleForm.locator('[data-testid="rule-preview"]').textContent()).toContain('每周三 19:00')
    await shot(page, 'council-18-rule-form')
    await ruleForm.locator('[data-testid="rule-submit"]').click()
    const rule = rules.locator('[data-testid="rule"]').first()
    await rule.waitFor({ timeout: 20_000 })
    expect(await rule.locator('[data-testid="rule-schedule"]').textContent()).toContain('每周三 19:00–20:30')
    await shot(page, 'council-19-rules')

    await signIn(page, '赵晓梅')
    // 首页 lists the next sessions (the weekly forums just scheduled come first).
    await page.locator('[data-testid="page-home"] [data-testid="home-session"]').first().waitFor({ timeout: 20_000 })
    await shot(page, 'council-20-home')
    await page.locator('.weui-tabbar__item', { hasText: '议事' }).click()
    const tab = page.locator('[data-testid="page-councils"]')
    await tab.locator('[data-testid="kind-special_topic"]').click()
    await tab
      .locator('[data-testid="session-card"][data-kind="special_topic"]', { hasText: '加装电梯专题议事会' })
      .waitFor({ timeout: 20_000 })
    await shot(page, 'council-17-tab-special')
    expect(page.errors).toEqual([])
    await page.context().close()
  })
})
