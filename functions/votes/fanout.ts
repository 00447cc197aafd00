import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { outbox, proposals, type ProposalRow } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { tellAboutVote } from './common.js'
import { electorateUserIds } from './roll.js'

/**
 * Telling a vote's electorate (the result, the reminder the day before it closes). A roll of up to
 * INLINE_NOTICE_MAX is told inside the caller's transaction, as before. A larger one (a street's
 * 100 000 households) would hold the close for seconds, so the caller's transaction only queues a
 * fan-out (an outbox row of kind `vote.notice`) and the scheduled job tells the roll in batches,
 * each batch and its cursor in one transaction: every person is told exactly once, and no request
 * or job run does more than a bounded amount of work, whatever the roll.
 */
export const INLINE_NOTICE_MAX = 2_000
export const FANOUT_KIND = 'vote.notice'
const LEASE_MS = 5 * 60_000

export interface VoteNotice {
  notVotedOnly: boolean
  title: string
  body: string
  statusLabel: string
}

interface FanOutPayload extends VoteNotice {
  proposalId: string
  at: string
  /** The last user id told; the next batch starts after it. */
  after: string | null
  told: number
}

/** Tells (or queues telling) the electorate; returns how many were told now. */
export async function tellElectorate(tx: Tx, p: ProposalRow, notice: VoteNotice, now: Date): Promise<number> {
  if ((p.electorateCount ?? 0) <= INLINE_NOTICE_MAX) {
    const userIds = await electorateUserIds(tx, p, notice.notVotedOnly)
    await tellAboutVote(tx, p, userIds, notice.title, notice.body, notice.statusLabel, now)
    return userIds.length
  }
  const payload: FanOutPayload = { ...notice, proposalId: p.id, at: now.toISOString(), after: null, told: 0 }
  await tx.insert(outbox).values({ kind: FANOUT_KIND, payload: { ...payload }, nextAttemptAt: now })
  return 0
}

/**
 * The scheduled part: takes queued fan-outs one at a time (a lease, SKIP LOCKED, so two runs never
 * share one) and tells `batch` people per transaction until the fan-out is done or `budgetMs` is
 * spent; an unfinished one waits for the next run (its lease is given back). Returns how many were told.
 */
export async function sendQueuedVoteNotices(deps: Deps, { batch = 2_000, budgetMs = 5_000 } = {}): Promise<number> {
  const { db } = deps.database
  const started = Date.now()
  const spent = () => Date.now() - started >= budgetMs
  let told = 0
  for (;;) {
    const now = deps.now()
    const [row] = await db
      .update(outbox)
      .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS), attempts: sql`${outbox.attempts} + 1` })
      .where(
        sql`${outbox.id} = (select id from outbox where kind = ${FANOUT_KIND} and sent_at is null and abandoned_at is null
          and next_attempt_at <= ${now} order by next_attempt_at limit 1 for update skip locked)`,
      )
      .returning({ id: outbox.id })
    if (!row) return told
    // At least one batch per run, however small the budget.
    let done = false
    do {
      const n = await tellNextBatch(deps, row.id, batch)
      told += n.told
      done = n.done
    } while (!done && !spent())
    if (!done) {
      // Back in the queue at once for the next run, from where it stopped.
      await db.update(outbox).set({ nextAttemptAt: deps.now() }).where(eq(outbox.id, row.id))
      return told
    }
    if (spent()) return told
  }
}

/** One batch of a fan-out and its cursor, in one transaction. */
async function tellNextBatch(deps: Deps, rowId: string, batch: number): Promise<{ told: number; done: boolean }> {
  return deps.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(outbox)
      .where(and(eq(outbox.id, rowId), isNull(outbox.sentAt)))
      .for('update')
    if (!row) return { told: 0, done: true }
    const f = row.payload as unknown as FanOutPayload
    const [p] = await tx.select().from(proposals).where(eq(proposals.id, f.proposalId))
    const userIds = p ? await electorateUserIds(tx, p, f.notVotedOnly, { after: f.after, limit: batch }) : []
    if (p && userIds.length) await tellAboutVote(tx, p, userIds, f.title, f.body, f.statusLabel, new Date(f.at))
    const done = userIds.length < batch
    const next: FanOutPayload = { ...f, after: userIds.at(-1) ?? f.after, told: f.told + userIds.length }
    await tx
      .update(outbox)
      .set({ payload: { ...next }, sentAt: done ? deps.now() : null, lastError: null })
      .where(eq(outbox.id, rowId))
    return { told: userIds.length, done }
  })
}
