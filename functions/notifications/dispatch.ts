import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm'
import { outbox, users } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { renderSubscribeMessage, type OutboxPayload } from './templates.js'

/** Wait before the n-th retry: 30 s, 1 min, 2 min … capped at 6 h. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3600_000)
}

/** How long a claimed row is left alone while one dispatcher sends it. */
const LEASE_MS = 5 * 60_000

/**
 * Sends due outbox rows as WeChat subscribe messages. Rows are claimed by pushing their next
 * attempt into the future (SKIP LOCKED, so two dispatchers never take the same row), sent outside
 * any transaction, then marked sent, abandoned (WeChat says it can never be delivered) or
 * rescheduled with backoff. Nothing is lost when WeChat is down: the row waits.
 */
export async function dispatchOutbox(deps: Deps, limit = 50) {
  const { db } = deps.database
  const now = deps.now()
  const claimed = await db
    .update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
    .where(
      inArray(
        outbox.id,
        db
          .select({ id: outbox.id })
          .from(outbox)
          .where(
            and(eq(outbox.kind, 'wechat.subscribe'), isNull(outbox.sentAt), isNull(outbox.abandonedAt), lte(outbox.nextAttemptAt, now)),
          )
          .orderBy(outbox.nextAttemptAt)
          .limit(limit)
          .for('update', { skipLocked: true }),
      ),
    )
    .returning()
  const result = { sent: 0, failed: 0, abandoned: 0 }
  for (const row of claimed) {
    const [user] = row.userId ? await db.select({ openid: users.openid }).from(users).where(eq(users.id, row.userId)) : []
    if (!user?.openid) {
      await db.update(outbox).set({ abandonedAt: now, lastError: 'recipient has no WeChat openid' }).where(eq(outbox.id, row.id))
      result.abandoned++
      continue
    }
    try {
      const message = await renderSubscribeMessage(deps, row.payload as OutboxPayload)
      if (!message) {
        await db.update(outbox).set({ abandonedAt: now, lastError: 'what it was about no longer exists' }).where(eq(outbox.id, row.id))
        result.abandoned++
        continue
      }
      const outcome = await deps.wechat.sendSubscribeMessage({ openid: user.openid, ...message })
      if (outcome === 'sent') {
        await db.update(outbox).set({ sentAt: deps.now(), lastError: null }).where(eq(outbox.id, row.id))
        result.sent++
      } else {
        await db
          .update(outbox)
          .set({ abandonedAt: deps.now(), lastError: 'WeChat: not deliverable (no subscription)' })
          .where(eq(outbox.id, row.id))
        result.abandoned++
      }
    } catch (err) {
      await db
        .update(outbox)
        .set({
          nextAttemptAt: new Date(now.getTime() + backoffMs(row.attempts)),
          lastError: err instanceof Error ? err.message : String(err),
        })
        .where(eq(outbox.id, row.id))
      result.failed++
    }
  }
  return result
}
