import { get } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProduct } from '../helpers/server.js'

/**
 * `npm start` serves the H5 app compressed to a browser that accepts it, and plain to one that does
 * not; the API's replies are left as they are. Prints the bytes 首页's scripts cost either way.
 */
let product: Awaited<ReturnType<typeof startProduct>>

beforeAll(async () => {
  product = await startProduct()
}, 600_000)
afterAll(async () => {
  await product?.stop()
})

/** The bytes on the wire (node:http, which does not undo the compression as fetch does). */
function bytes(path: string, encoding: string): Promise<{ status: number; encoding: string | null; bytes: number }> {
  return new Promise((resolve, reject) => {
    get(`${product.url}${path}`, { headers: { 'accept-encoding': encoding } }, (res) => {
      let n = 0
      res.on('data', (chunk: Buffer) => {
        n += chunk.length
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: (res.headers['content-encoding'] as string) ?? null, bytes: n }))
      res.on('error', reject)
    }).on('error', reject)
  })
}

describe('serving the H5 app', () => {
  it('sends 首页 and its scripts gzip-compressed to a browser that accepts it', async () => {
    const html = await (await fetch(`${product.url}/`)).text()
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => (m[1].startsWith('/') ? m[1] : `/${m[1]}`))
    expect(scripts.length).toBeGreaterThan(0)
    let plain = 0
    let gzipped = 0
    for (const src of scripts) {
      const raw = await bytes(src, 'identity')
      const zipped = await bytes(src, 'gzip')
      expect(raw).toMatchObject({ status: 200, encoding: null })
      expect(zipped).toMatchObject({ status: 200, encoding: 'gzip' })
      expect(zipped.bytes).toBeLessThan(raw.bytes)
      plain += raw.bytes
      gzipped += zipped.bytes
    }
    console.log(
      JSON.stringify({ homeScripts: scripts.length, plainBytes: plain, gzipBytes: gzipped, ratio: Number((gzipped / plain).toFixed(3)) }),
    )
    expect(gzipped).toBeLessThan(plain / 2)
  })

  it('leaves the API as it is', async () => {
    const res = await fetch(`${product.url}/api/openapi.json`, { headers: { 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
  })
})
