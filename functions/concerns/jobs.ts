import { and, eq, inArray, isNull, lt, type SQL } from 'drizzle-orm'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { categories } from '../../domain/concerns/categories.js'
import { concernNoticeName } from '../../domain/concerns/labels.js'
import { lateText, type Milestone, milestoneLabels } from '../../domain/concerns/milestones.js'
import type { PgColumn } from 'drizzle-orm/pg-core'
import { concernEvents, concerns } from '../../db/schema/index.js'
import { adminIds, staffIds } from '../communities/index.js'
import type { Deps } from '../context.js'
import { gridWorkerIds } from '../grids/index.js'
import { applyKpiChange } from '../kpis/index.js'
import { notify } from '../notifications/index.js'
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
        and(
          // Checked again on the locked row: a rating committed meanwhile wins.
          eq(concerns.status, 'resolved'),
          inArray(
            concerns.id,
            tx
              .select({ id: concerns.id })
              .from(concerns)
              .where(and(eq(concerns.status, 'resolved'), lt(concerns.resolvedAt, cutoff)))
              .limit(batch),
          ),
        ),
      )
      .returning()
    for (const c of closed) {
      await applyKpiChange(tx, { ...c, status: 'resolved' }, c)
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

/** Per milestone: its deadline, the condition that it is still not reached, and the mark that it was told. */
const overdueChecks: Array<{
  milestone: Milestone
  due: PgColumn
  pending: SQL
  told: PgColumn
  mark: keyof typeof concerns.$inferInsert
}> = [
  {
    milestone: 'acknowledge',
    due: concerns.acknowledgeDueAt,
    pending: isNull(concerns.acknowledgedAt),
    told: concerns.acknowledgeOverdueNotifiedAt,
    mark: 'acknowledgeOverdueNotifiedAt',
  },
  {
    milestone: 'arrive',
    due: concerns.arriveDueAt,
    pending: and(isNull(concerns.arrivedAt), isNull(concerns.resolvedAt))!,
    told: concerns.arriveOverdueNotifiedAt,
    mark: 'arriveOverdueNotifiedAt',
  },
  {
    milestone: 'resolve',
    due: concerns.dueAt,
    pending: isNull(concerns.resolvedAt),
    told: concerns.overdueNotifiedAt,
    mark: 'overdueNotifiedAt',
  },
]

/**
 * Tells the worker (the handler, else the grid's workers, else the community's staff) and the
 * community's admins, once per milestone, when a concern passes that milestone's deadline. The
 * mark is set in the statement that picks the concern, so two ticks never tell twice.
 */
export async function noticeOverdue(deps: Deps, batch = 500): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  let told = 0
  for (const check of overdueChecks) {
    told += await db.transaction(async (tx) => {
      const due = await tx
        .update(concerns)
        .set({ [check.mark]: now })
        .where(
          and(
            isNull(check.told),
            inArray(
              concerns.id,
              tx
                .select({ id: concerns.id })
                .from(concerns)
                .where(and(lt(check.due, now), check.pending, isNull(check.told), inArray(concerns.status, [...openStatuses])))
                .limit(batch),
            ),
          ),
        )
        .returning()
      for (const c of due) {
        const handlers = await assigneeIds(tx, c)
        const workers = handlers.length ? handlers : c.gridId ? await gridWorkerIds(tx, c.gridId) : []
        const to = new Set([...(workers.length ? workers : await staffIds(tx, c.communityId)), ...(await adminIds(tx, c.communityId))])
        const deadline = c[check.milestone === 'acknowledge' ? 'acknowledgeDueAt' : check.milestone === 'arrive' ? 'arriveDueAt' : 'dueAt']
        const minutesLate = deadline ? Math.floor((now.getTime() - deadline.getTime()) / 60_000) : 0
        await notify(tx, {
          userIds: [...to],
          concernId: c.id,
          title: `${concernNoticeName(categories[c.category].label, c.description)}${milestoneLabels[check.milestone]}已超时`,
          body: `${lateText(check.milestone, minutesLate)}，请尽快处理`,
          message: { template: 'concern_status', publicNo: c.publicNo, status: c.status, statusLabel: '已逾期', at: now.toISOString() },
        })
      }
      return due.length
    })
  }
  return told
}
