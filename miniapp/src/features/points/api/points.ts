import type { z } from 'zod'
import type {
  GoodDeed,
  GoodDeedList,
  PointsAccount,
  PointsAccounts,
  PointsItem,
  PointsItemList,
  PointsRules,
  PointsStatement,
  PointsSummary,
  Redemption,
  RedemptionList,
} from '@domain/schemas/points.js'
import { apiRequest } from '@/lib/api/client'
import { invalidateQueries, useQuery } from '@/lib/api/use-query'

export type PointsSummaryData = z.infer<typeof PointsSummary>
export type StatementData = z.infer<typeof PointsStatement>
export type ItemData = z.infer<typeof PointsItem>
export type RedemptionData = z.infer<typeof Redemption>
export type RulesData = z.infer<typeof PointsRules>
export type GoodDeedData = z.infer<typeof GoodDeed>
export type AccountData = z.infer<typeof PointsAccount>

const prefix = 'points/'
const base = (communityId: string) => `/communities/${encodeURIComponent(communityId)}/points`
const key = (communityId: string | undefined, what: string) => (communityId ? `${prefix}${communityId}/${what}` : null)

/** Everything cached about points: a redemption, a hand-over or a review changes balances, stock and lists at once. */
export function refreshPoints() {
  invalidateQueries(prefix)
}

export function usePointsSummary(communityId: string | undefined) {
  return useQuery(key(communityId, 'summary'), () => apiRequest<PointsSummaryData>(base(communityId!)))
}

export function useStatement(communityId: string | undefined, month: string | undefined, scope: 'me' | 'household') {
  const query = `?scope=${scope}${month ? `&month=${month}` : ''}`
  return useQuery(key(communityId, `statement${query}`), () => apiRequest<StatementData>(`${base(communityId!)}/statement${query}`))
}

export function useItems(communityId: string | undefined) {
  return useQuery(key(communityId, 'items'), () => apiRequest<z.infer<typeof PointsItemList>>(`${base(communityId!)}/items`))
}

export function useRedemptions(communityId: string | undefined) {
  return useQuery(key(communityId, 'redemptions'), () => apiRequest<z.infer<typeof RedemptionList>>(`${base(communityId!)}/redemptions`))
}

export function useRules(communityId: string | undefined) {
  return useQuery(key(communityId, 'rules'), () => apiRequest<RulesData>(`${base(communityId!)}/rules`))
}

export function useGoodDeeds(communityId: string | undefined) {
  return useQuery(key(communityId, 'good-deeds'), () => apiRequest<z.infer<typeof GoodDeedList>>(`${base(communityId!)}/good-deeds`))
}

export const redeemItem = (itemId: string) =>
  apiRequest<RedemptionData>(`/points/items/${encodeURIComponent(itemId)}/redemptions`, { method: 'POST', toast: false })

export const cancelRedemption = (id: string) =>
  apiRequest<RedemptionData>(`/points/redemptions/${encodeURIComponent(id)}/cancel`, { method: 'POST' })

export const handOver = (input: { communityId: string; code: string }) =>
  apiRequest<RedemptionData>(`${base(input.communityId)}/hand-over`, { method: 'POST', body: { code: input.code }, toast: false })

export const saveRules = (input: { communityId: string; rules: Record<string, number> }) =>
  apiRequest<RulesData>(`${base(input.communityId)}/rules`, { method: 'PUT', body: input.rules, toast: false })

export const createItem = (input: { communityId: string; name: string; price: number; stock: number }) =>
  apiRequest<ItemData>(`${base(input.communityId)}/items`, {
    method: 'POST',
    body: { name: input.name, price: input.price, stock: input.stock },
    toast: false,
  })

export const patchItem = (input: { itemId: string; patch: Partial<Pick<ItemData, 'price' | 'stock' | 'active'>> }) =>
  apiRequest<ItemData>(`/points/items/${encodeURIComponent(input.itemId)}`, { method: 'PATCH', body: input.patch })

export const reportGoodDeed = (input: { communityId: string; text: string; photoId: string }) =>
  apiRequest<GoodDeedData>(`${base(input.communityId)}/good-deeds`, {
    method: 'POST',
    body: { text: input.text, photoId: input.photoId },
    toast: false,
  })

export const reviewGoodDeed = (input: { id: string; verdict: 'approve' } | { id: string; verdict: 'reject'; reason: string }) => {
  const { id, ...body } = input
  return apiRequest<GoodDeedData>(`/points/good-deeds/${encodeURIComponent(id)}/review`, { method: 'POST', body })
}

/** 居民积分 (staff): the community's accounts by name, narrowed by `q`. */
export function useAccounts(communityId: string | undefined, q: string) {
  const query = q ? `?q=${encodeURIComponent(q)}` : ''
  return useQuery(key(communityId, `accounts${query}`), () =>
    apiRequest<z.infer<typeof PointsAccounts>>(`${base(communityId!)}/accounts${query}`),
  )
}

/** One resident's account (staff): every entry with its reason, and which can still be corrected. */
export function useAccount(communityId: string | undefined, userId: string | undefined) {
  return useQuery(communityId && userId ? key(communityId, `account/${userId}`) : null, () =>
    apiRequest<AccountData>(`${base(communityId!)}/accounts/${encodeURIComponent(userId!)}`),
  )
}

export const reverseEntry = (input: { communityId: string; entryId: string; reason: string }) =>
  apiRequest(`${base(input.communityId)}/reversals`, {
    method: 'POST',
    body: { entryId: input.entryId, reason: input.reason },
    toast: false,
  })
