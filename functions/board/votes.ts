import { and, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import type { BoardVoteView } from '../../domain/schemas/board.js'
import { voteRuleLabels } from '../../domain/votes/labels.js'
import { outcomeLabels, percent } from '../../domain/votes/tally.js'
import type { Db } from '../../db/client.js'
import { councilSessions, proposals } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'

const voteShape = jsonShape({
  id: proposals.id,
  title: proposals.title,
  session: councilSessions.title,
  rule: proposals.rule,
  result: proposals.result,
  publishedAt: proposals.publishedAt,
  publicUntil: proposals.publicUntil,
  total: sql<number>`(count(*) over ())::int`.mapWith(Number),
})
/** A row as `voteShape` decodes it, the left-joined session nullable (its type leaves that out). */
type VoteRow = Omit<ReturnType<typeof voteShape.decode>, 'session'> & { session: string | null }

/** Published votes of the community whose 公示 overlaps the period: published before it ends, public until after it starts. */
function inPublicity(communityId: string, period: Period) {
  return and(
    eq(proposals.communityId, communityId),
    eq(proposals.status, 'published'),
    lt(proposals.publishedAt, period.end),
    gt(proposals.publicUntil, period.start),
  )
}

/**
 * The vote results of a community whose 公示 period overlaps the period, newest first, with how
 * many there are. Only the stored tally: counts per option, never a ballot or a roll entry.
 */
function votesQuery(db: Db, communityId: string, period: Period) {
  return db
    .select({ r: voteShape.object })
    .from(proposals)
    .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
    .where(inPublicity(communityId, period))
    .orderBy(desc(proposals.publishedAt), desc(proposals.id))
}

/** The newest `limit` as a part of the board's one statement (decision 039). */
export function publishedVotesPart(db: Db, communityId: string, period: Period, limit: number): SQL<unknown[]> {
  return allOf(votesQuery(db, communityId, period).limit(limit))
}

/** All of them as a part of the open data's one statement. */
export function allPublishedVotesPart(db: Db, communityId: string, period: Period): SQL<unknown[]> {
  return allOf(votesQuery(db, communityId, period))
}

/** `publishedVotesPart`'s rows as the board shows them. */
export function publishedVotesFrom(values: unknown[], now: Date): { items: BoardVoteView[]; total: number } {
  return votesOf(values.map(voteShape.decode), now)
}

function votesOf(rows: VoteRow[], now: Date): { items: BoardVoteView[]; total: number } {
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
