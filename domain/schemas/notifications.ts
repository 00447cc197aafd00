import * as z from 'zod'
import { onFirstUse } from './lazy.js'
import { Id, IsoTime } from './common.js'

export const Notification = onFirstUse(() =>
  z
    .object({
      id: Id,
      title: z.string(),
      body: z.string(),
      concernId: Id.nullable(),
      /** The council session it is about, if any (open the session page). */
      sessionId: Id.nullable(),
      /** The vote it is about, if any (open the vote page). */
      proposalId: Id.nullable(),
      readAt: IsoTime.nullable(),
      createdAt: IsoTime,
    })
    .meta({ id: 'Notification' }),
)

export const NotificationPage = onFirstUse(() =>
  z.object({
    items: z.array(Notification),
    nextCursor: z.string().nullable(),
    unread: z.number().int(),
  }),
)

export const NotificationsQuery = onFirstUse(() =>
  z.strictObject({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
)

export const MarkReadInput = onFirstUse(() =>
  z.strictObject({
    /** Mark these as read; omit to mark everything read. */
    ids: z.array(Id).max(100).optional(),
  }),
)
export const UnreadCount = onFirstUse(() => z.object({ unread: z.number().int() }))
