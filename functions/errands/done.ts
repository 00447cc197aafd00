import type { Actor } from '../../domain/permissions.js'
import type { Deps } from '../context.js'
import { notify } from '../notifications/index.js'
import { kindOf } from './accept.js'
import { moveErrand, visibleErrand } from './access.js'
import { errandViews } from './views.js'

/** The helper who accepted marks it done; the asker is asked to confirm. */
export async function markErrandDone(deps: Deps, actor: Actor, errandId: string) {
  const { db } = deps.database
  const { row, station, standing } = await visibleErrand(db, actor, errandId)
  const now = deps.now()
  const moved = await db.transaction(async (tx) => {
    const m = await moveErrand(tx, row, standing, 'done', { doneAt: now })
    await notify(tx, {
      userIds: [row.askedBy],
      title: `代办已办好：${kindOf(row)}`,
      body: `「${row.what.slice(0, 30)}」已办好，请在「找人帮忙」里确认完成，也可以说声谢谢。`,
    })
    return m
  })
  return (await errandViews(db, actor, [moved], station, standing.staff))[0]
}
