import jsQR from 'jsqr'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { qrSvg } from '../../miniapp/src/lib/qr.js'

/** What a phone camera does with the staff screen's QR: rasterise the SVG and decode it. */
async function scan(svg: string): Promise<string | null> {
  const { data, info } = await sharp(Buffer.from(svg))
    .resize(400, 400, { kernel: 'nearest' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? null
}

describe('the check-in QR code', () => {
  it('scans back to the exact check-in payload', async () => {
    const payload = 'linli:checkin:3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e:482913'
    expect(await scan(qrSvg(payload, '#1f2329'))).toBe(payload)
  })

  it('handles short and long payloads and Chinese text', async () => {
    for (const payload of ['123456', '睦邻议事厅 · 每月一议', `linli:checkin:${'x'.repeat(150)}`]) {
      expect(await scan(qrSvg(payload))).toBe(payload)
    }
  })
})
