import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { a11y } from '@/lib/a11y'
import { iconPaths, type IconName } from './icon-paths'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Base64 of an ASCII string (weapp has no btoa). */
function base64Ascii(input: string): string {
  let out = ''
  for (let i = 0; i < input.length; i += 3) {
    const a = input.charCodeAt(i)
    const b = input.charCodeAt(i + 1)
    const c = input.charCodeAt(i + 2)
    const triple = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(triple >> 18) & 63] + B64[(triple >> 12) & 63]
    out += Number.isNaN(b) ? '=' : B64[(triple >> 6) & 63]
    out += Number.isNaN(c) ? '=' : B64[triple & 63]
  }
  return out
}

const uriCache = new Map<string, string>()

/** An SVG document as a data URI that weapp and h5 both paint as a background image. */
export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${base64Ascii(svg)}`
}

export function iconDataUri(name: IconName, color: string, strokeWidth = 1.8, fill = 'none'): string {
  const key = `${name}|${color}|${strokeWidth}|${fill}`
  let uri = uriCache.get(key)
  if (!uri) {
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="${fill}" stroke="${color}" ` +
      `stroke-width="${strokeWidth}" stroke-linecap="round" stroke-linejoin="round">${iconPaths[name].join('')}</svg>`
    uri = svgDataUri(svg)
    uriCache.set(key, uri)
  }
  return uri
}

export interface IconProps {
  name: IconName
  /** Edge length in design px (750 wide). */
  size?: number
  color?: string
  strokeWidth?: number
  /** Fill colour for solid variants (a chosen star); line icons have none. */
  fill?: string
  className?: string
  /** Spoken name; icons without one are decorative and hidden from screen readers. */
  label?: string
}

/**
 * An SVG line icon painted as a background image, so it renders the same in weapp and h5 and
 * costs no icon font in the main package.
 */
export function Icon({ name, size = 40, color = '#5c6370', strokeWidth, fill, className, label }: IconProps) {
  const edge = Taro.pxTransform(size)
  return (
    <View
      className={className ? `icon ${className}` : 'icon'}
      {...a11y(label ? { role: 'img', label } : { hidden: true })}
      style={{
        width: edge,
        height: edge,
        flexShrink: 0,
        backgroundImage: `url("${iconDataUri(name, color, strokeWidth, fill)}")`,
        backgroundSize: '100% 100%',
        backgroundRepeat: 'no-repeat',
      }}
    />
  )
}
