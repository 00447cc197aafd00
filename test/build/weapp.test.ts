import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const out = 'dist/weapp'

function sizeOf(path: string): number {
  const s = statSync(path)
  if (!s.isDirectory()) return s.size
  return readdirSync(path).reduce((sum, entry) => sum + sizeOf(join(path, entry)), 0)
}

describe('the WeChat mini-program build', () => {
  it('builds, keeps staff pages in a subpackage, and its main package stays under 2 MB', () => {
    const build = spawnSync('npm', ['run', 'build:weapp'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        TARO_APP_TEMPLATE_CONCERN: 'tmpl-concern-for-build-test',
        TARO_APP_TEMPLATE_COUNCIL: 'tmpl-council-for-build-test',
      },
    })
    expect(build.status, build.stderr.slice(-3000) + build.stdout.slice(-3000)).toBe(0)
    expect(existsSync(join(out, 'app.json'))).toBe(true)

    const app = JSON.parse(readFileSync(join(out, 'app.json'), 'utf8')) as {
      pages: string[]
      tabBar: { list: { pagePath: string; text: string; iconPath: string }[] }
      subPackages?: { root: string; pages: string[] }[]
      subpackages?: { root: string; pages: string[] }[]
    }
    expect(app.tabBar.list.map((t) => t.text)).toEqual(['首页', '诉求', '议事', '我的'])
    for (const tab of app.tabBar.list) expect(existsSync(join(out, tab.iconPath))).toBe(true)
    const subs = app.subPackages ?? app.subpackages ?? []
    expect(subs.map((s) => s.root.replace(/\/$/, ''))).toContain('staff')
    expect(app.pages.some((p) => p.startsWith('staff/'))).toBe(false)

    // The subscribe-message template ids given at build time reach the code that asks residents to subscribe.
    const mainJs = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js') && !f.startsWith('staff'))
      .map((f) => readFileSync(join(out, f), 'utf8'))
      .join('\n')
    expect(mainJs).toContain('tmpl-concern-for-build-test')
    expect(mainJs).toContain('requestSubscribeMessage')
    // Pages use domain rules and labels, never zod itself (schemas are imported as types only):
    // zod would add ~100 KB to the main package.
    expect(mainJs).not.toContain('ZodError')

    const total = sizeOf(out)
    const subSize = subs.reduce((sum, s) => sum + (existsSync(join(out, s.root)) ? sizeOf(join(out, s.root)) : 0), 0)
    const main = total - subSize
    console.log(JSON.stringify({ weappMainPackageBytes: main, weappSubpackagesBytes: subSize }))
    expect(main).toBeLessThan(2 * 1024 * 1024)
  })
})
