import { sql } from 'drizzle-orm'
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { earningKinds, entryKinds, goodDeedStatuses, redemptionStatuses } from '../../domain/points/kinds.js'
import { createdAt, id, ts } from './columns.js'
import { communities, households } from './communities.js'
import { photos } from './photos.js'
import { users } from './users.js'

/**
 * 道德银行 and 爱心超市 (docs/decisions/031): the append-only ledger (a trigger refuses UPDATE and
 * DELETE, db/migrations/*_points_append_only.sql), the running balance that serialises spending, the
 * community's rules, the shop's items, redemptions and good-deed reports.
 */

/** The community a row belongs to, and the resident (every points table has both). */
const communityRef = () =>
  uuid('community_id')
    .notNull()
    .references(() => communities.id)
const userRef = () =>
  uuid('user_id')
    .notNull()
    .references(() => users.id)

export const pointsEarningKindEnum = pgEnum('points_earning_kind', earningKinds)
export const pointsEntryKindEnum = pgEnum('points_entry_kind', entryKinds)
export const redemptionStatusEnum = pgEnum('redemption_status', redemptionStatuses)
export const goodDeedStatusEnum = pgEnum('good_deed_status', goodDeedStatuses)

/** The points a community pays per kind of verified event, set by its staff. */
export const pointsRules = pgTable(
  'points_rules',
  {
    communityId: communityRef(),
    kind: pointsEarningKindEnum('kind').notNull(),
    amount: integer('amount').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.kind] }), check('points_rules_amount_range', sql`${t.amount} between 0 and 1000`)],
)

/**
 * One row per resident and community: the sum of their entries, kept in the same transaction as
 * each entry. Spending is a conditional update of this row (balance >= price), which is what makes
 * two redemptions at once unable to spend the same points; the check refuses a negative balance.
 */
export const pointsAccounts = pgTable(
  'points_accounts',
  {
    communityId: communityRef(),
    userId: userRef(),
    balance: integer('balance').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.communityId, t.userId] }), check('points_accounts_not_negative', sql`${t.balance} >= 0`)],
)

/** The ledger: never updated, never deleted; a mistake is compensated by a `reversal` entry. */
export const pointsEntries = pgTable(
  'points_entries',
  {
    id: id(),
    communityId: communityRef(),
    userId: userRef(),
    /** The resident's verified household when the entry was written: the household view sums these. */
    householdId: uuid('household_id').references(() => households.id),
    amount: integer('amount').notNull(),
    kind: pointsEntryKindEnum('kind').notNull(),
    /** What earned or spent the points: a session, a good deed, a redemption, the entry reversed. */
    sourceType: text('source_type').notNull(),
    sourceId: uuid('source_id').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Once per source: a second check-in to the same session, a second approval, a second refund earn nothing.
    uniqueIndex('points_entries_once_uq').on(t.userId, t.kind, t.sourceId),
    index('points_entries_user_idx').on(t.communityId, t.userId, t.createdAt),
    index('points_entries_household_idx').on(t.householdId, t.createdAt),
    check('points_entries_amount_not_zero', sql`${t.amount} <> 0`),
  ],
)

/** 爱心超市 items: a points price and the stock on the shelf (reserved redemptions already taken off). */
export const pointsItems = pgTable(
  'points_items',
  {
    id: id(),
    communityId: communityRef(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    price: integer('price').notNull(),
    stock: integer('stock').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('points_items_community_idx').on(t.communityId, t.createdAt),
    check('points_items_price_positive', sql`${t.price} > 0`),
    check('points_items_stock_not_negative', sql`${t.stock} >= 0`),
  ],
)

/** A redemption: points debited and one item reserved at creation; the code is handed over once. */
export const pointsRedemptions = pgTable(
  'points_redemptions',
  {
    id: id(),
    communityId: communityRef(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => pointsItems.id),
    userId: userRef(),
    price: integer('price').notNull(),
    code: text('code').notNull(),
    status: redemptionStatusEnum('status').notNull().default('reserved'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
    closedAt: ts('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('points_redemptions_code_uq').on(t.communityId, t.code),
    index('points_redemptions_user_idx').on(t.communityId, t.userId, t.createdAt),
    index('points_redemptions_open_idx').on(t.status, t.expiresAt),
  ],
)

/** 好人好事: a resident's report with a photo; an approval pays the community's good-deed points. */
export const goodDeeds = pgTable(
  'good_deeds',
  {
    id: id(),
    communityId: communityRef(),
    userId: userRef(),
    text: text('text').notNull(),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id),
    status: goodDeedStatusEnum('status').notNull().default('pending'),
    reviewReason: text('review_reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: ts('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [index('good_deeds_queue_idx').on(t.communityId, t.status, t.createdAt)],
)
