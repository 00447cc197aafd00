import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { operations } from '../../functions/app.js'
import { startTestApp, type TestApp } from '../helpers/app.js'

let t: TestApp
beforeAll(async () => {
  t = await startTestApp()
})
afterAll(() => t?.close())

describe('the HTTP surface', () => {
  it('reports health with the database up', async () => {
    const res = await t.call('GET', '/api/health')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: true, database: 'up' })
  })

  it('gives every reply a request id', async () => {
    const res = await t.call('GET', '/api/health')
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/)
  })

  it('answers malformed JSON with BAD_JSON, a wrong content type with 415, and an unknown route with 404', async () => {
    const bad = await t.call('POST', '/api/auth/wechat', { body: '{"code":' })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toMatchObject({ code: 'BAD_JSON', message: '请求内容不是有效的 JSON' })
    const form = await t.call('POST', '/api/auth/wechat', { body: 'code=1', headers: { 'content-type': 'text/plain' } })
    expect(form.status).toBe(415)
    const missing = await t.call('GET', '/api/does-not-exist')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('ROUTE_NOT_FOUND')
  })

  it('refuses a body over 1 MB with 413', async () => {
    const res = await t.call('POST', '/api/auth/wechat', { body: JSON.stringify({ code: 'x'.repeat(1_100_000) }) })
    expect(res.status).toBe(413)
    expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('refuses a body over 1 MB over a real socket, whether its length is declared or it comes in chunks', async () => {
    // Each request on a server of its own: after a refusal the server may close a connection the
    // client still keeps for its next request to the same address.
    const send = async (body: string | Uint8Array[]) => {
      const server = createAdaptorServer({ fetch: t.app.fetch }) as Server
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
      try {
        const chunks =
          typeof body === 'string'
            ? body
            : new ReadableStream<Uint8Array>({
                start(controller) {
                  for (const chunk of body) controller.enqueue(chunk)
                  controller.close()
                },
              })
        const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/auth/wechat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: chunks,
          duplex: 'half',
        } as RequestInit)
        return { status: res.status, code: ((await res.json()) as { error: { code: string } }).error.code }
      } finally {
        server.closeAllConnections()
        await new Promise<void>((r) => server.close(() => r()))
      }
    }
    const big = JSON.stringify({ code: 'x'.repeat(1_100_000) })
    expect(await send(big)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' })
    const bytes = new TextEncoder().encode(big)
    const pieces = Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, n) => bytes.subarray(n * 65536, (n + 1) * 65536))
    expect(await send(pieces)).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' })
    // A small body in chunks reaches the route, whose own validation answers.
    const small = [new TextEncoder().encode('{"code":'), new TextEncoder().encode('""}')]
    expect(await send(small)).toEqual({ status: 400, code: 'VALIDATION_FAILED' })
  })

  it('documents every route in OpenAPI 3.1, tagged by module', async () => {
    const doc = await (await t.call('GET', '/api/openapi.json')).json()
    expect(doc.openapi).toBe('3.1.0')
    const documented = Object.entries(doc.paths as Record<string, Record<string, { tags: string[] }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, o]) => ({ key: `${method.toUpperCase()} ${path}`, tag: o.tags[0] })),
    )
    const served = t.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
    expect(new Set(documented.map((d) => d.key))).toEqual(new Set(served))
    expect(new Set(documented.map((d) => d.tag))).toEqual(
      new Set([
        'system',
        'auth',
        'me',
        'communities',
        'residency',
        'concerns',
        'councils',
        'votes',
        'photos',
        'notifications',
        'jobs',
        'grids',
        'kpis',
        'ledgers',
        'board',
        'tracking',
        'needs',
        'projects',
        'points',
        'errands',
        'volunteering',
      ]),
    )
    expect(operations.length).toBe(documented.length)
    const claimBody = doc.paths['/api/residency/claims'].post.requestBody.content['application/json'].schema
    expect(claimBody.required).toEqual(['householdId', 'relation'])
    expect(claimBody.properties.relation.enum).toEqual(['owner', 'family', 'tenant'])
  })
})
