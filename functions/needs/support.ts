import { and, eq, sql } from 'drizzle-orm'
import { supportable } from '../../domain/needs/needs.js'
import { can, type Actor } from '../../domain/permissions.js'
import { needs, needSupports } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { visibleNeed } from './common.js'

/**
 * A verified resident supports a need once: a second support is the same 200 with the same count
 * (the primary key refuses the duplicate row, the count moves only when a row was written).
 */
export async function setSupport(deps: Deps, actor: Actor, needId: string, support: boolean) {
  const { db } = deps.database
  const { row, ctx } = await visibleNeed(db, actor, needId)
  if (support && !can(actor, 'needs.participate', ctx)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能支持需求')
  if (support && !supportable(row.status)) throw new AppError('NEED_NOT_OPEN')
  const count = await db.transaction(async (tx) => {
    const changed = support
      ? await tx.insert(needSupports).values({ needId, userId: actor.userId, createdAt: deps.now() }).onConflictDoNothing().returning()
      : await tx
          .delete(needSupports)
          .where(and(eq(needSupports.needId, needId), eq(needSupports.userId, actor.userId)))
          .returning()
    const delta = changed.length ? (support ? 1 : -1) : 0
    const [next] = await tx
      .update(needs)
      .set({ supporterCount: sql`${needs.supporterCount} + ${delta}` })
      .where(eq(needs.id, needId))
      .returning({ supporterCount: needs.supporterCount })
    return next.supporterCount
  })
  return { needId, supported: support, supporterCount: count }
}
