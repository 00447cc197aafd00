import { mkdirSync, writeFileSync } from 'node:fs'
import { launch, type LaunchedChrome } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type A11yData, makeA11yData } from '../helpers/a11y-data.js'
import { chromiumPath, haveChromium } from '../helpers/browser.js'
import { journey } from '../helpers/journey.js'

/**
 * Lighthouse's accessibility score (the one a reviewer would run in Chrome's DevTools) on the
 * pages residents use most — 首页, the concerns board, 反映诉求, a concern, a session, a vote, the
 * notices — and on the staff inbox, in normal mode and in 长辈模式, signed in, at phone size.
 * The bar is 95. Scores go to test-results/lighthouse.json.
 */
const j = journey()
const BAR = 0.95

let chrome: LaunchedChrome | undefined
let browser: Browser | undefined

beforeAll(async () => {
  if (!haveChromium) return
  chrome = await launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--lang=zh-CN'],
  })
  browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null })
})
afterAll(async () => {
  await browser?.disconnect().catch(() => undefined)
  chrome?.kill()
})

/** A tab signed in as `who` in `mode`: the session and the mode put in storage, as signing in would. */
async function tabOf(who: string, mode: 'normal' | 'elder'): Promise<Page> {
  const users = await fetch(`${j.url}/api/auth/dev/users`).then((r) => r.json())
  const user = users.items.find((u: { nickname: string }) => u.nickname === who)
  const session = await fetch(`${j.url}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  }).then((r) => r.json())
  const page = await browser!.newPage()
  // Same origin as the app, without rendering it: the app itself first starts under Lighthouse.
  await page.goto(`${j.url}/api/health`)
  await page.evaluate(
    (session, elder) => {
      localStorage.clear()
      localStorage.setItem('linli.session', JSON.stringify({ data: session }))
      localStorage.setItem('linli.elderMode', JSON.stringify({ data: elder }))
      localStorage.setItem('linli.elderOffered', JSON.stringify({ data: true }))
    },
    session,
    mode === 'elder',
  )
  return page
}

function pagesFor(ids: A11yData): Array<{ who: string; name: string; path: string }> {
  const c = `communityId=${ids.community}`
  return [
    { who: '王秀英', name: 'home', path: 'pages/home/index' },
    { who: '王秀英', name: 'board', path: 'pages/concerns/index' },
    { who: '王秀英', name: 'raise', path: `pages/concern-raise/index?${c}` },
    { who: '王秀英', name: 'concern', path: `pages/concern-detail/index?id=${ids.concern}` },
    { who: '王秀英', name: 'session', path: `pages/session-detail/index?id=${ids.session}` },
    { who: '王秀英', name: 'vote', path: `pages/vote/index?id=${ids.vote}` },
    { who: '王秀英', name: 'notices', path: 'pages/notifications/index' },
    { who: '陈书记', name: 'inbox', path: `staff/pages/inbox/index?${c}` },
  ]
}

let made: A11yData | undefined
const results: Array<{ mode: string; page: string; score: number; failing: string[] }> = []

// Each mode is its own test with room for eight Lighthouse runs (12–25 s each on two busy cores).
describe.skipIf(!haveChromium)('Lighthouse accessibility (H5, Chromium)', () => {
  it.each(['normal', 'elder'] as const)('scores at least 95 on the main pages (%s)', { timeout: 600_000 }, async (mode) => {
    made ??= await makeA11yData(j)
    const ids = made
    for (const who of ['王秀英', '陈书记']) {
      const tab = await tabOf(who, mode)
      for (const p of pagesFor(ids).filter((x) => x.who === who)) {
        const run = await lighthouse(
          `${j.url}/#/${p.path}`,
          {
            onlyCategories: ['accessibility'],
            disableStorageReset: true,
            formFactor: 'mobile',
            screenEmulation: { mobile: true, width: 390, height: 844, deviceScaleFactor: 2, disabled: false },
            throttlingMethod: 'provided',
            logLevel: 'error',
          },
          undefined,
          tab,
        )
        const lhr = run!.lhr
        // What was audited is the page asked for, signed in, with its content rather than a
        // skeleton — not the sign-in page a lost session would fall back to.
        const shown = await tab.evaluate(() => ({
          hash: location.hash,
          login: !!document.querySelector('[data-testid="page-login"]'),
          skeleton: !!document.querySelector('[data-testid="skeleton"]'),
          text: document.querySelector('.screen')?.textContent?.length ?? 0,
        }))
        expect(shown).toMatchObject({ hash: `#/${p.path}`, login: false, skeleton: false })
        expect(shown.text).toBeGreaterThan(20)
        const failing = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id)
        results.push({ mode, page: p.name, score: lhr.categories.accessibility!.score ?? 0, failing })
      }
      await tab.close()
    }
    mkdirSync('test-results', { recursive: true })
    writeFileSync('test-results/lighthouse.json', JSON.stringify(results, null, 2))
    const mine = results.filter((r) => r.mode === mode)
    for (const r of mine) console.log(`${r.mode.padEnd(6)} ${r.page.padEnd(8)} ${Math.round(r.score * 100)} ${r.failing.join(' ')}`)
    expect(mine).toHaveLength(8)
    expect(mine.filter((r) => r.score < BAR)).toEqual([])
  })
})
