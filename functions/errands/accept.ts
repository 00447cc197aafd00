import { errandKindLabels, type ErrandKind } from '../../domain/errands/errands.js'
import type { Actor } from '../../domain/permissions.js'
import type { Deps } from '../context.js'
import { notify } from '../notifications/index.js'
import { moveErrand, visibleErrand, type ErrandRow } from './access.js'
import { errandViews } from './views.js'

export const kindOf = (row: ErrandRow) => errandKindLabels[row.kind as ErrandKind] ?? row.kind

/** A helper whose station serves the errand takes it: from now on only they (and staff) see the contact. Two at once: one wins, the other 409. */
export async function acceptErrand(deps: Deps, actor: Actor, errandId: string) {
  const { db } = deps.database
  const { row, station, standing } = await visibleErrand(db, actor, errandId)
  const now = deps.now()
  const moved = await db.transaction(async (tx) => {
    const m = await moveErrand(tx, row, standing, 'accept', { helperId: actor.userId, stationId: station?.id ?? null, acceptedAt: now })
    await notify(tx, {
      userIds: [row.askedBy],
      title: `代办已有人接单：${kindOf(row)}`,
      body: `${station?.name ?? '代办站'}接了您的代办「${row.what.slice(0, 30)}」，会按约定联系您。`,
    })
    return m
  })
  return (await errandViews(db, actor, [moved], station, standing.staff))[0]
}
