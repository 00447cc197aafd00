import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../helpers/app.js'
import { actOk, raiseId, wenan } from '../helpers/concerns.js'

/**
 * The 诉求 board as residents page through it: each shape of query (scope, status, category, after
 * a cursor) is its own prepared statement with the actor in it (decision 037), so each is walked
 * here against what was raised.
 */
let t: TestApp
const raised: { id: string; category: string }[] = []

beforeAll(async () => {
  t = await startTestApp()
  const categories = ['facilities', 'sanitation', 'facilities', 'noise', 'facilities', 'sanitation', 'facilities']
  for (const [i, category] of categories.entries()) {
    raised.push({
      id: await raiseId(t, i % 2 ? 'zhao' : 'wang', { category, description: `分页测试诉求第${i + 1}条，楼下需要处理一下` }),
      category,
    })
  }
  // The first one is declined: no longer open.
  await actOk(t, 'liu', raised[0].id, { action: 'decline', reason: '不属于社区处理范围，请联系街道' })
})
afterAll(async () => {
  await t?.close()
})

type Page = { items: { id: string; category: string; status: string; mine: boolean }[]; nextCursor: string | null }

async function walk(who: 'wang' | 'zhao' | 'chen', query: string, limit = 2): Promise<Page['items']> {
  const token = await t.tokenFor(who)
  const seen: Page['items'] = []
  let cursor: string | null = null
  do {
    const res = await t.call('GET', `/api/communities/${wenan}/concerns?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, {
      token,
    })
    expect(res.status).toBe(200)
    const page = (await res.json()) as Page
    expect(page.items.length).toBeLessThanOrEqual(limit)
    seen.push(...page.items)
    cursor = page.nextCursor
  } while (cursor)
  return seen
}

const ours = (items: Page['items']) => items.filter((c) => raised.some((r) => r.id === c.id)).map((c) => c.id)
const newestFirst = (ids: string[]) => [...ids].reverse()

describe('the concern board', () => {
  it('pages through every public concern newest first, each once', async () => {
    const all = await walk('zhao', 'status=all')
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length)
    expect(ours(all)).toEqual(newestFirst(raised.map((r) => r.id)))
  })

  it('filters by status and by category, also across pages', async () => {
    const open = await walk('wang', 'status=open')
    expect(ours(open)).toEqual(newestFirst(raised.slice(1).map((r) => r.id)))
    const facilities = await walk('wang', 'status=all&category=facilities', 1)
    expect(facilities.every((c) => c.category === 'facilities')).toBe(true)
    expect(ours(facilities)).toEqual(newestFirst(raised.filter((r) => r.category === 'facilities').map((r) => r.id)))
  })

  it('shows mine and the ones I follow to me alone', async () => {
    const mine = await walk('zhao', 'scope=mine&status=all')
    expect(mine.every((c) => c.mine)).toBe(true)
    expect(ours(mine)).toEqual(newestFirst(raised.filter((_, i) => i % 2).map((r) => r.id)))
    const follow = await t.call('POST', `/api/concerns/${raised[2].id}/follow`, { token: await t.tokenFor('zhao') })
    expect(follow.status).toBe(200)
    const following = ours(await walk('zhao', 'scope=following&status=all'))
    expect(following).toContain(raised[2].id)
    expect(following).not.toContain(raised[4].id)
    expect(ours(await walk('chen', 'scope=following&status=all'))).toEqual([])
  })

  it('refuses a cursor it did not make, naming it', async () => {
    const token = await t.tokenFor('wang')
    for (const cursor of ['nonsense', Buffer.from(`|${raised[0].id}`).toString('base64url')]) {
      const res = await t.call('GET', `/api/communities/${wenan}/concerns?cursor=${cursor}`, { token })
      expect(res.status).toBe(400)
      const body = await res.json()
      expect(body.error.code).toBe('VALIDATION_FAILED')
      expect(body.error.message).toContain('cursor')
    }
  })
})
