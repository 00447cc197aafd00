import { and, desc, eq, gt, lt, sql } from 'drizzle-orm'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import type { BoardVoteView } from '../../domain/schemas/board.js'
import { voteRuleLabels } from '../../domain/votes/labels.js'
import { outcomeLabels, percent } from '../../domain/votes/tally.js'
import type { Db } from '../../db/client.js'
import { councilSessions, proposals } from '../../db/schema/index.js'

/**
 * The vote results of a community whose 公示 period overlaps the period (published before it ends,
 * public until after it starts), newest first, at most `limit` (all when undefined). Only the
 * stored tally: counts per option, never a ballot or a roll entry.
 */
export async function publishedVotes(
  db: Db,
  communityId: string,
  period: Period,
  now: Date,
  limit?: number,
): Promise<{ items: BoardVoteView[]; total: number }> {
  const query = db
    .select({
      id: proposals.id,
      title: proposals.title,
      session: councilSessions.title,
      rule: proposals.rule,
      result: proposals.result,
      publishedAt: proposals.publishedAt,
      publicUntil: proposals.publicUntil,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(proposals)
    .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
    .where(
      and(
        eq(proposals.communityId, communityId),
        eq(proposals.status, 'published'),
        lt(proposals.publishedAt, period.end),
        gt(proposals.publicUntil, period.start),
      ),
    )
    .orderBy(desc(proposals.publishedAt), desc(proposals.id))
  const rows = limit === undefined ? await query : await query.limit(limit)
  const items = rows.map((p): BoardVoteView => {
    const r = p.result!
    return {
      id: p.id,
      title: scrubText(p.title),
      session: p.session,
      ruleLabel: voteRuleLabels[p.rule],
      outcome: r.outcome,
      outcomeLabel: outcomeLabels[r.outcome],
      electorate: r.electorate.count,
      participants: r.participants.count,
      participation: percent(BigInt(r.participants.count), BigInt(r.electorate.count)),
      options: r.options.map((o) => ({ label: o.label, count: o.count, adopted: o.adopted })),
      publishedAt: p.publishedAt!.toISOString(),
      publicUntil: p.publicUntil!.toISOString(),
      inPublicity: p.publicUntil!.getTime() > now.getTime(),
    }
  })
  return { items, total: rows[0]?.total ?? 0 }
}
