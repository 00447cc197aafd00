import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import {
  earningKinds,
  entryKinds,
  goodDeedStatuses,
  itemPriceMax,
  itemStockMax,
  redemptionStatuses,
  ruleAmountMax,
} from '../points/kinds.js'
import { Id, IsoTime } from './common.js'
import { text } from './text.js'

/**
 * The API contract of the 道德银行 (points ledger) and the 爱心超市 (docs/decisions/031): rules per
 * community, balances and monthly statements, items, redemptions with a one-time code, good-deed reports.
 */

export const EarningKind = z.enum(earningKinds)
export const EntryKind = z.enum(entryKinds)
export const RedemptionStatus = z.enum(redemptionStatuses)
export const GoodDeedStatus = z.enum(goodDeedStatuses)

const amount = z
  .number({ error: '积分须是数字' })
  .int('积分须是整数')
  .min(0, '积分不能是负数')
  .max(ruleAmountMax, `每次最多 ${ruleAmountMax} 分`)

// ——— Inputs ———

/** Staff set the amount of each kind; kinds left out keep their amount. */
export const PointsRulesInput = onFirstUse(() =>
  z
    .strictObject({
      council_check_in: amount.optional(),
      errand: amount.optional(),
      volunteer: amount.optional(),
      good_deed: amount.optional(),
    })
    .meta({ id: 'PointsRulesInput' }),
)

export const StatementQuery = onFirstUse(() =>
  z.strictObject({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
      .optional(),
    scope: z.enum(['me', 'household']).default('me'),
  }),
)

const itemName = onFirstUse(() => text({ label: '物品名称', min: 1, max: 40 }))
const itemDescription = onFirstUse(() => text({ label: '物品说明', max: 200, multiline: true }))
const price = z
  .number({ error: '兑换积分须是数字' })
  .int('兑换积分须是整数')
  .min(1, '兑换积分至少 1 分')
  .max(itemPriceMax, `兑换积分最多 ${itemPriceMax} 分`)
const stock = z.number({ error: '库存须是数字' }).int('库存须是整数').min(0, '库存不能是负数').max(itemStockMax, `库存最多 ${itemStockMax}`)

export const ItemInput = onFirstUse(() =>
  z
    .strictObject({ name: itemName, description: itemDescription.optional(), price, stock, active: z.boolean().optional() })
    .meta({ id: 'PointsItemInput' }),
)
export const ItemPatch = onFirstUse(() =>
  z
    .strictObject({
      name: itemName.optional(),
      description: itemDescription.optional(),
      price: price.optional(),
      stock: stock.optional(),
      active: z.boolean().optional(),
    })
    .meta({ id: 'PointsItemPatch' }),
)

export const HandOverInput = onFirstUse(() => z.strictObject({ code: z.string().regex(/^\d{8}$/, '兑换码是 8 位数字') }))

export const ReversalInput = onFirstUse(() => z.strictObject({ entryId: Id, reason: text({ label: '更正原因', min: 2, max: 200 }) }))

export const GoodDeedInput = onFirstUse(() =>
  z
    .strictObject({ text: text({ label: '好人好事的经过', min: 10, max: 500, multiline: true }), photoId: Id })
    .meta({ id: 'GoodDeedInput' }),
)

export const GoodDeedReviewInput = onFirstUse(() =>
  z.discriminatedUnion('verdict', [
    z.strictObject({ verdict: z.literal('approve') }),
    z.strictObject({ verdict: z.literal('reject'), reason: text({ label: '不通过的原因', min: 2, max: 200 }) }),
  ]),
)

export const GoodDeedsQuery = onFirstUse(() => z.strictObject({ status: GoodDeedStatus.optional() }))

// ——— Replies ———

export const PointsRule = onFirstUse(() => z.object({ kind: EarningKind, label: z.string(), amount: z.number().int() }))
export const PointsRules = onFirstUse(() => z.object({ communityId: Id, rules: z.array(PointsRule) }).meta({ id: 'PointsRules' }))

export const PointsEntry = onFirstUse(() =>
  z
    .object({
      id: Id,
      amount: z.number().int(),
      kind: EntryKind,
      label: z.string(),
      reason: z.string(),
      sourceType: z.string(),
      sourceId: Id,
      /** The entry is the caller's own (in a household view, others' entries show no name). */
      mine: z.boolean(),
      createdAt: IsoTime,
    })
    .meta({ id: 'PointsEntry' }),
)

export const PointsSummary = onFirstUse(() =>
  z
    .object({
      communityId: Id,
      balance: z.number().int(),
      /** Null when the resident has no verified household in the community. */
      household: z.object({ id: Id, balance: z.number().int() }).nullable(),
      recent: z.array(PointsEntry),
    })
    .meta({ id: 'PointsSummary' }),
)

/** 居民积分 (staff): the community's accounts, by name, with balances; `q` narrows by name. */
export const PointsAccountsQuery = onFirstUse(() => z.strictObject({ q: text({ label: '姓名', min: 1, max: 20 }).optional() }))

export const PointsAccountRow = onFirstUse(() => z.object({ userId: Id, name: z.string(), balance: z.number().int() }))
export const PointsAccounts = onFirstUse(() => z.object({ items: z.array(PointsAccountRow) }).meta({ id: 'PointsAccounts' }))

/** One resident's account for staff: the latest 100 entries, each saying whether it can still be corrected. */
export const PointsAccount = onFirstUse(() =>
  z
    .object({
      userId: Id,
      name: z.string(),
      balance: z.number().int(),
      entries: z.array(PointsEntry.extend({ reversible: z.boolean() })),
    })
    .meta({ id: 'PointsAccount' }),
)

export const PointsStatement = onFirstUse(() =>
  z
    .object({
      month: z.string(),
      scope: z.enum(['me', 'household']),
      opening: z.number().int(),
      credits: z.number().int(),
      debits: z.number().int(),
      closing: z.number().int(),
      entries: z.array(PointsEntry),
    })
    .meta({ id: 'PointsStatement' }),
)

export const PointsItem = onFirstUse(() =>
  z
    .object({ id: Id, name: z.string(), description: z.string(), price: z.number().int(), stock: z.number().int(), active: z.boolean() })
    .meta({ id: 'PointsItem' }),
)
export const PointsItemList = onFirstUse(() => z.object({ items: z.array(PointsItem) }))

export const Redemption = onFirstUse(() =>
  z
    .object({
      id: Id,
      itemId: Id,
      itemName: z.string(),
      price: z.number().int(),
      /** Shown to the resident who redeemed (and to staff after the hand-over); hidden from other people. */
      code: z.string().nullable(),
      status: RedemptionStatus,
      expiresAt: IsoTime,
      createdAt: IsoTime,
      closedAt: IsoTime.nullable(),
      /** The redeemer's balance after the step (for the resident's own reply). */
      balance: z.number().int().optional(),
    })
    .meta({ id: 'Redemption' }),
)
export const RedemptionList = onFirstUse(() => z.object({ items: z.array(Redemption) }))

export const GoodDeed = onFirstUse(() =>
  z
    .object({
      id: Id,
      text: z.string(),
      photoUrl: z.string().nullable(),
      status: GoodDeedStatus,
      reviewReason: z.string().nullable(),
      createdAt: IsoTime,
      reviewedAt: IsoTime.nullable(),
      /** Points the approval paid (null until approved). */
      points: z.number().int().nullable(),
    })
    .meta({ id: 'GoodDeed' }),
)
export const GoodDeedList = onFirstUse(() => z.object({ items: z.array(GoodDeed) }))
