import { sql } from 'drizzle-orm'
import { check, index, pgEnum, pgTable, smallint, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { streetRoles } from '../../domain/streets/roles.js'
import { createdAt, id, ts } from './columns.js'
import { streets } from './communities.js'
import { users } from './users.js'

/** The street office (街道): who works in it, and how it assesses its communities. */

export const streetRoleEnum = pgEnum('street_role', streetRoles)

/** A street official (街道干部): held per street, apart from community memberships. */
export const streetMemberships = pgTable(
  'street_memberships',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    streetId: uuid('street_id')
      .notNull()
      .references(() => streets.id),
    role: streetRoleEnum('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('street_memberships_user_street_role_uq').on(t.userId, t.streetId, t.role),
    index('street_memberships_street_idx').on(t.streetId),
  ],
)

/**
 * The street's assessment settings; no row means the defaults (10 / 50 / 40, 基本满意 at 90%,
 * at least 10 concerns to be ranked).
 */
export const streetKpiSettings = pgTable(
  'street_kpi_settings',
  {
    streetId: uuid('street_id')
      .primaryKey()
      .references(() => streets.id),
    weightResponse: smallint('weight_response').notNull(),
    weightResolution: smallint('weight_resolution').notNull(),
    weightSatisfaction: smallint('weight_satisfaction').notNull(),
    basicSatisfiedPercent: smallint('basic_satisfied_percent').notNull(),
    minSample: smallint('min_sample').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'street_kpi_settings_weights',
      sql`${t.weightResponse} between 0 and 100 and ${t.weightResolution} between 0 and 100 and ${t.weightSatisfaction} between 0 and 100
        and ${t.weightResponse} + ${t.weightResolution} + ${t.weightSatisfaction} = 100`,
    ),
    check('street_kpi_settings_factor', sql`${t.basicSatisfiedPercent} between 0 and 100`),
    check('street_kpi_settings_min_sample', sql`${t.minSample} between 1 and 1000`),
  ],
)
