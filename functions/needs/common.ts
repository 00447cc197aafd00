import { eq } from 'drizzle-orm'
import type { NeedStatus } from '../../domain/needs/needs.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { needs } from '../../db/schema/index.js'
import { communityContext } from '../communities/index.js'
import { AppError } from '../http/errors.js'

export type NeedRow = typeof needs.$inferSelect

/** Statuses every viewer of the community sees; pending and declined needs only their author and staff. */
export const publicStatuses: NeedStatus[] = ['open', 'on_agenda', 'in_project', 'met', 'closed']

/** A need the actor may see, with whether they manage it; 404 otherwise (its existence is private). */
export async function visibleNeed(db: Db | Tx, actor: Actor, needId: string) {
  const [row] = await db.select().from(needs).where(eq(needs.id, needId))
  const ctx = row ? await communityContext(db, row.communityId) : null
  if (!row || !ctx || !can(actor, 'needs.view', ctx)) throw new AppError('NOT_FOUND', '需求不存在')
  const staff = can(actor, 'needs.manage', ctx)
  if (!staff && !publicStatuses.includes(row.status) && row.raisedBy !== actor.userId) throw new AppError('NOT_FOUND', '需求不存在')
  return { row, ctx, staff }
}
