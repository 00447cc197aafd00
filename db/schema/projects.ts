import { sql } from 'drizzle-orm'
import { check, index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, ts } from './columns.js'
import { communities } from './communities.js'
import { needs, resources } from './needs.js'
import { users } from './users.js'

/**
 * 项目清单: a project matches needs to resources. Its responsible party, deadline, status, progress
 * and updates with photos are its tracked item's (tracked_items.project_id; decision 033), not
 * copied here.
 */
export const projects = pgTable(
  'projects',
  {
    id: id(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** In fen (分); null when the project costs nothing or has no budget yet. */
    budgetFen: integer('budget_fen'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('projects_community_idx').on(t.communityId, t.createdAt, t.id),
    check('projects_budget_nonneg', sql`${t.budgetFen} is null or ${t.budgetFen} >= 0`),
  ],
)

export type ProjectRow = typeof projects.$inferSelect

/** The needs a project meets: at least one, of the project's community (checked when written). */
export const projectNeeds = pgTable(
  'project_needs',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.needId] }), index('project_needs_need_idx').on(t.needId)],
)

/** The resources a project uses: at least one, of the project's community. */
export const projectResources = pgTable(
  'project_resources',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    resourceId: uuid('resource_id')
      .notNull()
      .references(() => resources.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.resourceId] }), index('project_resources_resource_idx').on(t.resourceId)],
)
