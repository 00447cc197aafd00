/**
 * A small QR code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–6
 * (up to 106 bytes: a check-in payload is about 60). Returns the module matrix, true = dark.
 * Enough for the venue's check-in code without a library in the bundle.
 */

// Per version (1–6), level M: error-correction codewords per block, and number of blocks.
const EC_PER_BLOCK = [10, 16, 26, 18, 24, 16]
const BLOCKS = [1, 1, 1, 2, 2, 4]
// Total codewords (data + error correction) per version.
const TOTAL_CODEWORDS = [26, 44, 70, 100, 134, 172]

const EXP = new Uint8Array(512)
const LOG = new Uint8Array(256)
{
  let x = 1
  for (let i = 0; i < 255; i++) {
    EXP[i] = x
    LOG[x] = i
    x <<= 1
    if (x & 0x100) x ^= 0x11d
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255]
}

function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a] + LOG[b]]
}

/** Reed–Solomon remainder of `data` for a generator of `degree`. */
function reedSolomon(data: readonly number[], degree: number): number[] {
  // Generator polynomial ∏ (x − αⁱ), coefficients highest first without the leading 1.
  let gen = [1]
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(gen.length + 1).fill(0)
    for (let j = 0; j < gen.length; j++) {
      next[j] ^= gen[j]
      next[j + 1] ^= gfMul(gen[j], EXP[i])
    }
    gen = next
  }
  const rem = new Array<number>(degree).fill(0)
  for (const byte of data) {
    const factor = byte ^ rem[0]
    rem.shift()
    rem.push(0)
    for (let j = 0; j < degree; j++) rem[j] ^= gfMul(gen[j + 1], factor)
  }
  return rem
}

function utf8(text: string): number[] {
  const out: number[] = []
  for (const ch of text) {
    let c = ch.codePointAt(0)!
    if (c < 0x80) out.push(c)
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63))
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else {
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    }
  }
  return out
}

/** The codewords (data then error correction, interleaved) of `bytes` in version `v`. */
function codewords(bytes: number[], v: number): number[] {
  const total = TOTAL_CODEWORDS[v - 1]
  const blocks = BLOCKS[v - 1]
  const ecLen = EC_PER_BLOCK[v - 1]
  const dataLen = total - blocks * ecLen
  const bits: number[] = []
  const put = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits.push((value >>> i) & 1)
  }
  put(0b0100, 4)
  put(bytes.length, 8)
  for (const b of bytes) put(b, 8)
  put(0, Math.min(4, dataLen * 8 - bits.length))
  while (bits.length % 8) bits.push(0)
  const data: number[] = []
  for (let i = 0; i < bits.length; i += 8) data.push(bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0))
  for (let pad = 0xec; data.length < dataLen; pad ^= 0xec ^ 0x11) data.push(pad)

  // At these versions every block of a version has the same length.
  const per = dataLen / blocks
  const dataBlocks = Array.from({ length: blocks }, (_, b) => data.slice(b * per, (b + 1) * per))
  const ecBlocks = dataBlocks.map((block) => reedSolomon(block, ecLen))
  const out: number[] = []
  for (let i = 0; i < per; i++) for (const block of dataBlocks) out.push(block[i])
  for (let i = 0; i < ecLen; i++) for (const block of ecBlocks) out.push(block[i])
  return out
}

const MASKS: Array<(x: number, y: number) => boolean> = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
]

/** Penalty of a finished matrix (runs, 2×2 blocks, dark balance): lower reads better. */
function penalty(m: boolean[][]): number {
  const n = m.length
  let score = 0
  for (let a = 0; a < n; a++) {
    for (const line of [(i: number) => m[a][i], (i: number) => m[i][a]]) {
      let run = 1
      for (let i = 1; i <= n; i++) {
        if (i < n && line(i) === line(i - 1)) run++
        else {
          if (run >= 5) score += run - 2
          run = 1
        }
      }
    }
  }
  let dark = 0
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (m[y][x]) dark++
      if (y < n - 1 && x < n - 1 && m[y][x] === m[y][x + 1] && m[y][x] === m[y + 1][x] && m[y][x] === m[y + 1][x + 1]) score += 3
    }
  }
  score += Math.floor(Math.abs((dark * 20) / (n * n) - 10)) * 10
  return score
}

/** The QR matrix of `text` (rows of modules, true = dark). Throws when the text is too long. */
export function qrMatrix(text: string): boolean[][] {
  const bytes = utf8(text)
  const v = TOTAL_CODEWORDS.findIndex((total, i) => (total - BLOCKS[i] * EC_PER_BLOCK[i]) * 8 >= 12 + bytes.length * 8) + 1
  if (v === 0) throw new RangeError('qrMatrix: text too long for versions 1–6')
  const size = 17 + 4 * v
  const modules = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  const fixed = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  const set = (x: number, y: number, dark: boolean) => {
    modules[y][x] = dark
    fixed[y][x] = true
  }

  // Finder patterns with their light separators.
  for (const [cx, cy] of [
    [3, 3],
    [size - 4, 3],
    [3, size - 4],
  ]) {
    for (let dy = -4; dy <= 4; dy++) {
      for (let dx = -4; dx <= 4; dx++) {
        const x = cx + dx
        const y = cy + dy
        if (x < 0 || y < 0 || x >= size || y >= size) continue
        const d = Math.max(Math.abs(dx), Math.abs(dy))
        set(x, y, d !== 2 && d !== 4)
      }
    }
  }
  // Timing patterns.
  for (let i = 8; i < size - 8; i++) {
    set(6, i, i % 2 === 0)
    set(i, 6, i % 2 === 0)
  }
  // The one alignment pattern of versions 2–6.
  if (v >= 2) {
    const c = size - 7
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) set(c + dx, c + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1)
  }
  // Reserve the format areas (drawn after masking) and the dark module.
  const drawFormat = (mask: number) => {
    const data = (0b00 << 3) | mask // level M
    let rem = data
    for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537)
    const bits = ((data << 10) | rem) ^ 0x5412
    const bit = (i: number) => ((bits >>> i) & 1) === 1
    for (let i = 0; i <= 5; i++) set(8, i, bit(i))
    set(8, 7, bit(6))
    set(8, 8, bit(7))
    set(7, 8, bit(8))
    for (let i = 9; i < 15; i++) set(14 - i, 8, bit(i))
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, bit(i))
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, bit(i))
    set(8, size - 8, true)
  }
  drawFormat(0)

  // Data, in two-column zigzags from the bottom right.
  const words = codewords(bytes, v)
  let i = 0
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    for (let vert = 0; vert < size; vert++) {
      for (let j = 0; j < 2; j++) {
        const x = right - j
        const y = ((right + 1) & 2) === 0 ? size - 1 - vert : vert
        if (fixed[y][x]) continue
        if (i < words.length * 8) modules[y][x] = ((words[i >>> 3] >>> (7 - (i & 7))) & 1) === 1
        i++
      }
    }
  }

  // The mask that reads best.
  const apply = (mask: number) => {
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (!fixed[y][x] && MASKS[mask](x, y)) modules[y][x] = !modules[y][x]
  }
  let best = 0
  let bestScore = Infinity
  for (let mask = 0; mask < 8; mask++) {
    apply(mask)
    drawFormat(mask)
    const score = penalty(modules)
    if (score < bestScore) {
      best = mask
      bestScore = score
    }
    apply(mask)
  }
  apply(best)
  drawFormat(best)
  return modules
}

/** The matrix as an SVG document (a quiet zone of 4 modules around it). */
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
