import qrcode from 'qrcode-generator'

/**
 * QR codes for the venue's check-in (payload `linli:checkin:<session>:<code>`), encoded by
 * qrcode-generator (byte mode, error correction M, smallest version that fits) and drawn as one
 * SVG path, so it renders as an <Image> in weapp and h5 without a canvas.
 */
export function qrMatrix(text: string): boolean[][] {
  const code = qrcode(0, 'M')
  // The library turns each UTF-16 unit into one byte; hand it UTF-8 bytes as a binary string so
  // Chinese text scans back correctly (TextEncoder is missing on older WeChat base libraries).
  code.addData(utf8Binary(text), 'Byte')
  code.make()
  const n = code.getModuleCount()
  return Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => code.isDark(y, x)))
}

/** The matrix as an SVG document (a quiet zone of 4 modules around it); dark runs merged per row. */
export function qrSvg(text: string, color = '#000000'): string {
  const m = qrMatrix(text)
  const n = m.length
  let path = ''
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!m[y][x]) continue
      let run = 1
      while (x + run < n && m[y][x + run]) run++
      path += `M${x + 4} ${y + 4}h${run}v1h-${run}z`
      x += run - 1
    }
  }
  const edge = n + 8
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${edge} ${edge}" shape-rendering="crispEdges"><rect width="${edge}" height="${edge}" fill="#ffffff"/><path fill="${color}" d="${path}"/></svg>`
}

function utf8Binary(text: string): string {
  return encodeURIComponent(text).replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
