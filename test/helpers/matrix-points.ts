import { wenanId, type MatrixActor, type MatrixWorld } from './matrix.js'
import { demo } from '../../db/seed.js'
import { jpeg } from './concerns.js'

/**
 * The 道德银行 and 爱心超市 rows of test/api/matrix.test.ts and how to call them: residents see only
 * their own points; the community's staff manage; another community's people get 403 on the
 * community's paths and 404 on an item, redemption or report they cannot see.
 */
export const pointsRows = `
GET /api/communities/{communityId}/points                         | 401  | 200  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/points/statement               | 401  | 200  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/points/rules                   | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
PUT /api/communities/{communityId}/points/rules                   | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/points/accounts                | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/points/accounts/{accountUserId} | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/points/reversals              | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/points/items                   | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/points/items                  | 401  | 403  | 403  | 403     | 403      | 201 | 201  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/points/redemptions             | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/points/hand-over              | 401  | 403  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
GET /api/communities/{communityId}/points/good-deeds              | 401  | 200  | 403  | 403     | 403      | 200 | 200  | 403 | 403   | 403  | 403
POST /api/communities/{communityId}/points/good-deeds             | 401  | 201  | 403  | 403     | 403      | 403 | 403  | 403 | 403   | 403  | 403
PATCH /api/points/items/{shopItemId}                                  | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/points/items/{shopItemId}/redemptions                       | 401  | 201  | 404  | 404     | 404      | 403 | 403  | 404 | 404   | 404  | 404
POST /api/points/redemptions/{redemptionId}/cancel                | 401  | 200  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404
POST /api/points/good-deeds/{goodDeedId}/review                   | 401  | 403  | 404  | 404     | 404      | 200 | 200  | 404 | 404   | 404  | 404`

interface PointsRecipe {
  path?: (w: MatrixWorld, a: MatrixActor) => string | Promise<string>
  query?: (w: MatrixWorld) => string
  body?: (w: MatrixWorld, a: MatrixActor) => unknown
}

const base = `/api/communities/${wenanId}/points`
let itemId: string | undefined
let lastEntryId = ''
let lastCode = ''
let wangRedemption: string | undefined

async function ok<T>(w: MatrixWorld, method: string, path: string, who: MatrixActor, body?: unknown): Promise<T> {
  const res = await w.t.call(method, path, { token: w.token[who], body })
  if (res.status >= 300) throw new Error(`${method} ${path} as ${who}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** A 1-point item with plenty of stock, so every redemption the rows make succeeds. */
async function item(w: MatrixWorld): Promise<string> {
  itemId ??= (await ok<{ id: string }>(w, 'POST', `${base}/items`, 'chen', { name: '矩阵物品', price: 1, stock: 1000 })).id
  return itemId
}

async function redemption(w: MatrixWorld): Promise<{ id: string; code: string }> {
  return ok(w, 'POST', `/api/points/items/${await item(w)}/redemptions`, 'wang')
}

async function goodDeed(w: MatrixWorld): Promise<string> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await jpeg({ width: 64, height: 48 }))], { type: 'image/jpeg' }), 'p.jpg')
  const res = await w.t.app.request('/api/photos', { method: 'POST', headers: { authorization: `Bearer ${w.token.wang}` }, body: form })
  const photoId = ((await res.json()) as { id: string }).id
  return (await ok<{ id: string }>(w, 'POST', `${base}/good-deeds`, 'wang', { text: '帮邻居把快递搬上楼，还顺手修好了门铃。', photoId })).id
}

export const pointsRecipes: Record<string, PointsRecipe> = {
  'GET /api/communities/{communityId}/points/statement': { query: () => 'month=2026-11' },
  'PUT /api/communities/{communityId}/points/rules': { body: () => ({ council_check_in: 10 }) },
  'GET /api/communities/{communityId}/points/accounts/{accountUserId}': { path: () => `${base}/accounts/${demo.user.wang}` },
  'POST /api/communities/{communityId}/points/reversals': {
    // A fresh good deed approved for each person, whose entry they try to reverse.
    path: async (w) => {
      const id = await goodDeed(w)
      await ok(w, 'POST', `/api/points/good-deeds/${id}/review`, 'chen', { verdict: 'approve' })
      const summary = await ok<{ recent: { id: string; sourceId: string }[] }>(w, 'GET', base, 'wang')
      lastEntryId = summary.recent.find((e) => e.sourceId === id)!.id
      return `${base}/reversals`
    },
    body: () => ({ entryId: lastEntryId, reason: '矩阵测试更正' }),
  },
  'POST /api/communities/{communityId}/points/items': { body: () => ({ name: '矩阵新物品', price: 10, stock: 1 }) },
  'POST /api/communities/{communityId}/points/hand-over': {
    path: async (w) => {
      lastCode = (await redemption(w)).code
      return `${base}/hand-over`
    },
    body: () => ({ code: lastCode }),
  },
  'POST /api/communities/{communityId}/points/good-deeds': {
    body: (w) => ({ text: '帮邻居把快递搬上楼，还顺手修好了门铃。', photoId: w.photoId }),
  },
  'PATCH /api/points/items/{shopItemId}': { path: async (w) => `/api/points/items/${await item(w)}`, body: () => ({ stock: 1000 }) },
  'POST /api/points/items/{shopItemId}/redemptions': { path: async (w) => `/api/points/items/${await item(w)}/redemptions` },
  'POST /api/points/redemptions/{redemptionId}/cancel': {
    path: async (w) => {
      wangRedemption ??= (await redemption(w)).id
      return `/api/points/redemptions/${wangRedemption}/cancel`
    },
  },
  'POST /api/points/good-deeds/{goodDeedId}/review': {
    path: async (w) => `/api/points/good-deeds/${await goodDeed(w)}/review`,
    body: () => ({ verdict: 'approve' }),
  },
}
