/**
 * Accessibility attributes for Views that act as buttons or images. The H5 build puts them on the
 * DOM (screen readers, Playwright's getByRole); WeChat reads the visible text instead.
 */
export function a11y(opts: {
  role?: 'button' | 'img' | 'switch' | 'tab' | 'list' | 'listitem'
  label?: string
  hidden?: boolean
  selected?: boolean
}) {
  const attrs: Record<string, string | boolean | undefined> = {}
  if (opts.role) attrs.role = opts.role
  if (opts.label) attrs['aria-label'] = opts.label
  if (opts.hidden) attrs['aria-hidden'] = 'true'
  if (opts.selected !== undefined) attrs['aria-selected'] = opts.selected ? 'true' : 'false'
  return attrs
}
