import { sql } from 'drizzle-orm'
import { check, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { claimStatuses, householdRelations, roles } from '../../domain/roles.js'
import { createdAt, id } from './columns.js'
import { communities, households } from './communities.js'

/** People: users, their roles in a community, and their claims to live somewhere. */

export const roleEnum = pgEnum('role', roles)

export const householdRelationEnum = pgEnum('household_relation', householdRelations)

export const claimStatusEnum = pgEnum('claim_status', claimStatuses)

export const users = pgTable(
  'users',
  {
    id: id(),
    /** WeChat openid for this mini-program; null for seeded demo users until they sign in by WeChat. */
    openid: text('openid').unique(),
    unionid: text('unionid'),
    nickname: text('nickname').notNull(),
    avatarUrl: text('avatar_url'),
    /** Optional (个人信息保护法: collect the minimum); never returned unmasked. */
    phone: text('phone'),
    /** Marks seeded demo accounts: the only ones the dev login offers. */
    demoNote: text('demo_note'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, precision: 3 }),
    /**
     * Set when the person deleted their account (decision 018): the row stays as an opaque
     * tombstone so their concerns and topics keep an author, with every personal field cleared.
     */
    deletedAt: timestamp('deleted_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [check('users_phone_format', sql`${t.phone} is null or ${t.phone} ~ '^1[3-9][0-9]{9}$'`)],
)

export type User = typeof users.$inferSelect

export const memberships = pgTable(
  'memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    role: roleEnum('role').notNull(),
    /** For partners: 物业公司, 业委会, a street department. */
    orgName: text('org_name'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_user_community_role_uq').on(t.userId, t.communityId, t.role),
    index('memberships_community_role_idx').on(t.communityId, t.role),
    check('memberships_partner_has_org', sql`${t.role} <> 'partner' or ${t.orgName} is not null`),
    // Roles granted by someone (worker, admin, partner); being a resident is a verified claim (docs/decisions/016).
    check('memberships_granted_roles_only', sql`${t.role} <> 'resident'`),
  ],
)

export type Membership = typeof memberships.$inferSelect

export const residencyClaims = pgTable(
  'residency_claims',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    relation: householdRelationEnum('relation').notNull(),
    status: claimStatusEnum('status').notNull().default('pending'),
    reason: text('reason'),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, precision: 3 }),
    createdAt: createdAt(),
  },
  (t) => [
    // One open claim per person and household: a retry or a second tap cannot file two.
    uniqueIndex('residency_claims_open_uq').on(t.userId, t.householdId).where(sql`${t.status} in ('pending', 'verified')`),
    // The staff queue: pending claims of a community, oldest first (keyset on created_at, id).
    index('residency_claims_queue_idx').on(t.communityId, t.status, t.createdAt, t.id),
    index('residency_claims_user_idx').on(t.userId, t.createdAt),
    check('residency_claims_rejection_has_reason', sql`${t.status} <> 'rejected' or ${t.reason} is not null`),
    check('residency_claims_review_recorded', sql`${t.status} not in ('verified', 'rejected') or ${t.reviewedAt} is not null`),
  ],
)

export type ResidencyClaim = typeof residencyClaims.$inferSelect
