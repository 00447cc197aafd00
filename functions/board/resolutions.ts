import { and, desc, eq, gte, isNotNull, lt, type SQL, sql } from 'drizzle-orm'
import { responsiblePartyLabels } from '../../domain/councils/kinds.js'
import type { Period } from '../../domain/kpis/period.js'
import { scrubText } from '../../domain/ledgers/kinds.js'
import type { BoardResolutionView } from '../../domain/schemas/board.js'
import { trackedStatusLabels } from '../../domain/tracking/items.js'
import type { Db } from '../../db/client.js'
import { concerns, councilSessions, councilTopics, trackedItems } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'

const resolutionShape = jsonShape({
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
  total: sql<number>`(count(*) over ())::int`.mapWith(Number),
})
/** A row as `resolutionShape` decodes it, the left-joined columns nullable (its type leaves that out). */
type ResolutionRow = Omit<ReturnType<typeof resolutionShape.decode>, 'concernStatus' | 'trackedStatus' | 'trackedProgress'> & {
  concernStatus: ReturnType<typeof resolutionShape.decode>['concernStatus'] | null
  trackedStatus: ReturnType<typeof resolutionShape.decode>['trackedStatus'] | null
  trackedProgress: number | null
}

/** The resolutions of a community decided in the period. */
function decidedIn(communityId: string, period: Period) {
  return and(
    eq(councilTopics.communityId, communityId),
    isNotNull(councilTopics.resolvedAt),
    gte(councilTopics.resolvedAt, period.start),
    lt(councilTopics.resolvedAt, period.end),
  )
}

/**
 * The one place the 公示栏 and the open data read council resolutions from: each with the status
 * and progress of its tracked item (决议跟踪; decision 025) — or, for a resolution without one,
 * 已完成 when its linked concern is resolved, else 进行中.
 *
 * The resolutions of a community decided in the period, newest first, with how many there are.
 * The topic's title is scrubbed of rooms and phones; the responsible party is an organisation,
 * never a resident.
 */
function resolutionsQuery(db: Db, communityId: string, period: Period) {
  return db
    .select({ r: resolutionShape.object })
    .from(councilTopics)
    .innerJoin(councilSessions, eq(councilSessions.id, councilTopics.sessionId))
    .leftJoin(concerns, eq(concerns.id, councilTopics.concernId))
    .leftJoin(trackedItems, eq(trackedItems.topicId, councilTopics.id))
    .where(decidedIn(communityId, period))
    .orderBy(desc(councilTopics.resolvedAt), desc(councilTopics.id))
}

/** The newest `limit` resolutions as a part of the board's one statement (decision 039). */
export function boardResolutionsPart(db: Db, communityId: string, period: Period, limit: number): SQL<unknown[]> {
  return allOf(resolutionsQuery(db, communityId, period).limit(limit))
}

/** All of the period's resolutions as a part of the open data's one statement. */
export function allResolutionsPart(db: Db, communityId: string, period: Period): SQL<unknown[]> {
  return allOf(resolutionsQuery(db, communityId, period))
}

/** `boardResolutionsPart`'s rows as the board shows them. */
export function boardResolutionsFrom(values: unknown[]): { items: BoardResolutionView[]; total: number } {
  return resolutionsOf(values.map(resolutionShape.decode))
}

function resolutionsOf(rows: ResolutionRow[]): { items: BoardResolutionView[]; total: number } {
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
