import { eq, sql } from 'drizzle-orm'
import { checkTransition } from '../../domain/concerns/lifecycle.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { RateInput } from '../../domain/schemas/concerns.js'
import { concernEvents, concerns } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, refusal } from '../http/errors.js'
import { staffIds } from '../communities/index.js'
import { assertTextPasses } from '../wechat/text-check.js'
import { applyKpiChange } from '../kpis/index.js'
import { assigneeIds, lockConcern, tellAbout, visibleConcern } from './common.js'
import { getConcernDetail } from './read.js'

/** The author rates the result: satisfied closes it; 1–2 stars or "not solved" reopens it once. */
export async function rateConcern(deps: Deps, actor: Actor, id: string, input: z.output<typeof RateInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { row, roles } = await visibleConcern(db, actor, id)
  const check = checkTransition('rate', row.status, roles, { rating: input.rating, solved: input.solved, reopenCount: row.reopenCount })
  if (!check.ok) throw refusal(check)
  await assertTextPasses(deps, actor.userId, input.comment)
  const reopened = check.to === 'reopened'
  await db.transaction(async (tx) => {
    const before = await lockConcern(tx, id)
    if (before.status !== 'resolved') throw new AppError('CONCERN_CHANGED')
    const [updated] = await tx
      .update(concerns)
      .set({
        status: check.to,
        rating: input.rating,
        ratingComment: input.comment ?? null,
        ratedAt: now,
        solved: input.solved,
        updatedAt: now,
        ...(reopened ? { reopenCount: sql`${concerns.reopenCount} + 1`, resolvedAt: null } : { closedAt: now }),
      })
      .where(eq(concerns.id, id))
      .returning()
    await applyKpiChange(tx, before, updated)
    await tx.insert(concernEvents).values({
      concernId: id,
      actorId: actor.userId,
      actorRole: 'author',
      action: 'rate',
      fromStatus: 'resolved',
      toStatus: check.to,
      note: input.comment ?? null,
      data: { rating: input.rating, solved: input.solved },
      createdAt: now,
    })
    // A reopened concern goes back to whoever handled it; staff hear of every rating.
    const audience = new Set([...(await staffIds(tx, row.communityId)), ...(await assigneeIds(tx, updated))])
    audience.delete(actor.userId)
    await tellAbout(
      tx,
      updated,
      check.to,
      [...audience],
      `居民评价 ${input.rating} 星${input.solved ? '' : '（未解决）'}${input.comment ? `：${input.comment}` : ''}`,
      now,
    )
  })
  return getConcernDetail(deps, actor.userId, id)
}
