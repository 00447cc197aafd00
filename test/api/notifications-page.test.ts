import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { notifications } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { startTestApp, type TestApp } from '../helpers/app.js'

/**
 * 消息 page by page: the list, the unread count and the person come in one prepared statement
 * (decision 037), one shape without a cursor and one after it.
 */
let t: TestApp
const base = new Date('2026-11-20T02:00:00Z').getTime()

beforeAll(async () => {
  t = await startTestApp()
  // Seven notices for 赵晓梅, two of them read, two at the very same moment (the id breaks the tie).
  const at = [0, 1, 2, 3, 3, 5, 6].map((m) => new Date(base + m * 60_000))
  await t.database.db.insert(notifications).values(
    at.map((createdAt, i) => ({
      userId: demo.user.zhao,
      title: `测试消息 ${i + 1}`,
      body: `第 ${i + 1} 条`,
      createdAt,
      readAt: i < 2 ? new Date(base + 3600_000) : null,
    })),
  )
})
afterAll(async () => {
  await t?.close()
})

type Page = { items: { title: string; readAt: string | null; createdAt: string }[]; nextCursor: string | null; unread: number }

describe('消息, page by page', () => {
  it('gives every notice once, newest first, with the unread count on each page', async () => {
    const token = await t.tokenFor('zhao')
    const seen: Page['items'] = []
    let cursor: string | null = null
    do {
      const res = await t.call('GET', `/api/notifications?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token })
      expect(res.status).toBe(200)
      const page = (await res.json()) as Page
      expect(page.unread).toBe(5)
      seen.push(...page.items)
      cursor = page.nextCursor
    } while (cursor)
    const ours = seen.filter((n) => n.title.startsWith('测试消息'))
    expect(ours).toHaveLength(7)
    const times = ours.map((n) => Date.parse(n.createdAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(ours[0]).toMatchObject({ title: '测试消息 7', readAt: null, createdAt: new Date(base + 6 * 60_000).toISOString() })
    expect(ours.filter((n) => n.readAt !== null).map((n) => n.title)).toEqual(['测试消息 2', '测试消息 1'])

    const read = await (await t.call('POST', '/api/notifications/read', { token, body: {} })).json()
    expect(read.unread).toBe(0)
    expect(((await (await t.call('GET', '/api/notifications', { token })).json()) as Page).unread).toBe(0)
  })

  it('refuses a cursor it did not make, and a signed-out call', async () => {
    const bad = await t.call('GET', '/api/notifications?cursor=nonsense', { token: await t.tokenFor('zhao') })
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('VALIDATION_FAILED')
    expect((await t.call('GET', '/api/notifications')).status).toBe(401)
  })
})
