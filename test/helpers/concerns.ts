import sharp from 'sharp'
import { residencyClaims, users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import type { DemoKey, TestApp } from './app.js'

/** A real JPEG, optionally carrying camera EXIF with a GPS position (大连). */
export async function jpeg(opts: { width?: number; height?: number; gps?: boolean; color?: string } = {}): Promise<Buffer> {
  const img = sharp({
    create: { width: opts.width ?? 800, height: opts.height ?? 600, channels: 3, background: opts.color ?? '#c0392b' },
  }).jpeg()
  if (!opts.gps) return img.toBuffer()
  return img
    .withExif({
      IFD0: { Make: 'LinliTestCam', Model: 'Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '38/1 55/1 12/1', GPSLongitudeRef: 'E', GPSLongitude: '121/1 36/1 30/1' },
    })
    .toBuffer()
}

export async function upload(t: TestApp, who: DemoKey, bytes: Buffer | Uint8Array, name = 'photo.jpg', type = 'image/jpeg') {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), name)
  return t.app.request('/api/photos', {
    method: 'POST',
    headers: { authorization: `Bearer ${await t.tokenFor(who)}` },
    body: form,
  })
}

export async function uploadId(t: TestApp, who: DemoKey, opts: Parameters<typeof jpeg>[0] = {}): Promise<string> {
  const res = await upload(t, who, await jpeg(opts))
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

export const wenan = demo.community.wenan

export function concernBody(over: Record<string, unknown> = {}) {
  return {
    communityId: wenan,
    category: 'facilities',
    description: '3号楼东侧的路灯坏了一个星期，晚上很黑，老人出门不方便',
    place: { kind: 'building', buildingId: demo.building('wenan', 3) },
    ...over,
  }
}

export async function raise(t: TestApp, who: DemoKey, over: Record<string, unknown> = {}, key?: string) {
  return t.call('POST', '/api/concerns', {
    token: await t.tokenFor(who),
    body: concernBody(over),
    headers: key ? { 'idempotency-key': key } : undefined,
  })
}

export async function raiseId(t: TestApp, who: DemoKey, over: Record<string, unknown> = {}, key?: string): Promise<string> {
  const res = await raise(t, who, over, key)
  if (res.status !== 201) throw new Error(`raise failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}

export async function act(t: TestApp, who: DemoKey, id: string, body: Record<string, unknown>) {
  return t.call('POST', `/api/concerns/${id}/transitions`, { token: await t.tokenFor(who), body })
}

export async function actOk(t: TestApp, who: DemoKey, id: string, body: Record<string, unknown>) {
  const res = await act(t, who, id, body)
  if (res.status !== 200) throw new Error(`${String(body.action)} by ${who} failed: ${res.status} ${await res.text()}`)
  return res.json() as Promise<{
    status: string
    timeline: { action: string; label: string; actor: { name: string }; note: string | null; photos: unknown[] }[]
  }>
}

export async function detail(t: TestApp, who: DemoKey, id: string) {
  return t.call('GET', `/api/concerns/${id}`, { token: await t.tokenFor(who) })
}

/**
 * `n` extra residents of a community, each with a verified household (101 of building 1 unit 1 —
 * being a resident is having one: docs/decisions/016), inserted by SQL and signed in through the dev
 * login; their tokens.
 */
export async function makeResidents(t: TestApp, n: number, community: 'wenan' | 'minzhu' = 'wenan'): Promise<string[]> {
  const tag = Math.random().toString(36).slice(2, 8)
  const created = await t.database.db
    .insert(users)
    .values(Array.from({ length: n }, (_, i) => ({ nickname: `居民${tag}${i}`, demoNote: 'load test' })))
    .returning({ id: users.id })
  const at = new Date('2026-01-05T02:00:00Z')
  await t.database.db.insert(residencyClaims).values(
    created.map((u) => ({
      userId: u.id,
      householdId: demo.household(community, 1, 1, '101'),
      communityId: demo.community[community],
      relation: 'family' as const,
      status: 'verified' as const,
      reviewedAt: at,
      createdAt: at,
    })),
  )
  const tokens: string[] = []
  for (const u of created) {
    const res = await t.call('POST', '/api/auth/dev', { body: { userId: u.id } })
    tokens.push(((await res.json()) as { token: string }).token)
  }
  return tokens
}
