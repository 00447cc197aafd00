/**
 * Screenshots of every H5 page at 390×844, in normal and 长辈模式, for a visual check.
 * Needs the app running (e.g. `PORT=3111 npm start`). Run:
 *   BASE_URL=http://localhost:3111 OUT=/tmp/shots npx tsx miniapp/scripts/screenshots.ts
 * It signs in as demo users, files a residency claim and approves it, so use a throwaway database
 * (PGLITE_DATA_DIR=/tmp/… when starting the server).
 */
import { mkdir } from 'node:fs/promises'
import { chromium, type Page } from 'playwright-core'

const base = process.env.BASE_URL ?? 'http://localhost:3111'
const out = process.env.OUT ?? 'test-results/screenshots'
const resident = process.env.RESIDENT ?? '李建国'
const worker = process.env.WORKER ?? '刘网格'

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

async function shot(page: Page, name: string) {
  await page.waitForTimeout(600)
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true })
  console.log('shot', name)
}

async function visible(page: Page, selector: string) {
  await page.locator(selector).first().waitFor({ state: 'visible', timeout: 15_000 })
}

async function tab(page: Page, text: string) {
  await page.locator('.weui-tabbar__item', { hasText: text }).click()
}

async function signIn(page: Page, nickname: string) {
  await page.goto(`${base}/#/pages/login/index`)
  await visible(page, '[data-testid="dev-user"]')
  await page.locator('[data-testid="dev-user"]', { hasText: nickname }).click()
  await visible(page, '[data-testid="page-home"] .home-hero__greeting')
}

async function run(elder: boolean) {
  const suffix = elder ? '-elder' : ''
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  const page = await context.newPage()
  page.on('pageerror', (e) => console.error('pageerror', e.message))
  page.on('console', (m) => m.type() === 'error' && console.error('console', m.text()))

  await page.goto(`${base}/#/pages/login/index`)
  if (elder) {
    // Taro's H5 storage keeps `{ data }` in localStorage; reload so the app reads it at start.
    await page.evaluate(() => localStorage.setItem('linli.elderMode', JSON.stringify({ data: true })))
    await page.reload()
  }
  await visible(page, '[data-testid="dev-user"]')
  await shot(page, `01-login${suffix}`)

  await signIn(page, resident)
  await shot(page, `02-home${suffix}`)
  await tab(page, '诉求')
  await visible(page, '[data-testid="page-concerns"]')
  await shot(page, `03-concerns${suffix}`)
  await tab(page, '议事')
  await visible(page, '[data-testid="page-councils"]')
  await shot(page, `04-councils${suffix}`)
  await tab(page, '我的')
  await visible(page, '[data-testid="profile"]')
  await shot(page, `05-me${suffix}`)

  await page.getByText('房屋认证', { exact: true }).click()
  await visible(page, '[data-testid="claim-step-building"], [data-testid="claim-step-community"]')
  await shot(page, `06-claim-step1${suffix}`)
  if (await page.locator('[data-testid="claim-step-community"]').count()) {
    await page.locator('[data-testid="choice"]').first().click()
  }
  await visible(page, '[data-testid="claim-step-building"] ~ [data-testid="choices-building"] [data-testid="choice"]')
  await shot(page, `07-claim-building${suffix}`)
  await page
    .locator('[data-testid="choices-building"] [data-testid="choice"]')
    .nth(elder ? 1 : 0)
    .click()
  await visible(page, '[data-testid="choices-unit"] [data-testid="choice"]')
  await shot(page, `08-claim-unit${suffix}`)
  await page.locator('[data-testid="choices-unit"] [data-testid="choice"]').first().click()
  await visible(page, '[data-testid="choices-room"] [data-testid="choice"]')
  await shot(page, `09-claim-room${suffix}`)
  await page
    .locator('[data-testid="choices-room"] [data-testid="choice"]')
    .nth(elder ? 2 : 1)
    .click()
  await visible(page, '[data-testid="choices-relation"]')
  await shot(page, `10-claim-relation${suffix}`)
  await page.getByText('业主', { exact: true }).click()
  await visible(page, '[data-testid="claim-confirm"]')
  await shot(page, `11-claim-confirm${suffix}`)
  await page.getByText('提交认证', { exact: true }).click()
  await visible(page, '[data-testid="claim-success"]')
  await shot(page, `12-claim-success${suffix}`)
  await page.getByText('查看认证进度', { exact: true }).click()
  await visible(page, '[data-testid="my-claim"]')
  await shot(page, `13-me-pending${suffix}`)
  await tab(page, '首页')
  await shot(page, `14-home-pending${suffix}`)

  await signIn(page, worker)
  await tab(page, '我的')
  await visible(page, '[data-testid="open-staff"]')
  await page.getByText('社区工作台', { exact: true }).click()
  await visible(page, '[data-testid="page-workbench"] [data-testid="open-claims"]')
  await page.locator('[data-testid="page-workbench"] [data-testid="open-claims"]').click()
  await visible(page, '[data-testid="page-staff-claims"] .claim-card')
  await shot(page, `15-staff-claims${suffix}`)
  await page.locator('.claim-card', { hasText: resident }).getByText('不通过', { exact: true }).click()
  await visible(page, '[data-testid="reject-dialog"]')
  await shot(page, `16-staff-reject-dialog${suffix}`)
  await page.getByText('取消', { exact: true }).click()
  await page.locator('.claim-card', { hasText: resident }).getByText('通过', { exact: true }).click()
  await page.waitForTimeout(1200)
  await shot(page, `17-staff-after-approve${suffix}`)
  await page.locator('[data-testid="tab-verified"]').click()
  await visible(page, '.claim-card')
  await shot(page, `18-staff-verified${suffix}`)
  await context.close()
}

await mkdir(out, { recursive: true })
try {
  await run(process.env.ELDER === '1')
} finally {
  await browser.close()
}
