/**
 * 道德银行 (points bank) vocabulary: what earns points, what an entry of the ledger can be, and the
 * states of a 爱心超市 redemption. Pure; the server and the mini-program share it.
 */

/** Verified events a community pays points for; the amount of each is the community's rule. */
export const earningKinds = ['council_check_in', 'errand', 'volunteer', 'good_deed'] as const
export type EarningKind = (typeof earningKinds)[number]

/** Every kind of ledger entry: the earnings, a redemption's debit, its refund, a staff correction. */
export const entryKinds = [...earningKinds, 'redemption', 'refund', 'reversal'] as const
export type EntryKind = (typeof entryKinds)[number]

export const entryKindLabels: Record<EntryKind, string> = {
  council_check_in: '议事会签到',
  errand: '代办服务',
  volunteer: '志愿服务',
  good_deed: '好人好事',
  redemption: '爱心超市兑换',
  refund: '兑换退回',
  reversal: '更正',
}

export const redemptionStatuses = ['reserved', 'handed_over', 'cancelled', 'expired'] as const
export type RedemptionStatus = (typeof redemptionStatuses)[number]

export const redemptionStatusLabels: Record<RedemptionStatus, string> = {
  reserved: '待领取',
  handed_over: '已领取',
  cancelled: '已取消',
  expired: '已过期',
}

export const goodDeedStatuses = ['pending', 'approved', 'rejected'] as const
export type GoodDeedStatus = (typeof goodDeedStatuses)[number]

/** The default amounts a community starts from until its staff set their own. */
export const defaultRuleAmounts: Record<EarningKind, number> = {
  council_check_in: 10,
  errand: 10,
  volunteer: 10,
  good_deed: 20,
}

/** Bounds on what staff may set: a rule pays 0–1000 points; an item costs 1–100,000 points, stock 0–10,000. */
export const ruleAmountMax = 1000
export const itemPriceMax = 100_000
export const itemStockMax = 10_000
/** How long a redemption code stays valid. */
export const redemptionValidHours = 24
