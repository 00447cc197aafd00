/**
 * Renders the tab-bar icons (weapp wants PNG, 81×81) from miniapp/assets-src/tabbar/*.svg into
 * miniapp/src/assets/tabbar/*.png with Debian's Chromium. Run: npx tsx miniapp/scripts/render-tabbar-icons.ts
 */
import { readdir, readFile, mkdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const here = path.dirname(fileURLToPath(import.meta.url))
const srcDir = path.resolve(here, '../assets-src/tabbar')
const outDir = path.resolve(here, '../src/assets/tabbar')

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
try {
  await mkdir(outDir, { recursive: true })
  const page = await browser.newPage({ viewport: { width: 81, height: 81 }, deviceScaleFactor: 1 })
  for (const file of (await readdir(srcDir)).filter((f) => f.endsWith('.svg'))) {
    const svg = await readFile(path.join(srcDir, file), 'utf8')
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`)
    const out = path.join(outDir, file.replace(/\.svg$/, '.png'))
    await page.locator('svg').screenshot({ path: out, omitBackground: true })
    console.log('wrote', path.relative(process.cwd(), out))
  }
} finally {
  await browser.close()
}
