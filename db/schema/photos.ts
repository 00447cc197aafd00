import { index, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id } from './columns.js'
import { users } from './users.js'

/** Uploaded photos and their moderation. */

export const moderationEnum = pgEnum('moderation', ['pending', 'pass', 'flagged', 'rejected'])

export const photos = pgTable(
  'photos',
  {
    id: id(),
    /** sha256 of the stored (re-encoded, EXIF-free) bytes: the storage key. */
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    /** Where the storage serves it: /api/files/… locally, a Vercel Blob URL in production. */
    url: text('url').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    moderation: moderationEnum('moderation').notNull().default('pending'),
    /** WeChat media_check_async trace id, to match the asynchronous verdict. */
    traceId: text('trace_id'),
    createdAt: createdAt(),
  },
  (t) => [index('photos_sha256_idx').on(t.sha256), uniqueIndex('photos_trace_uq').on(t.traceId)],
)

export type PhotoRow = typeof photos.$inferSelect
