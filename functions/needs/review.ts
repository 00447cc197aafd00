import { eq } from 'drizzle-orm'
import type { z } from 'zod'
import { reviewable } from '../../domain/needs/needs.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { NeedReviewInput } from '../../domain/schemas/needs.js'
import { needs } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { visibleNeed } from './common.js'
import { getNeed } from './lists.js'

/** Staff accept a resident's need onto the list (open) or decline it with a reason the resident reads. */
export async function reviewNeed(deps: Deps, actor: Actor, needId: string, input: z.output<typeof NeedReviewInput>) {
  const { db } = deps.database
  const { row, ctx } = await visibleNeed(db, actor, needId)
  if (!can(actor, 'needs.manage', ctx)) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以审核需求')
  const now = deps.now()
  const updated = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(needs).where(eq(needs.id, needId)).for('update')
    if (!reviewable(locked.status)) throw new AppError('NEED_NOT_REVIEWABLE')
    const accepted = input.action === 'accept'
    const [next] = await tx
      .update(needs)
      .set({
        status: accepted ? 'open' : 'declined',
        decisionReason: accepted ? null : input.reason,
        decidedBy: actor.userId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(needs.id, needId))
      .returning()
    await notify(tx, {
      userIds: [row.raisedBy],
      title: accepted ? `你提出的需求已列入需求清单：${row.title}` : `你提出的需求未被采纳：${row.title}`,
      body: accepted ? '邻居们可以支持它，每月一议前参与排序' : `理由：${input.action === 'decline' ? input.reason : ''}`,
    })
    return next
  })
  return getNeed(deps, actor.userId, updated.id)
}
