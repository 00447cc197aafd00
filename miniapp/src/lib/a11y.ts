/**
 * Accessibility attributes for Views that act as buttons, tabs, radios or images. The H5 build
 * puts them on the DOM (screen readers, Playwright's getByRole, axe); WeChat reads the visible text
 * instead. Use the state that fits the role: `pressed` for a toggle button (a filter chip),
 * `selected` for a tab, `checked` for a radio, checkbox or switch. Interactive roles are also
 * reachable with the keyboard (tabindex 0).
 */
export type A11yRole =
  | 'button'
  | 'link'
  | 'img'
  | 'switch'
  | 'tab'
  | 'tablist'
  | 'radio'
  | 'radiogroup'
  | 'checkbox'
  | 'group'
  | 'list'
  | 'listitem'
  | 'dialog'

const interactive = new Set<A11yRole>(['button', 'link', 'switch', 'tab', 'radio', 'checkbox'])

export function a11y(opts: {
  role?: A11yRole
  label?: string
  hidden?: boolean
  selected?: boolean
  pressed?: boolean
  checked?: boolean
  disabled?: boolean
}) {
  const attrs: Record<string, string | boolean | undefined> = {}
  if (opts.role) attrs.role = opts.role
  if (opts.role && interactive.has(opts.role)) attrs.tabindex = '0'
  if (opts.label) attrs['aria-label'] = opts.label
  if (opts.hidden) attrs['aria-hidden'] = 'true'
  if (opts.selected !== undefined) attrs['aria-selected'] = opts.selected ? 'true' : 'false'
  if (opts.pressed !== undefined) attrs['aria-pressed'] = opts.pressed ? 'true' : 'false'
  if (opts.checked !== undefined) attrs['aria-checked'] = opts.checked ? 'true' : 'false'
  if (opts.disabled) attrs['aria-disabled'] = 'true'
  return attrs
}

/** For a Taro Input, Textarea, Switch or Image: attributes put on the native element inside it (H5). */
export function nativeA11y(opts: { label?: string; alt?: string }) {
  const attrs: Record<string, string> = {}
  if (opts.label) attrs['aria-label'] = opts.label
  if (opts.alt !== undefined) attrs.alt = opts.alt
  return { nativeProps: attrs }
}
