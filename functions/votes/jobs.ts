import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import { proposals } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { tellElectorate } from './fanout.js'
import { closeVote } from './close.js'

/** Closes every open vote whose closing time has passed (each in its own transaction). */
export async function closeDueVotes(deps: Deps, batch = 100): Promise<number> {
  const { db } = deps.database
  const due = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.status, 'open'), lte(proposals.closesAt, deps.now())))
    .orderBy(asc(proposals.closesAt))
    .limit(batch)
  let closed = 0
  for (const { id } of due) {
    // One vote that cannot be closed (logged) does not hold up the others or the rest of the job.
    try {
      if (await closeVote(deps, id, { actor: null, role: 'system' })) closed++
    } catch (err) {
      deps.logger.error({ err, proposalId: id }, 'votes: closing a due vote failed')
    }
  }
  return closed
}

/**
 * The day before a vote closes, reminds those on the roll who have not voted yet. Claimed by the
 * conditional update that sets `reminded_at`, so it goes out once even with two schedulers.
 */
export async function remindVoters(deps: Deps, hoursBefore = 24): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  const until = new Date(now.getTime() + hoursBefore * 3600_000)
  return db.transaction(async (tx) => {
    const due = await tx
      .update(proposals)
      .set({ remindedAt: now })
      .where(
        and(
          eq(proposals.status, 'open'),
          isNull(proposals.remindedAt),
          lte(proposals.opensAt, now),
          gt(proposals.closesAt, now),
          lte(proposals.closesAt, until),
          // A vote announced less than a day before it closes needs no second message.
          sql`${proposals.openedAt} < ${proposals.closesAt} - make_interval(hours => ${hoursBefore})`,
        ),
      )
      .returning()
    let n = 0
    for (const p of due) {
      const notice = {
        notVotedOnly: true,
        title: `表决明天截止：${p.title}`,
        body: `投票将于 ${chinaTimeLabel(p.closesAt)} 截止，您还没有投票`,
        statusLabel: '即将截止',
      }
      n += await tellElectorate(tx, p, notice, now)
    }
    return n
  })
}
