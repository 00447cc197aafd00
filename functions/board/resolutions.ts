import { and, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm'
import { responsiblePartyLabels } from '../../domain/councils/kinds.js'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import type { BoardResolutionView } from '../../domain/schemas/board.js'
import { trackedStatusLabels } from '../../domain/tracking/items.js'
import type { Db } from '../../db/client.js'
import { concerns, councilSessions, councilTopics, trackedItems } from '../../db/schema/index.js'

/**
 * The one place the 公示栏 and the open data read council resolutions from: each with the status
 * and progress of its tracked item (决议跟踪; decision 025) — or, for a resolution without one,
 * 已完成 when its linked concern is resolved, else 进行中.
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
      trackedStatus: trackedItems.status,
      trackedProgress: trackedItems.progress,
      total: sql<number>`(count(*) over ())::int`,
    })
    .from(councilTopics)
    .innerJoin(councilSessions, eq(councilSessions.id, councilTopics.sessionId))
    .leftJoin(concerns, eq(concerns.id, councilTopics.concernId))
    .leftJoin(trackedItems, eq(trackedItems.topicId, councilTopics.id))
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
    const status = r.trackedStatus ?? (done ? 'done' : 'in_progress')
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
      statusLabel: trackedStatusLabels[status],
      progress: r.trackedProgress ?? (done ? 100 : null),
    }
  })
  return { items, total: rows[0]?.total ?? 0 }
}
