import { sql } from 'drizzle-orm'
import { check, index, pgEnum, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { trackedStatuses } from '../../domain/tracking/items.js'
import { createdAt, id, ts } from './columns.js'
import { communities } from './communities.js'
import { concerns, eventActorRoleEnum } from './concerns.js'
import { councilSessions, councilTopics, responsiblePartyEnum } from './councils.js'
import { photos } from './photos.js'
import { projects } from './projects.js'
import { users } from './users.js'
import { proposals } from './votes.js'

/** Tracked items (决议跟踪): one table for council resolutions, approved proposals (docs/decisions/025) and projects (033). */
export const trackedStatusEnum = pgEnum('tracked_status', trackedStatuses)

export const trackedItems = pgTable(
  'tracked_items',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    /** The topic whose resolution this is; an approved vote on the topic sets `proposalId` too. */
    topicId: uuid('topic_id').references(() => councilTopics.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => councilSessions.id, { onDelete: 'cascade' }),
    proposalId: uuid('proposal_id').references(() => proposals.id, { onDelete: 'cascade' }),
    concernId: uuid('concern_id').references(() => concerns.id),
    /** The 项目清单 project this item tracks (decision 033); a project has exactly one. */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    text: text('text').notNull(),
    party: responsiblePartyEnum('party').notNull(),
    partyName: text('party_name'),
    /** A worker of the community named responsible (the party is then 社区). */
    workerId: uuid('worker_id').references(() => users.id, { onDelete: 'set null' }),
    deadline: ts('deadline').notNull(),
    status: trackedStatusEnum('status').notNull().default('not_started'),
    progress: smallint('progress').notNull().default(0),
    shelvedReason: text('shelved_reason'),
    lastUpdateAt: ts('last_update_at'),
    completedAt: ts('completed_at'),
    /** Set by the conditional update that claims the overdue notice, so it goes out once. */
    overdueNotifiedAt: ts('overdue_notified_at'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('tracked_items_topic_uq').on(t.topicId),
    uniqueIndex('tracked_items_proposal_uq').on(t.proposalId).where(sql`${t.topicId} is null`),
    uniqueIndex('tracked_items_project_uq').on(t.projectId),
    // The staff list and the 公示栏: a community's items by deadline (keyset on deadline, id).
    index('tracked_items_list_idx').on(t.communityId, t.deadline, t.id),
    // The overdue job: open items by deadline not yet told.
    index('tracked_items_overdue_idx')
      .on(t.deadline)
      .where(sql`${t.status} in ('not_started', 'in_progress') and ${t.overdueNotifiedAt} is null`),
    check('tracked_items_source', sql`${t.topicId} is not null or ${t.proposalId} is not null or ${t.projectId} is not null`),
    check('tracked_items_progress', sql`${t.progress} between 0 and 100`),
    check('tracked_items_shelved_reason', sql`${t.status} <> 'shelved' or ${t.shelvedReason} is not null`),
    check('tracked_items_done', sql`${t.status} <> 'done' or (${t.progress} = 100 and ${t.completedAt} is not null)`),
  ],
)

export type TrackedItemRow = typeof trackedItems.$inferSelect

/** Progress updates and status changes, append-only: what was done, the status and progress it left. */
export const trackedUpdates = pgTable(
  'tracked_updates',
  {
    id: id(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => trackedItems.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorRole: eventActorRoleEnum('author_role').notNull(),
    /** The partner organisation that posted it (安居物业), for the label residents see. */
    authorOrg: text('author_org'),
    note: text('note').notNull(),
    fromStatus: trackedStatusEnum('from_status'),
    status: trackedStatusEnum('status').notNull(),
    progress: smallint('progress').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('tracked_updates_item_idx').on(t.itemId, t.createdAt)],
)

export const trackedUpdatePhotos = pgTable(
  'tracked_update_photos',
  {
    updateId: uuid('update_id')
      .notNull()
      .references(() => trackedUpdates.id, { onDelete: 'cascade' }),
    photoId: uuid('photo_id')
      .notNull()
      .references(() => photos.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.photoId] })],
)
