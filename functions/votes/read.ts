import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { householdAddress } from '../../domain/labels.js'
import { can, type Actor } from '../../domain/permissions.js'
import { isOwnerRule } from '../../domain/votes/kinds.js'
import { electorateKindLabels } from '../../domain/votes/labels.js'
import { availableVoteActions, checkBallotWindow } from '../../domain/votes/lifecycle.js'
import type { Db } from '../../db/client.js'
import {
  buildings,
  councilSessions,
  councilTopics,
  households,
  proposals,
  type PhotoRow,
  units,
  voteBallots,
  type ProposalRow,
} from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { photoView } from '../photos/index.js'
import { myElectors } from './roll.js'
import { ballotView, proposalFacts, resultView, toProposalSummary } from './views.js'
import { visibleProposal, tallyOf } from './common.js'

export async function turnoutOf(db: Db, p: ProposalRow): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(voteBallots).where(eq(voteBallots.proposalId, p.id))
  return row?.n ?? 0
}

/** The result a viewer may see: the stored one once closed, the running counts while open when the vote shows them. */
async function visibleResult(db: Db, p: ProposalRow, now: Date) {
  if ((p.status === 'closed' || p.status === 'published') && p.result) return resultView(p.result, p.result.computedAt, true)
  if (p.status === 'open' && p.liveResults && p.opensAt.getTime() <= now.getTime())
    return resultView(await tallyOf(db, p), now.toISOString(), false)
  return null
}

export async function getProposal(deps: Deps, actor: Actor, id: string) {
  const { db } = deps.database
  const now = deps.now()
  const { p, audience } = await visibleProposal(db, actor, id)
  const staff = audience === 'staff'
  const [[refs], buildingRows, unitRows, electors, [own]] = await Promise.all([
    db
      .select({
        topicTitle: councilTopics.title,
        sessionTitle: councilSessions.title,
        sessionStartsAt: councilSessions.startsAt,
        // Plain SQL: drizzle leaves columns unqualified inside a sql template (tables in db/schema/votes.ts, photos.ts).
        photos: sql<Pick<PhotoRow, 'id' | 'url' | 'width' | 'height' | 'moderation'>[]>`coalesce((
          select json_agg(json_build_object('id', ph.id, 'url', ph.url, 'width', ph.width, 'height', ph.height,
            'moderation', ph.moderation) order by pp.position)
          from proposal_photos pp join photos ph on ph.id = pp.photo_id where pp.proposal_id = proposals.id), '[]'::json)`,
      })
      .from(proposals)
      .leftJoin(councilTopics, eq(councilTopics.id, proposals.topicId))
      .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
      .where(eq(proposals.id, id)),
    p.scope.buildingIds.length
      ? db
          .select({ id: buildings.id, name: buildings.name })
          .from(buildings)
          .where(inArray(buildings.id, p.scope.buildingIds))
          .orderBy(asc(buildings.sortKey))
      : Promise.resolve([]),
    p.scope.unitIds.length
      ? db
          .select({ id: units.id, unit: units.name, building: buildings.name })
          .from(units)
          .innerJoin(buildings, eq(buildings.id, units.buildingId))
          .where(inArray(units.id, p.scope.unitIds))
          .orderBy(asc(buildings.sortKey), asc(units.sortKey))
      : Promise.resolve([]),
    p.status === 'draft' ? Promise.resolve([]) : myElectors(db, p, actor.userId),
    db
      .select()
      .from(voteBallots)
      .where(and(eq(voteBallots.proposalId, id), eq(voteBallots.castBy, actor.userId)))
      .limit(1),
  ])
  const voted = new Set(electors.filter((e) => e.voted).map((e) => e.id))
  const labels = await householdLabels(
    db,
    electors.map((e) => e.householdId).filter((h): h is string => !!h),
  )
  const ownElector = own ? electors.find((e) => e.id === own.electorId) : undefined
  const myBallot = own ? ballotView(p, own, ownElector?.householdId ?? null) : null
  const householdVoted = p.unit === 'household' && electors.some((e) => voted.has(e.id))
  const inElectorate = electors.length > 0
  const eligible = isOwnerRule(p.rule) ? electors.filter((e) => e.owner) : electors
  const window = checkBallotWindow(p, now)
  const blocked = !can(actor, 'vote.cast', p)
    ? '认证本社区的房屋后才能投票'
    : !window.ok
      ? window.message
      : !inElectorate
        ? '您不在这次表决的投票范围内'
        : !eligible.length
          ? '业主表决只能由认证为业主的居民投票'
          : eligible.every((e) => voted.has(e.id))
            ? p.unit === 'household' && !myBallot
              ? '您家已有成员投过票了（每户一票）'
              : '您已经投过票了'
            : null
  const showCounts =
    p.status !== 'draft' && p.status !== 'cancelled' && (staff || p.liveResults || p.status === 'closed' || p.status === 'published')
  const turnout = showCounts && p.electorateCount !== null ? { participants: await turnoutOf(db, p), electorate: p.electorateCount } : null
  return {
    ...toProposalSummary(p, refs ?? { topicTitle: null, sessionTitle: null, sessionStartsAt: null }, !!myBallot || householdVoted, now),
    ...proposalFacts(p),
    photos: (refs?.photos ?? []).map((ph) => photoView(ph, staff)),
    electorate: {
      kind: p.electorateKind,
      label: electorateKindLabels[p.electorateKind],
      buildings: buildingRows,
      units: unitRows.map((u) => ({ id: u.id, name: `${u.building} ${u.unit}` })),
      size: p.electorateCount,
    },
    turnout,
    result: await visibleResult(db, p, now),
    viewer: {
      voted: !!myBallot || householdVoted,
      inElectorate,
      canVote: blocked === null,
      voteBlockedReason: blocked,
      myBallot,
      householdVoted,
      households:
        p.unit === 'household'
          ? electors.map((e) => ({ id: e.householdId!, label: labels.get(e.householdId!) ?? '', voted: voted.has(e.id) }))
          : [],
      actions: staff ? availableVoteActions(p, now) : [],
    },
  }
}

async function householdLabels(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map()
  const rows = await db
    .select({ id: households.id, room: households.room, unit: units.name, building: buildings.name })
    .from(households)
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(inArray(households.id, ids))
  return new Map(rows.map((r) => [r.id, householdAddress(r)]))
}

export async function getResult(deps: Deps, actor: Actor, id: string) {
  const { db } = deps.database
  const { p } = await visibleProposal(db, actor, id)
  const result = await visibleResult(db, p, deps.now())
  if (!result) {
    throw new AppError('RESULT_NOT_READY', p.status === 'cancelled' ? '这次表决已取消，没有结果' : '投票结束后才公布结果')
  }
  return result
}
