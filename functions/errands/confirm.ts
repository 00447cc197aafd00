import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import type { ConfirmInput } from '../../domain/schemas/errands.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { awardPoints } from '../points/index.js'
import { kindOf } from './accept.js'
import { moveErrand, visibleErrand } from './access.js'
import { errandViews } from './views.js'

/**
 * The asker (or the worker who asked on a resident's behalf) confirms it was done, optionally with
 * thanks. The helper's 代办服务 points are paid in the same transaction, once: the conditional
 * update lets one confirmation through, and the ledger takes one entry per (person, kind, errand).
 */
export async function confirmErrand(deps: Deps, actor: Actor, errandId: string, input: z.output<typeof ConfirmInput>) {
  const { db } = deps.database
  const { row, station, standing } = await visibleErrand(db, actor, errandId)
  const now = deps.now()
  const moved = await db.transaction(async (tx) => {
    const m = await moveErrand(tx, row, standing, 'confirm', { confirmedAt: now, thanks: input.thanks || null })
    if (!m.helperId) throw new AppError('ERRAND_CHANGED')
    const paid = await awardPoints(tx, {
      communityId: m.communityId,
      userId: m.helperId,
      kind: 'errand',
      sourceType: 'errand',
      sourceId: m.id,
      reason: `代办服务：${kindOf(m)}`,
      createdBy: actor.userId,
      at: now,
    })
    await notify(tx, {
      userIds: [m.helperId],
      title: `代办已确认完成：${kindOf(m)}`,
      body: `${paid ? '代办服务积分已记入您的道德银行。' : '谢谢您的帮忙。'}${input.thanks ? `对方说：「${input.thanks}」` : ''}`,
    })
    return m
  })
  return (await errandViews(db, actor, [moved], station, standing.staff))[0]
}
