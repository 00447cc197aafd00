import type { Browser, Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll } from 'vitest'
import { haveChromium, launchBrowser, screenshotDir } from './browser.js'
import { startProduct } from './server.js'

/** A phone-sized page that remembers the page errors it saw (a journey asserts there were none). */
export type Phone = Page & { errors: string[] }

/**
 * What every browser journey needs, started once per file: `npm start` on a throwaway database,
 * Chromium, and the steps they all take — a phone (optionally in 长辈模式), a screenshot, signing in
 * as a seeded user, opening a page by URL, a confirm dialog, a photo, and the API for set-up steps
 * that are not the point of the journey.
 */
export function journey() {
  let product: Awaited<ReturnType<typeof startProduct>> | undefined
  let browser: Browser | undefined

  beforeAll(async () => {
    if (!haveChromium) return
    product = await startProduct()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await product?.stop()
  })

  const url = () => {
    if (!product) throw new Error('the product is not running (no Chromium?)')
    return product.url
  }

  return {
    /** Where `npm start` answers. */
    get url() {
      return url()
    },

    /**
     * A new phone on the login page; `elder` turns 长辈模式 on first. The one-time "需要大字模式吗？"
     * has been answered already unless `offerElder` (its own journey).
     */
    async phone(elder = false, { offerElder = false } = {}): Promise<Phone> {
      if (!browser) throw new Error('no browser')
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
      const page = (await context.newPage()) as Phone
      page.errors = []
      page.on('pageerror', (e) => page.errors.push(e.message))
      await page.goto(`${url()}/#/pages/login/index`)
      if (elder || !offerElder) {
        await page.evaluate(
          ({ elder, offerElder }) => {
            if (elder) localStorage.setItem('linli.elderMode', JSON.stringify({ data: true }))
            if (!offerElder) localStorage.setItem('linli.elderOffered', JSON.stringify({ data: true }))
          },
          { elder, offerElder },
        )
        await page.reload()
      }
      return page
    },

    /** A phone-sized screenshot; with `at`, scrolled so that element is in view first. */
    async shot(page: Page, name: string, at?: Locator) {
      if (at) await at.scrollIntoViewIfNeeded()
      await page.waitForTimeout(400)
      await page.screenshot({ path: `${screenshotDir}/${name}.png` })
    },

    /** Signs out (keeping only the 长辈模式 preferences) and signs in as the seeded user `nickname`. */
    async signIn(page: Page, nickname: string) {
      await page.evaluate(() => {
        for (const k of Object.keys(localStorage)) if (k !== 'linli.elderMode' && k !== 'linli.elderOffered') localStorage.removeItem(k)
      })
      await page.goto(`${url()}/#/pages/login/index`)
      await page.reload()
      await page.locator('[data-testid="page-login"] [data-testid="dev-user"]', { hasText: nickname }).click()
      await page.locator('[data-testid="page-home"] .home-hero__greeting').waitFor({ timeout: 20_000 })
    },

    /**
     * Opens a page by its hash path, as tapping a notification or a card would, and waits for
     * `ready` inside it. Returns the page's root, the one on screen.
     */
    async openPage(page: Page, path: string, root: string, ready: string): Promise<Locator> {
      await page.goto(`${url()}/#/${path}`)
      // A fresh start on that page: Taro's H5 router, asked for a page already in its stack, is not
      // consistent about which instance it shows.
      await page.reload()
      // Taro's H5 router keeps earlier pages hidden in the DOM: take the one on screen.
      const rootLocator = page.locator(`[data-testid="${root}"]:visible`)
      await rootLocator.locator(`[data-testid="${ready}"]`).first().waitFor({ timeout: 20_000 })
      return rootLocator
    },

    /** Taps 确定 in the Taro modal on screen. */
    async confirm(page: Page) {
      await page.locator('.taro__modal .taro-model__confirm').click()
    },

    /** Adds `photo` through the photo picker inside `scope` and waits until it is uploaded. */
    async addPhoto(page: Page, scope: Locator, photo: Buffer) {
      const chooser = page.waitForEvent('filechooser')
      await scope.locator('[data-testid="photo-add"]').click()
      await (await chooser).setFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: photo })
      await scope.locator('[data-testid="photo-item"][data-status="done"]').first().waitFor({ timeout: 20_000 })
    },

    /** The API, for what the UI step is not the point of. */
    async api<T = Record<string, any>>(
      method: string,
      path: string,
      token: string,
      body?: unknown,
      headers: Record<string, string> = {},
    ): Promise<T> {
      const res = await fetch(`${url()}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body ? JSON.stringify(body) : undefined,
      })
      const json = await res.json()
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
      return json as T
    },

    /** Uploads a plain JPEG of `color` as the holder of `token`; returns the photo's id. */
    async photo(token: string, color = '#5b8a9a'): Promise<string> {
      const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: color } })
        .jpeg()
        .toBuffer()
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), 'photo.jpg')
      const res = await fetch(`${url()}/api/photos`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
      return ((await res.json()) as { id: string }).id
    },

    /**
     * A monthly council starting in half an hour, opened by staff (`token`); `beforeStart` runs
     * while booking is open (to book and accept topics), then the agenda is fixed and it starts.
     */
    async runningSession(token: string, communityId: string, title: string, beforeStart?: (sessionId: string) => Promise<void>) {
      const soon = new Date(Date.now() + 30 * 60_000)
      const session = await this.api('POST', `/communities/${communityId}/sessions`, token, {
        kind: 'monthly_council',
        title,
        description: '商量楼道堆物怎么清理',
        startsAt: soon.toISOString(),
        endsAt: new Date(soon.getTime() + 2 * 3600_000).toISOString(),
        venue: '睦邻议事厅',
        capacity: 30,
        bookingDeadline: new Date(soon.getTime() - 10 * 60_000).toISOString(),
        agendaSlots: 4,
      })
      await this.api('POST', `/sessions/${session.id}/actions`, token, { action: 'open' })
      await beforeStart?.(session.id)
      await this.api('POST', `/sessions/${session.id}/actions`, token, { action: 'fix_agenda' })
      await this.api('POST', `/sessions/${session.id}/actions`, token, { action: 'start' })
      return session.id as string
    },

    /** A bearer token for the seeded user `nickname` (dev sign-in). */
    async tokenOf(nickname: string): Promise<string> {
      const users = await fetch(`${url()}/api/auth/dev/users`).then((r) => r.json())
      const user = users.items.find((u: { nickname: string }) => u.nickname === nickname)
      const { token } = await fetch(`${url()}/api/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: user.id }),
      }).then((r) => r.json())
      return token
    },
  }
}
