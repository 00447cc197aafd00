import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import { reversalOf } from '../../domain/points/ledger.js'
import type { ReversalInput } from '../../domain/schemas/points.js'
import { pointsEntries } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { postEntry } from './ledger.js'
import { entryView } from './views.js'

/**
 * Staff correct an entry by writing its reversal: the opposite amount, the reason, who did it. Only
 * earnings are reversed (a redemption is undone by cancelling it), each once, and never below zero.
 */
export async function reverseEntry(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof ReversalInput>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.manage')
  const [entry] = await db
    .select()
    .from(pointsEntries)
    .where(and(eq(pointsEntries.id, input.entryId), eq(pointsEntries.communityId, communityId)))
  if (!entry) throw new AppError('NOT_FOUND', '积分记录不存在')
  if (['redemption', 'refund', 'reversal'].includes(entry.kind)) throw new AppError('ENTRY_NOT_REVERSIBLE')
  const now = deps.now()
  try {
    const posted = await db.transaction((tx) =>
      postEntry(tx, {
        communityId,
        userId: entry.userId,
        amount: reversalOf(entry).amount,
        kind: 'reversal',
        sourceType: 'points_entry',
        sourceId: entry.id,
        reason: input.reason,
        createdBy: actor.userId,
        createdAt: now,
      }),
    )
    if (!posted) throw new AppError('ENTRY_NOT_REVERSIBLE')
    const [row] = await db.select().from(pointsEntries).where(eq(pointsEntries.id, posted.id))
    return entryView(row, actor.userId, true)
  } catch (err) {
    if (err instanceof AppError && err.code === 'POINTS_NOT_ENOUGH') throw new AppError('ENTRY_NOT_REVERSIBLE', undefined, err.details)
    throw err
  }
}
