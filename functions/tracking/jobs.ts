import { and, inArray, isNull, lt } from 'drizzle-orm'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import { partyLabel } from '../../domain/tracking/items.js'
import { trackedItems } from '../../db/schema/index.js'
import { adminIds, staffIds } from '../communities/index.js'
import type { Deps } from '../context.js'
import { notify } from '../notifications/index.js'

/**
 * Tells the worker named responsible (else the community's staff) and its admins, once, when a
 * tracked item passes its deadline unfinished. The mark is set in the statement that picks the
 * item, so two ticks never tell twice; moving the deadline later clears it.
 */
export async function noticeOverdueItems(deps: Deps, batch = 500): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  return db.transaction(async (tx) => {
    const due = await tx
      .update(trackedItems)
      .set({ overdueNotifiedAt: now })
      .where(
        and(
          isNull(trackedItems.overdueNotifiedAt),
          inArray(
            trackedItems.id,
            tx
              .select({ id: trackedItems.id })
              .from(trackedItems)
              .where(
                and(
                  inArray(trackedItems.status, ['not_started', 'in_progress']),
                  lt(trackedItems.deadline, now),
                  isNull(trackedItems.overdueNotifiedAt),
                ),
              )
              .limit(batch),
          ),
        ),
      )
      .returning()
    for (const item of due) {
      const to = new Set([
        ...(item.workerId ? [item.workerId] : await staffIds(tx, item.communityId)),
        ...(await adminIds(tx, item.communityId)),
      ])
      await notify(tx, {
        userIds: [...to],
        sessionId: item.sessionId ?? undefined,
        proposalId: item.sessionId ? undefined : (item.proposalId ?? undefined),
        title: `决议事项逾期：${item.title}`,
        body: `${partyLabel(item.party, item.partyName)}负责，期限 ${chinaTimeLabel(item.deadline)}，当前进度 ${item.progress}%`,
      })
    }
    return due.length
  })
}
