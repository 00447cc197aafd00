import { sql } from 'drizzle-orm'
import { boolean, check, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { errandStatuses, stationLabels } from '../../domain/errands/errands.js'
import { createdAt, id, ts } from './columns.js'
import { buildings, communities } from './communities.js'
import { users } from './users.js'

/**
 * 党员家庭代办站: stations (one per helper and community) and the errands residents ask of them.
 * An errand's address and phone are private (the asker, the helper who accepted, staff).
 */

export const stationLabelEnum = pgEnum('errand_station_label', stationLabels)
export const errandStatusEnum = pgEnum('errand_status', errandStatuses)

export const errandStations = pgTable(
  'errand_stations',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    helperId: uuid('helper_id')
      .notNull()
      .references(() => users.id),
    label: stationLabelEnum('label').notNull(),
    name: text('name').notNull(),
    buildingIds: uuid('building_ids').array().notNull(),
    kinds: text('kinds').array().notNull(),
    note: text('note').notNull().default(''),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('errand_stations_helper_uq').on(t.communityId, t.helperId)],
)

export const errands = pgTable(
  'errands',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    kind: text('kind').notNull(),
    what: text('what').notNull(),
    whenText: text('when_text').notNull(),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    address: text('address').notNull(),
    contactPhone: text('contact_phone').notNull(),
    /** The resident a worker asked for (no phone, no account); null when residents ask themselves. */
    residentName: text('resident_name'),
    /** The resident who asked, or the worker who asked on a resident's behalf: the one who confirms. */
    askedBy: uuid('asked_by')
      .notNull()
      .references(() => users.id),
    onBehalf: boolean('on_behalf').notNull().default(false),
    status: errandStatusEnum('status').notNull().default('asked'),
    helperId: uuid('helper_id').references(() => users.id),
    stationId: uuid('station_id').references(() => errandStations.id),
    thanks: text('thanks'),
    createdAt: createdAt(),
    acceptedAt: ts('accepted_at'),
    doneAt: ts('done_at'),
    confirmedAt: ts('confirmed_at'),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    index('errands_open_idx').on(t.communityId, t.status, t.buildingId),
    index('errands_asker_idx').on(t.askedBy, t.createdAt),
    index('errands_helper_idx').on(t.helperId, t.createdAt),
    check(
      'errands_helper_when_accepted',
      sql`(${t.status} in ('asked', 'cancelled')) or (${t.helperId} is not null and ${t.stationId} is not null)`,
    ),
    check('errands_on_behalf_named', sql`${t.onBehalf} = (${t.residentName} is not null)`),
  ],
)
