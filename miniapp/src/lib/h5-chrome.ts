import { t } from '@/i18n/zh-cn'

/**
 * H5: Taro's <Button> is a <taro-button-core> element, which the keyboard skips and a screen
 * reader does not call a button. Every one that appears gets role="button", tabindex 0 (-1 when
 * disabled) and Enter / Space to press it.
 */
function makeButtonsReachable(root: ParentNode) {
  for (const el of root.querySelectorAll<HTMLElement>('taro-button-core:not([data-a11y])')) {
    el.setAttribute('data-a11y', '1')
    if (!el.getAttribute('role')) el.setAttribute('role', 'button')
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        el.click()
      }
    })
  }
  for (const el of root.querySelectorAll<HTMLElement>('taro-button-core[data-a11y]')) {
    const disabled = el.hasAttribute('disabled') && el.getAttribute('disabled') !== 'false'
    const tabindex = disabled ? '-1' : '0'
    if (el.getAttribute('tabindex') !== tabindex) el.setAttribute('tabindex', tabindex)
    const ariaDisabled = disabled ? 'true' : null
    if (el.getAttribute('aria-disabled') !== ariaDisabled) {
      if (ariaDisabled) el.setAttribute('aria-disabled', ariaDisabled)
      else el.removeAttribute('aria-disabled')
    }
  }
}

/**
 * H5 only: Taro's own title bar (`#taro-navigation-bar`, shown because app.config.ts asks for
 * navigationStyle 'default') draws its 返回 and 首页 as bare <div>s with an icon. Give them a role,
 * a name and the keyboard, so a screen reader says "返回, 按钮" (sizes are in app.scss).
 */
export function labelH5Chrome(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
  makeButtonsReachable(document)
  let queued = false
  new MutationObserver(() => {
    if (queued) return
    queued = true
    requestAnimationFrame(() => {
      queued = false
      makeButtonsReachable(document)
    })
  }).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] })
  const bar = document.getElementById('taro-navigation-bar')
  if (!bar) return
  bar.setAttribute('role', 'banner')
  const buttons: Array<[string, string]> = [
    ['.taro-navigation-bar-back', t.navBar.back],
    ['.taro-navigation-bar-home', t.navBar.home],
  ]
  for (const [selector, label] of buttons) {
    const el = bar.querySelector<HTMLElement>(selector)
    if (!el || el.getAttribute('role')) continue
    el.setAttribute('role', 'button')
    el.setAttribute('aria-label', label)
    el.setAttribute('tabindex', '0')
    el.querySelector('svg')?.setAttribute('aria-hidden', 'true')
    el.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') el.click()
    })
  }
  bar.querySelector('.taro-navigation-bar-loading svg')?.setAttribute('aria-hidden', 'true')
  bar.querySelector('.taro-navigation-bar-title')?.setAttribute('role', 'heading')
  bar.querySelector('.taro-navigation-bar-title')?.setAttribute('aria-level', '1')
}
