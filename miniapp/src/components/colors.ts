/** Token colours for places SCSS cannot reach (icon strokes). Keep in step with styles/_tokens.scss. */
export const colors = {
  brand: '#b8391a',
  brandElder: '#9a2e12',
  text1: '#1f2329',
  text2: '#5c6370',
  text3: '#5f6571',
  success: '#157f43',
  warning: '#a15c00',
  danger: '#c8331f',
  info: '#2563c9',
  white: '#ffffff',
  star: '#f0a020',
  starEmpty: '#c4c8ce',
} as const
