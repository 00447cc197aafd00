import type { Actor } from '../../domain/permissions.js'
import type { Deps } from '../context.js'
import { notify } from '../notifications/index.js'
import { kindOf } from './accept.js'
import { moveErrand, visibleErrand } from './access.js'
import { errandViews } from './views.js'

/** The asker cancels before it is done; a helper who had accepted is told. */
export async function cancelErrand(deps: Deps, actor: Actor, errandId: string) {
  const { db } = deps.database
  const { row, station, standing } = await visibleErrand(db, actor, errandId)
  const now = deps.now()
  const moved = await db.transaction(async (tx) => {
    const m = await moveErrand(tx, row, standing, 'cancel', { cancelledAt: now })
    if (row.helperId)
      await notify(tx, {
        userIds: [row.helperId],
        title: `代办已取消：${kindOf(row)}`,
        body: `「${row.what.slice(0, 30)}」对方已取消，不用再跑了。`,
      })
    return m
  })
  return (await errandViews(db, actor, [moved], station, standing.staff))[0]
}
