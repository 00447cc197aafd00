import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { householdAddress } from '../../domain/labels.js'
import { can } from '../../domain/permissions.js'
import { isOwnerRule } from '../../domain/votes/kinds.js'
import { electorateKindLabels } from '../../domain/votes/labels.js'
import { availableVoteActions, checkBallotWindow } from '../../domain/votes/lifecycle.js'
import type { Db } from '../../db/client.js'
import type { TallyResult } from '../../domain/votes/tally.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import {
  buildings,
  councilSessions,
  councilTopics,
  proposals,
  type PhotoRow,
  units,
  voteBallots,
  type ProposalRow,
} from '../../db/schema/index.js'
import { readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { photoView } from '../photos/index.js'
import { ballotView, proposalFacts, resultView, toProposalSummary } from './views.js'
import { audienceSeeing, ballotGroupFields, tallyFrom } from './common.js'

/** The result a viewer may see: the stored one once closed, the running counts while open when the vote shows them. */
function visibleResult(p: ProposalRow, now: Date, running: TallyResult | null) {
  if ((p.status === 'closed' || p.status === 'published') && p.result) return resultView(p.result, p.result.computedAt, true)
  if (running && showsRunning(p, now)) return resultView(running, now.toISOString(), false)
  return null
}

/** An open vote that shows its running counts, once it has opened. */
const showsRunning = (p: ProposalRow, now: Date) => p.status === 'open' && p.liveResults && p.opensAt.getTime() <= now.getTime()

type Elector = {
  id: string
  householdId: string | null
  owner: boolean
  voted: boolean
  building: string | null
  unit: string | null
  room: string | null
}

/**
 * The viewer's places on the roll (none for a draft): their own row on a per-person vote, or the
 * rows of the households they are a verified resident of (an owner of any claim of it counts), with
 * whether each has voted and its address. Plain SQL: a union over the vote's unit (tables named in
 * db/schema/votes.ts, users.ts and communities.ts).
 */
function myPlaces(id: string, userId: string): SQL {
  const voted = sql`exists (select 1 from vote_ballots vb where vb.elector_id = e.id)`
  return sql`select json_build_object('id', x.id, 'householdId', x.household_id, 'owner', x.owner, 'voted', x.voted,
      'building', x.building, 'unit', x.unit, 'room', x.room) from (
    select e.id, e.household_id, false as owner, ${voted} as voted, null::text as building, null::text as unit,
      null::text as room, null::int as building_key, null::int as unit_key
    from vote_electors e join proposals p on p.id = e.proposal_id
    where e.proposal_id = ${id} and p.unit = 'resident' and p.status <> 'draft' and e.user_id = ${userId}
    union all
    select e.id, e.household_id, bool_or(rc.relation = 'owner'), ${voted}, b.name, un.name, h.room, b.sort_key, un.sort_key
    from residency_claims rc
    join vote_electors e on e.household_id = rc.household_id and e.proposal_id = ${id}
    join proposals p on p.id = e.proposal_id
    left join households h on h.id = e.household_id left join units un on un.id = h.unit_id left join buildings b on b.id = un.building_id
    where p.unit <> 'resident' and p.status <> 'draft' and rc.user_id = ${userId} and rc.status = 'verified'
    group by e.id, e.household_id, b.name, b.sort_key, un.name, un.sort_key, h.room) x
  order by x.building_key, x.building, x.unit_key, x.unit, length(x.room), x.room, x.id`
}

/**
 * Everything a vote's page shows, with the actor, in one statement (decision 039): the vote with its
 * topic, session and photos, the chosen buildings and units, the viewer's places on the roll and
 * ballot, the turnout and (while a vote shows running counts) the ballots grouped for the tally.
 */
function proposalParts(db: Db, id: string, userId: string) {
  const scopeIds = (key: 'buildingIds' | 'unitIds') =>
    sql`(select (jsonb_array_elements_text(sp.scope -> ${key}))::uuid from proposals sp where sp.id = ${id})`
  return {
    proposal: firstOf(
      db
        .select({ r: detailShape.object })
        .from(proposals)
        .leftJoin(councilTopics, eq(councilTopics.id, proposals.topicId))
        .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
        .where(eq(proposals.id, id)),
    ),
    buildings: allOf(
      db
        .select({ r: buildingShape.object })
        .from(buildings)
        .where(inArray(buildings.id, scopeIds('buildingIds')))
        .orderBy(asc(buildings.sortKey)),
    ),
    units: allOf(
      db
        .select({ r: unitShape.object })
        .from(units)
        .innerJoin(buildings, eq(buildings.id, units.buildingId))
        .where(inArray(units.id, scopeIds('unitIds')))
        .orderBy(asc(buildings.sortKey), asc(units.sortKey)),
    ),
    electors: allOf(myPlaces(id, userId)) as SQL<Elector[]>,
    own: firstOf(
      db
        .select({ r: ballotShape.object })
        .from(voteBallots)
        .where(and(eq(voteBallots.proposalId, id), eq(voteBallots.castBy, userId)))
        .limit(1),
    ),
    turnout: sql<number>`(select count(*)::int from vote_ballots where proposal_id = ${id})`,
    groups: runningGroups(db, id),
  }
}

/** The ballots grouped for the tally, read only while the vote is open and shows running counts. */
function runningGroups(db: Db, id: string) {
  return allOf(
    db
      .select({ r: groupShape.object })
      .from(voteBallots)
      .where(
        and(
          eq(voteBallots.proposalId, id),
          sql`exists (select 1 from proposals lp where lp.id = ${id} and lp.status = 'open' and lp.live_results)`,
        ),
      )
      .groupBy(voteBallots.choices),
  )
}

const detailShape = jsonShape({
  p: proposals,
  topicTitle: councilTopics.title,
  sessionTitle: councilSessions.title,
  sessionStartsAt: councilSessions.startsAt,
  // Plain SQL: a correlated subquery needs the outer column qualified (tables in db/schema/votes.ts, photos.ts).
  photos: sql<Pick<PhotoRow, 'id' | 'url' | 'width' | 'height' | 'moderation'>[]>`coalesce((
    select json_agg(json_build_object('id', ph.id, 'url', ph.url, 'width', ph.width, 'height', ph.height,
      'moderation', ph.moderation) order by pp.position)
    from proposal_photos pp join photos ph on ph.id = pp.photo_id where pp.proposal_id = "proposals"."id"), '[]'::json)`,
})
const buildingShape = jsonShape({ id: buildings.id, name: buildings.name })
const unitShape = jsonShape({ id: units.id, unit: units.name, building: buildings.name })
const ballotShape = jsonShape({ electorId: voteBallots.electorId, choices: voteBallots.choices, createdAt: voteBallots.createdAt })
const groupShape = jsonShape(ballotGroupFields)
const proposalShape = jsonShape({ p: proposals })

/** A vote's page as the viewer may see it (404 for a draft to a resident, or for someone of another community). */
export async function getProposal(deps: Deps, userId: string, id: string) {
  const { db } = deps.database
  const now = deps.now()
  const read = await readSignedIn(db, userId, proposalParts(db, id, userId))
  const { actor } = read
  if (!read.proposal) throw new AppError('NOT_FOUND', '表决不存在')
  const { p, photos, ...refs } = detailShape.decode(read.proposal)
  const staff = audienceSeeing(actor, p) === 'staff'
  const electors = read.electors
  const own = read.own ? ballotShape.decode(read.own) : null
  const voted = new Set(electors.filter((e) => e.voted).map((e) => e.id))
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
  const turnout = showCounts && p.electorateCount !== null ? { participants: Number(read.turnout), electorate: p.electorateCount } : null
  return {
    ...toProposalSummary(p, refs, !!myBallot || householdVoted, now),
    ...proposalFacts(p),
    photos: photos.map((ph) => photoView(ph, staff)),
    electorate: {
      kind: p.electorateKind,
      label: electorateKindLabels[p.electorateKind],
      buildings: p.scope.buildingIds.length ? read.buildings.map(buildingShape.decode) : [],
      units: p.scope.unitIds.length ? read.units.map(unitShape.decode).map((u) => ({ id: u.id, name: `${u.building} ${u.unit}` })) : [],
      size: p.electorateCount,
    },
    turnout,
    result: visibleResult(p, now, showsRunning(p, now) ? tallyFrom(p, read.groups.map(groupShape.decode)) : null),
    viewer: {
      voted: !!myBallot || householdVoted,
      inElectorate,
      canVote: blocked === null,
      voteBlockedReason: blocked,
      myBallot,
      householdVoted,
      households:
        p.unit === 'household' ? electors.map((e) => ({ id: e.householdId!, label: householdLabel(e), voted: voted.has(e.id) })) : [],
      actions: staff ? availableVoteActions(p, now) : [],
    },
  }
}

function householdLabel(e: Elector): string {
  return e.building !== null && e.unit !== null && e.room !== null
    ? householdAddress({ building: e.building, unit: e.unit, room: e.room })
    : ''
}

export async function getResult(deps: Deps, userId: string, id: string) {
  const { db } = deps.database
  const read = await readSignedIn(db, userId, {
    proposal: firstOf(db.select({ r: proposalShape.object }).from(proposals).where(eq(proposals.id, id))),
    groups: runningGroups(db, id),
  })
  if (!read.proposal) throw new AppError('NOT_FOUND', '表决不存在')
  const { p } = proposalShape.decode(read.proposal)
  audienceSeeing(read.actor, p)
  const now = deps.now()
  const result = visibleResult(p, now, showsRunning(p, now) ? tallyFrom(p, read.groups.map(groupShape.decode)) : null)
  if (!result) {
    throw new AppError('RESULT_NOT_READY', p.status === 'cancelled' ? '这次表决已取消，没有结果' : '投票结束后才公布结果')
  }
  return result
}
