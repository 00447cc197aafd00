import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'

/** Every page path in miniapp/src/app.config.ts (main package and subpackages), as a URL path. */
export function configuredPages(): string[] {
  const src = readFileSync('miniapp/src/app.config.ts', 'utf8')
  const main = /\n {2}pages: \[([\s\S]*?)\]/.exec(src)?.[1] ?? ''
  const pages = [...main.matchAll(/'([^']+)'/g)].map((m) => m[1])
  const subs = /subPackages: \[([\s\S]*?)\n {2}\],/.exec(src)?.[1] ?? ''
  for (const block of subs.matchAll(/root: '([^']+)',\s*pages: \[([\s\S]*?)\]/g)) {
    for (const m of block[2].matchAll(/'([^']+)'/g)) pages.push(`${block[1]}/${m[1]}`)
  }
  return pages
}

/** What one page measured in one mode. */
export interface PageAudit {
  page: string
  mode: 'normal' | 'elder'
  axe: Record<string, number>
  /** Texts under 18 px (counted in 长辈模式 only) or line height under 1.3 (长辈模式). */
  smallText: number
  tightLines: number
  /** Tappable things under 44 px (normal) or 60 px (长辈模式) in either dimension. */
  smallTargets: number
  clipped: number
  smallestText: number
  smallestTarget: number
  /** A few examples of each finding, to know where to look. */
  examples: string[]
}

export const limits = { normal: { target: 44 }, elder: { target: 60, text: 18, lineHeight: 1.3 } }

/**
 * Measures the page on screen: serious and critical axe findings, and — in the browser — the
 * sizes of texts and tappable things and clipped text. A tappable thing is a native control, an
 * element with an interactive ARIA role, or one React gave an onClick.
 */
export async function audit(page: Page, path: string, mode: 'normal' | 'elder'): Promise<PageAudit> {
  const result = await new AxeBuilder({ page }).analyze()
  const axe: Record<string, number> = {}
  const examples: string[] = []
  for (const v of result.violations) {
    if (v.impact !== 'serious' && v.impact !== 'critical') continue
    axe[v.id] = (axe[v.id] ?? 0) + v.nodes.length
    for (const n of v.nodes.slice(0, 2)) examples.push(`axe ${v.id}: ${String(n.target[0]).slice(0, 90)} ${n.html.slice(0, 90)}`)
  }
  const target = limits[mode].target
  const sizes = await page.evaluate(
    ({ target, elder }) => {
      const out = {
        smallText: 0,
        tightLines: 0,
        smallTargets: 0,
        clipped: 0,
        smallestText: 999,
        smallestTarget: 999,
        examples: [] as string[],
      }
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect()
        if (r.width === 0 || r.height === 0) return false
        const s = getComputedStyle(el)
        return s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[aria-hidden="true"]')
      }
      const describe = (el: Element) => {
        const cls = typeof el.className === 'string' ? el.className.split(' ').filter(Boolean).slice(0, 2).join('.') : ''
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`
      }
      const all = [...document.querySelectorAll('body *')]
      for (const el of all) {
        if (!visible(el)) continue
        const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && (n.textContent ?? '').trim())
        if (ownText && !['SCRIPT', 'STYLE', 'TEXTAREA', 'INPUT'].includes(el.tagName)) {
          const s = getComputedStyle(el)
          const fs = Number.parseFloat(s.fontSize)
          out.smallestText = Math.min(out.smallestText, fs)
          if (elder && fs < 18 - 0.01) {
            out.smallText++
            if (out.examples.length < 40) out.examples.push(`text ${fs.toFixed(1)}px: ${describe(el)}`)
          }
          const lh = s.lineHeight === 'normal' ? 1.2 * fs : Number.parseFloat(s.lineHeight)
          if (elder && lh / fs < 1.3 - 0.01) {
            out.tightLines++
            if (out.examples.length < 40) out.examples.push(`line-height ${(lh / fs).toFixed(2)}: ${describe(el)}`)
          }
          if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
            out.clipped++
            if (out.examples.length < 40) out.examples.push(`clipped ${el.scrollWidth}>${el.clientWidth}: ${describe(el)}`)
          }
        }
        const reactKey = Object.keys(el).find((k) => k.startsWith('__reactProps'))
        const onClick = reactKey ? (el as unknown as Record<string, { onClick?: unknown }>)[reactKey]?.onClick : undefined
        const role = el.getAttribute('role') ?? ''
        const tappable =
          (el.tagName === 'A' && el.hasAttribute('href')) ||
          [
            'BUTTON',
            'INPUT',
            'TEXTAREA',
            'SELECT',
            'TARO-BUTTON-CORE',
            'TARO-SWITCH-CORE',
            'TARO-INPUT-CORE',
            'TARO-TEXTAREA-CORE',
          ].includes(el.tagName) ||
          ['button', 'link', 'tab', 'switch', 'radio', 'checkbox', 'menuitem', 'option'].includes(role) ||
          typeof onClick === 'function'
        if (!tappable) continue
        // A sheet's dim mask or a card holding other targets is not itself the small thing.
        const r = el.getBoundingClientRect()
        const size = Math.min(r.width, r.height)
        // Inner parts of a bigger target (the input inside taro-input-core) count as that target.
        const outer = el.parentElement?.closest('taro-input-core,taro-textarea-core,taro-switch-core,taro-button-core,button,a[href]')
        if (outer) continue
        out.smallestTarget = Math.min(out.smallestTarget, size)
        if (size < target - 0.5) {
          out.smallTargets++
          if (out.examples.length < 40) out.examples.push(`target ${r.width.toFixed(0)}×${r.height.toFixed(0)}: ${describe(el)}`)
        }
      }
      return out
    },
    { target, elder: mode === 'elder' },
  )
  return { page: path, mode, axe, ...sizes, examples: [...examples, ...sizes.examples] }
}

/** Totals over many pages. */
export function totals(audits: PageAudit[]) {
  const axe: Record<string, number> = {}
  let serious = 0
  for (const a of audits) {
    for (const [id, n] of Object.entries(a.axe)) {
      axe[id] = (axe[id] ?? 0) + n
      serious += n
    }
  }
  const sum = (mode: 'normal' | 'elder', k: 'smallText' | 'tightLines' | 'smallTargets' | 'clipped') =>
    audits.filter((a) => a.mode === mode).reduce((s, a) => s + a[k], 0)
  const min = (mode: 'normal' | 'elder', k: 'smallestText' | 'smallestTarget') =>
    Math.min(...audits.filter((a) => a.mode === mode).map((a) => a[k]))
  return {
    pages: audits.length,
    seriousOrCritical: serious,
    axe,
    normal: {
      smallTargets: sum('normal', 'smallTargets'),
      clipped: sum('normal', 'clipped'),
      smallestText: min('normal', 'smallestText'),
      smallestTarget: min('normal', 'smallestTarget'),
    },
    elder: {
      smallText: sum('elder', 'smallText'),
      tightLines: sum('elder', 'tightLines'),
      smallTargets: sum('elder', 'smallTargets'),
      clipped: sum('elder', 'clipped'),
      smallestText: min('elder', 'smallestText'),
      smallestTarget: min('elder', 'smallestTarget'),
    },
  }
}
