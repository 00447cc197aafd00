import { and, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm'
import { trackingStatusLabels } from '../../domain/board/open-data.js'
import { responsiblePartyLabels } from '../../domain/councils/kinds.js'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import type { BoardResolutionView } from '../../domain/schemas/board.js'
import type { Db } from '../../db/client.js'
import { concerns, councilSessions, councilTopics } from '../../db/schema/index.js'

/**
 * ┌──────────────────────────────────────────────────────────────────────────────────────────┐
 * │ THE ONE PLACE the 公示栏 and the open data read council resolutions from.                   │
 * │ Today: the resolutions recorded on council_topics; the progress is all they tell — 已完成 │
 * │ when the linked concern is resolved, else 进行中, no percentage. When the tracked items    │
 * │ (决议跟踪) land, point this function at their exported read function: same arguments,      │
 * │ same reply (status, progress, the approved proposals too). Nothing else needs to change.  │
 * └──────────────────────────────────────────────────────────────────────────────────────────┘
 *
 * The resolutions of a community decided in the period, newest first, at most `limit` (all when
 * undefined), with how many there are. The topic's title is scrubbed of rooms and phones; the
 * responsible party is an organisation, never a resident.
 */
export async function boardResolutions(
  db: Db,
  communityId: string,
  period: Period,
  limit?: number,
): Promise<{ items: BoardResolutionView[]; total: number }> {
  const query = db
    .select({
      id: councilTopics.id,
      title: councilTopics.title,
      text: councilTopics.resolutionText,
      party: councilTopics.resolutionParty,
      partyName: councilTopics.resolutionName,
      deadline: councilTopics.resolutionDeadline,
      decidedAt: councilTopics.resolvedAt,
      session: councilSessions.title,
      startsAt: councilSessions.startsAt,
      concernStatus: concerns.status,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(councilTopics)
    .innerJoin(councilSessions, eq(councilSessions.id, councilTopics.sessionId))
    .leftJoin(concerns, eq(concerns.id, councilTopics.concernId))
    .where(
      and(
        eq(councilTopics.communityId, communityId),
        isNotNull(councilTopics.resolvedAt),
        gte(councilTopics.resolvedAt, period.start),
        lt(councilTopics.resolvedAt, period.end),
      ),
    )
    .orderBy(desc(councilTopics.resolvedAt), desc(councilTopics.id))
  const rows = limit === undefined ? await query : await query.limit(limit)
  const items = rows.map((r): BoardResolutionView => {
    const done = r.concernStatus === 'resolved' || r.concernStatus === 'closed'
    const status = done ? 'done' : 'in_progress'
    return {
      id: r.id,
      topic: scrubText(r.title),
      text: scrubText(r.text ?? ''),
      party: r.party!,
      partyName: r.partyName,
      partyLabel: `${responsiblePartyLabels[r.party!]}${r.partyName ? `（${r.partyName}）` : ''}`,
      deadline: r.deadline!.toISOString(),
      decidedAt: r.decidedAt!.toISOString(),
      session: { title: r.session, startsAt: r.startsAt.toISOString() },
      status,
      statusLabel: trackingStatusLabels[status],
      progress: done ? 100 : null,
    }
  })
  return { items, total: rows[0]?.total ?? 0 }
}
