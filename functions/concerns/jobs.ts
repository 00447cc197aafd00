import { and, eq, inArray, isNull, lt } from 'drizzle-orm'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { concernEvents, concerns } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { notify } from '../notifications/index.js'
import { staffIds } from '../communities/index.js'
import { assigneeIds, tellAbout } from './common.js'

/** Resolved concerns nobody rated within `days` close as confirmed by default. */
export async function autoCloseResolved(deps: Deps, days: number, batch = 500): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  const cutoff = new Date(now.getTime() - days * 86400_000)
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(concerns)
      .set({ status: 'closed', closedAt: now, updatedAt: now })
      .where(
        inArray(
          concerns.id,
          tx
            .select({ id: concerns.id })
            .from(concerns)
            .where(and(eq(concerns.status, 'resolved'), lt(concerns.resolvedAt, cutoff)))
            .limit(batch),
        ),
      )
      .returning()
    for (const c of closed) {
      await tx.insert(concernEvents).values({
        concernId: c.id,
        actorRole: 'system',
        action: 'auto_close',
        fromStatus: 'resolved',
        toStatus: 'closed',
        note: `办结后 ${days} 天未评价，视为确认`,
        createdAt: now,
      })
      await tellAbout(tx, c, 'closed', [c.authorId], `办结后 ${days} 天未评价，已自动结案`, now)
    }
    return closed.length
  })
}

/** Tells the handler (or the staff) once when a concern passes its deadline. */
export async function noticeOverdue(deps: Deps, batch = 500): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  return db.transaction(async (tx) => {
    const due = await tx
      .update(concerns)
      .set({ overdueNotifiedAt: now })
      .where(
        inArray(
          concerns.id,
          tx
            .select({ id: concerns.id })
            .from(concerns)
            .where(
              and(
                lt(concerns.dueAt, now),
                isNull(concerns.resolvedAt),
                isNull(concerns.overdueNotifiedAt),
                inArray(concerns.status, [...openStatuses]),
              ),
            )
            .limit(batch),
        ),
      )
      .returning()
    for (const c of due) {
      const handlers = await assigneeIds(tx, c)
      const to = handlers.length ? handlers : await staffIds(tx, c.communityId)
      await notify(tx, {
        userIds: to,
        concernId: c.id,
        title: `诉求 ${c.publicNo} 已逾期`,
        body: `办理期限 ${c.dueAt?.toISOString().slice(0, 10)} 已过，请尽快处理`,
        message: { template: 'concern_status', publicNo: c.publicNo, status: c.status, statusLabel: '已逾期', at: now.toISOString() },
      })
    }
    return due.length
  })
}
