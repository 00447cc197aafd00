/**
 * Screenshots of the 诉求 pages at 390×844, in normal and 长辈模式 (`ELDER=1`): the board, the
 * raise form (category, form, photos uploading, similar sheet), the detail with its timeline, the
 * rating card, 消息, and the staff 工作台 / 工单 / 办理 with every action sheet. Needs the app
 * running on a throwaway database (it files and handles concerns):
 *   PORT=3111 PGLITE_DATA_DIR=/tmp/linli-ui-$$ npm start
 *   BASE_URL=http://localhost:3111 OUT=/tmp/shots npx tsx miniapp/scripts/screenshots-concerns.ts
 */
import { mkdir } from 'node:fs/promises'
import { chromium, type Locator, type Page } from 'playwright-core'
import { samplePhoto } from './sample-photos.js'

const base = process.env.BASE_URL ?? 'http://localhost:3111'
const out = process.env.OUT ?? 'test-results/screenshots'
const elder = process.env.ELDER === '1'
const suffix = elder ? '-elder' : ''

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})

/* ---------- API seeding ---------- */

interface DevUser {
  id: string
  nickname: string
}
const tokens = new Map<string, string>()

async function token(nickname: string): Promise<string> {
  const cached = tokens.get(nickname)
  if (cached) return cached
  const users = (await (await fetch(`${base}/api/auth/dev/users`)).json()) as { items: DevUser[] }
  const user = users.items.find((u) => u.nickname === nickname)
  if (!user) throw new Error(`no demo user ${nickname}`)
  const res = await fetch(`${base}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  })
  const session = (await res.json()) as { token: string }
  tokens.set(nickname, session.token)
  return session.token
}

async function api<T>(nickname: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(nickname)}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body ? JSON.stringify(body) : undefined,
  })
  const data = (await res.json()) as T
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(data)}`)
  return data
}

async function upload(nickname: string, path: string): Promise<string> {
  const form = new FormData()
  const { readFile } = await import('node:fs/promises')
  form.append('file', new Blob([await readFile(path)], { type: 'image/jpeg' }), 'photo.jpg')
  const res = await fetch(`${base}/api/photos`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(nickname)}` },
    body: form,
  })
  const data = (await res.json()) as { id: string }
  if (!res.ok) throw new Error(`upload → ${res.status} ${JSON.stringify(data)}`)
  return data.id
}

interface Seeded {
  communityId: string
  resolvedId: string
}

/** Concerns for the board, in each state; once per database. */
async function seed(): Promise<Seeded> {
  const me = await api<{ memberships: { communityId: string }[] }>('赵晓梅', 'GET', '/me')
  const communityId = me.memberships[0].communityId
  const board = await api<{ items: { id: string; status: string; mine: boolean }[] }>(
    '赵晓梅',
    'GET',
    `/communities/${communityId}/concerns?scope=mine`,
  )
  const existing = board.items.find((c) => c.status === 'resolved')
  if (board.items.length > 0) return { communityId, resolvedId: existing?.id ?? board.items[0].id }

  const buildings = await api<{ items: { id: string; name: string }[] }>('赵晓梅', 'GET', `/communities/${communityId}/buildings`)
  const b3 = buildings.items.find((b) => b.name.startsWith('3'))!.id
  const b5 = buildings.items.find((b) => b.name.startsWith('5'))?.id ?? b3
  const raise = (nickname: string, body: object) =>
    api<{ id: string }>(
      nickname,
      'POST',
      '/concerns',
      { communityId, ...body },
      { 'Idempotency-Key': `seed-${Math.random().toString(36).slice(2)}` },
    )

  const lamp = await raise('赵晓梅', {
    category: 'facilities',
    description: '3号楼2单元楼道灯坏了一个星期，晚上上下楼看不见台阶，前天有老人差点摔倒。',
    place: { kind: 'building', buildingId: b3 },
    photoIds: [await upload('赵晓梅', await samplePhoto('lamp'))],
  })
  await raise('赵晓梅', {
    category: 'noise',
    description: '5号楼楼下的商铺每天晚上十点以后还在卸货，推车声音很大，影响休息。',
    place: { kind: 'text', text: '5号楼楼下商铺' },
  })
  const bins = await raise('赵晓梅', {
    category: 'sanitation',
    description: '小区东门的垃圾桶满了三天没人清运，味道很大，夏天招苍蝇。',
    place: { kind: 'building', buildingId: b5 },
    photoIds: [await upload('赵晓梅', await samplePhoto('bins'))],
  })
  await raise('王秀英', {
    category: 'safety',
    description: '4号楼东侧消防通道经常被私家车占用，万一着火消防车进不来。',
    place: { kind: 'text', text: '4号楼东侧消防通道' },
    visibility: 'private',
  })
  await api('王秀英', 'POST', `/concerns/${lamp.id}/cosign`)

  const move = (id: string, body: object, who = '刘网格') => api(who, 'POST', `/concerns/${id}/transitions`, { photoIds: [], ...body })
  await move(lamp.id, { action: 'accept' })
  await move(lamp.id, { action: 'assign', assignee: { kind: 'partner', orgName: '安居物业' }, note: '请物业三天内更换' })
  await move(bins.id, { action: 'accept' })
  await move(bins.id, { action: 'start' })
  await move(bins.id, { action: 'note', note: '已联系环卫公司，明天上午清运。' })
  await move(bins.id, {
    action: 'resolve',
    note: '垃圾已清运，垃圾桶已清洗消毒。',
    photoIds: [await upload('刘网格', await samplePhoto('fixed'))],
  })
  return { communityId, resolvedId: bins.id }
}

/* ---------- the browser ---------- */

async function shot(page: Page, name: string) {
  await page.waitForTimeout(700)
  await page.screenshot({ path: `${out}/${name}${suffix}.png` })
  console.log('shot', `${name}${suffix}`)
}

/** The whole page: Taro's H5 pages scroll inside their own container, so grow the viewport to fit. */
async function shotFull(page: Page, name: string) {
  await page.waitForTimeout(700)
  const height = await page.evaluate(() =>
    Math.max(...[...document.querySelectorAll<HTMLElement>('.taro_page, .taro-tabbar__panel, body')].map((el) => el.scrollHeight)),
  )
  await page.setViewportSize({ width: 390, height: Math.min(Math.max(height, 844), 6000) })
  await page.waitForTimeout(400)
  await page.screenshot({ path: `${out}/${name}${suffix}.png` })
  await page.setViewportSize({ width: 390, height: 844 })
  console.log('shot', `${name}${suffix}`, height)
}

async function visible(locator: Locator, timeout = 15_000) {
  await locator.first().waitFor({ state: 'visible', timeout })
}

function onPage(page: Page, name: string) {
  return page.locator(`[data-testid="page-${name}"]`).filter({ visible: true }).last()
}

async function signIn(page: Page, nickname: string) {
  await page.evaluate(() => localStorage.removeItem('linli.session'))
  await page.goto(`${base}/#/pages/login/index`)
  await page.reload()
  await visible(page.locator('[data-testid="dev-user"]'))
  await page.locator('[data-testid="dev-user"]', { hasText: nickname }).click()
  await visible(page.locator('[data-testid="page-home"] .home-hero__greeting'))
}

async function tab(page: Page, text: string) {
  await page.locator('.weui-tabbar__item', { hasText: text }).click()
}

async function modalConfirm(page: Page) {
  await visible(page.locator('.taro__modal .taro-model__confirm'))
  await page.locator('.taro__modal .taro-model__confirm').click()
}

await mkdir(out, { recursive: true })
const seeded = await seed()
const photos = [await samplePhoto('lamp'), await samplePhoto('bins')]

const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
const page = await context.newPage()
const errors: string[] = []
page.on('pageerror', (e) => errors.push(e.message))
page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()))

await page.goto(`${base}/#/pages/login/index`)
if (elder) {
  await page.evaluate(() => localStorage.setItem('linli.elderMode', JSON.stringify({ data: true })))
  await page.reload()
}

// A resident: the board, raising a concern with photos, the similar sheet, the new concern's detail.
await signIn(page, '王秀英')
await tab(page, '诉求')
const board = onPage(page, 'concerns')
await visible(board.locator('[data-testid="concern-card"]'))
await shot(page, 'c01-board-public')
await shotFull(page, 'c01-board-public-full')
await board.locator('[data-testid="status-resolved"]').click()
await visible(board.locator('[data-testid="concern-card"][data-status="resolved"], [data-testid="empty-state"]'))
await shot(page, 'c02-board-resolved')
await board.locator('[data-testid="status-all"]').click()
await board.locator('[data-testid="scope-following"]').click()
await visible(board.locator('[data-testid="concern-card"], [data-testid="empty-state"]'))
await shot(page, 'c03-board-following')
await board.locator('[data-testid="scope-public"]').click()

await board.locator('[data-testid="raise-concern"]').click()
const raise = onPage(page, 'raise')
await visible(raise.locator('[data-testid="choices-category"]'))
await shotFull(page, 'c04-raise-category')
await raise.locator('[data-testid="category-facilities"]').click()
await visible(raise.locator('[data-testid="raise-step-form"]'))
await shotFull(page, 'c05-raise-form-empty')
await raise.locator('[data-testid="concern-submit"]').click()
await visible(raise.locator('[data-testid="field-error"]'))
await shot(page, 'c06-raise-form-errors')
await page.waitForTimeout(2600) // let the toast go

await raise
  .locator('[data-testid="concern-description-input"] textarea')
  .fill('3号楼2单元的楼道灯不亮了，晚上回家看不见楼梯，希望尽快修一修。')
// Hold the uploads back a moment so the progress overlay can be seen.
let holdUploads = true
await page.route('**/api/photos', (route) => setTimeout(() => void route.continue().catch(() => undefined), holdUploads ? 2500 : 0))
const chooser = page.waitForEvent('filechooser')
await raise.locator('[data-testid="photo-add"]').click()
await (await chooser).setFiles(photos)
await visible(raise.locator('[data-testid="photo-item"]'))
await shot(page, 'c07-raise-photos-uploading')
holdUploads = false
await raise
  .locator('[data-testid="photo-item"][data-status="uploading"]')
  .first()
  .waitFor({ state: 'detached', timeout: 20_000 })
  .catch(() => undefined)
await visible(raise.locator('[data-testid="similar-hint"]'), 10_000).catch(() => console.warn('no similar hint'))
await shotFull(page, 'c08-raise-form-filled')
await raise.locator('[data-testid="place-text"]').click()
await raise.locator('[data-testid="place-text-input"] input').fill('3号楼2单元楼道')
await shotFull(page, 'c09-raise-place-text')
await raise.locator('[data-testid="place-household"]').click()

await raise.locator('[data-testid="concern-submit"]').click()
const sheet = raise.locator('[data-testid="similar-sheet"]')
await visible(sheet)
await shot(page, 'c10-similar-sheet')
await sheet.locator('[data-testid="similar-submit-anyway"]').click()
const detail = onPage(page, 'concern')
await visible(detail.locator('[data-testid="concern-created"]'))
await shotFull(page, 'c11-detail-created')
const newPublicNo = await detail.locator('[data-testid="concern-public-no"]').textContent()
console.log('filed', newPublicNo)

// Someone else's concern: 附议 and 关注.
await page.goBack()
await tab(page, '诉求')
await visible(board.locator('[data-testid="concern-card"]'))
await board.locator('[data-testid="concern-card"]', { hasText: '卸货' }).click()
await visible(onPage(page, 'concern').locator('[data-testid="cosign-button"]'))
await onPage(page, 'concern').locator('[data-testid="cosign-button"]').click()
await onPage(page, 'concern').locator('[data-testid="cosign-button"][data-active="true"]').waitFor()
await onPage(page, 'concern').locator('[data-testid="follow-button"]').click()
await onPage(page, 'concern').locator('[data-testid="follow-button"][data-active="true"]').waitFor()
await shotFull(page, 'c12-detail-cosigned')

// The author of a resolved concern rates it; then 消息.
await signIn(page, '赵晓梅')
await page.goto(`${base}/#/pages/concern-detail/index?id=${seeded.resolvedId}`)
const rated = onPage(page, 'concern')
await visible(rated.locator('[data-testid="timeline-item"]'))
if (await rated.locator('[data-testid="rating-card"]').count()) {
  await shotFull(page, 'c13-detail-resolved-rating')
  await rated.locator('[data-testid="rating-star"][data-value="4"]').click()
  await rated.locator('[data-testid="rating-solved"]').click()
  await rated.locator('[data-testid="rating-comment"] textarea').fill('清运很及时，谢谢社区和环卫师傅。')
  await shot(page, 'c14-rating-filled')
  await rated.locator('[data-testid="rating-submit"]').click()
  await visible(rated.locator('[data-testid="concern-rated"]'))
}
await shotFull(page, 'c15-detail-closed')
await page.goto(`${base}/#/pages/me/index`)
await visible(onPage(page, 'me').locator('[data-testid="open-notifications"]'))
await shot(page, 'c16-me-messages')
await onPage(page, 'me').locator('[data-testid="open-notifications"]').click()
await visible(
  onPage(page, 'notifications').locator('[data-testid="notification"], [data-testid="empty-state"], [data-testid="error-state"]'),
)
await shotFull(page, 'c17-notifications')

// The worker: 工作台, 工单, and each action on the concern filed above.
await signIn(page, '刘网格')
await tab(page, '我的')
await onPage(page, 'me').locator('[data-testid="open-staff"]').click()
const hub = onPage(page, 'workbench')
await visible(hub.locator('[data-testid="open-inbox"]'))
await page.waitForTimeout(800)
await shot(page, 'c18-workbench')
await hub.locator('[data-testid="open-inbox"]').click()
const inbox = onPage(page, 'inbox')
await visible(inbox.locator('[data-testid="concern-card"]'))
await shotFull(page, 'c19-inbox')
await inbox.locator('[data-testid="filter-submitted"]').click()
await visible(inbox.locator('[data-testid="concern-card"][data-status="submitted"]'))
await shot(page, 'c20-inbox-submitted')
await inbox.locator('[data-testid="concern-card"]', { hasText: '楼道灯不亮' }).first().click()
const staff = onPage(page, 'staff-concern')
await visible(staff.locator('[data-testid="action-bar"]'))
await shot(page, 'c21-staff-concern-submitted')
await shotFull(page, 'c21-staff-concern-submitted-full')

const action = (label: string) =>
  staff.locator('[data-testid="action-bar"] [data-testid="staff-action"]', { hasText: new RegExp(`^${label}$`) })
const transition = staff.locator('[data-testid="transition-sheet"]')
await action('不予受理').click()
await visible(transition)
await shot(page, 'c22-sheet-decline')
await transition.locator('.sheet__close').click()
await action('合并').click()
await visible(transition.locator('[data-testid="merge-option"], [data-testid="empty-state"]'))
await shot(page, 'c23-sheet-merge')
await transition.locator('.sheet__close').click()
await action('受理').click()
await modalConfirm(page)
await visible(action('指派'))
await shot(page, 'c24-staff-accepted')
await action('指派').click()
await visible(transition.locator('[data-testid="assign-option"]'))
await shot(page, 'c25-sheet-assign')
await transition.locator('[data-testid="assign-option"]', { hasText: '安居物业' }).click()
await transition.locator('[data-testid="transition-submit"]').click()
await transition.waitFor({ state: 'detached' })
await action('添加进展').click()
await visible(transition.locator('[data-testid="transition-note"]'))
await transition.locator('[data-testid="transition-note"] textarea').fill('已通知物业，明天上午上门更换灯泡。')
await shot(page, 'c26-sheet-note')
await transition.locator('[data-testid="transition-submit"]').click()
await transition.waitFor({ state: 'detached' })
await action('开始办理').click()
await modalConfirm(page)
await visible(action('办结'))
await action('办结').click()
await visible(transition.locator('[data-testid="transition-note"]'))
await transition.locator('[data-testid="transition-submit"]').click()
await visible(transition.locator('[data-testid="field-error"]'))
await shot(page, 'c27-sheet-resolve-errors')
await transition.locator('[data-testid="transition-note"] textarea').fill('楼道灯已更换为声控 LED 灯，恢复照明。')
const resolveChooser = page.waitForEvent('filechooser')
await transition.locator('[data-testid="photo-add"]').click()
await (await resolveChooser).setFiles([photos[0]])
await transition.locator('[data-testid="photo-item"][data-status="done"]').waitFor({ timeout: 20_000 })
await shot(page, 'c28-sheet-resolve')
await transition.locator('[data-testid="transition-submit"]').click()
await transition.waitFor({ state: 'detached' })
await shotFull(page, 'c29-staff-resolved')

// The partner (物业) sees its own 工作台 and 工单.
await signIn(page, '安居物业-孙经理')
await tab(page, '我的')
await onPage(page, 'me').locator('[data-testid="open-staff"]').click()
await visible(onPage(page, 'workbench').locator('[data-testid="open-inbox"]'))
await shot(page, 'c30-partner-workbench')
await onPage(page, 'workbench').locator('[data-testid="open-inbox"]').click()
await visible(onPage(page, 'inbox').locator('[data-testid="concern-card"], [data-testid="empty-state"]'))
await shot(page, 'c31-partner-inbox')

if (errors.length) console.error('page errors:', errors)
await context.close()
await browser.close()
