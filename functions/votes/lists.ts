import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { householdAddress } from '../../domain/labels.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { ParticipationQuery, ProposalsQuery } from '../../domain/schemas/votes.js'
import {
  buildings,
  councilSessions,
  councilTopics,
  households,
  proposals,
  residencyClaims,
  units,
  users,
  voteBallots,
  voteElectors,
} from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { afterCursor, encodeCursor, toPage } from '../http/cursor.js'
import { AppError } from '../http/errors.js'
import { toProposalSummary } from './views.js'
import { audienceIn, visibleProposal } from './common.js'
import { turnoutOf } from './read.js'

/** A community's votes, newest first (keyset on created_at, id); residents do not see drafts. */
export async function listProposals(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof ProposalsQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const audience = audienceIn(actor, communityId)
  if (audience === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看表决')
  const conditions = [
    eq(proposals.communityId, communityId),
    audience === 'member' ? ne(proposals.status, 'draft') : undefined,
    q.status ? eq(proposals.status, q.status) : undefined,
    q.topicId ? eq(proposals.topicId, q.topicId) : undefined,
    afterCursor(q.cursor, { at: proposals.createdAt, id: proposals.id }, 'desc'),
  ].filter(Boolean) as SQL[]
  const rows = await db
    .select({
      p: proposals,
      topicTitle: councilTopics.title,
      sessionTitle: councilSessions.title,
      sessionStartsAt: councilSessions.startsAt,
    })
    .from(proposals)
    .leftJoin(councilTopics, eq(councilTopics.id, proposals.topicId))
    .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
    .where(and(...conditions))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .limit(q.limit + 1)
  const ids = rows.slice(0, q.limit).map((r) => r.p.id)
  const voted = new Set<string>()
  if (ids.length) {
    const mineHouseholds = db
      .select({ id: residencyClaims.householdId })
      .from(residencyClaims)
      .where(and(eq(residencyClaims.userId, actor.userId), eq(residencyClaims.status, 'verified')))
    const hits = await db
      .selectDistinct({ proposalId: voteBallots.proposalId })
      .from(voteBallots)
      .innerJoin(voteElectors, eq(voteElectors.id, voteBallots.electorId))
      .where(
        and(
          inArray(voteBallots.proposalId, ids),
          or(eq(voteBallots.castBy, actor.userId), inArray(voteElectors.householdId, mineHouseholds)),
        ),
      )
    for (const h of hits) voted.add(h.proposalId)
  }
  return toPage(
    rows.map((r) => Object.assign(r, { createdAt: r.p.createdAt, id: r.p.id })),
    q.limit,
    (r) => toProposalSummary(r.p, r, voted.has(r.p.id), now),
  )
}

/** Who (which households) have voted, in roll order — never how, nor when. Staff only. */
export async function listParticipation(deps: Deps, actor: Actor, id: string, q: z.output<typeof ParticipationQuery>) {
  const { db } = deps.database
  const { p } = await visibleProposal(db, actor, id)
  if (!can(actor, 'vote.viewParticipation', p)) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以查看投票情况')
  const rows = await db
    .select({
      id: voteElectors.id,
      nickname: users.nickname,
      room: households.room,
      unit: units.name,
      building: buildings.name,
      ballotId: voteBallots.id,
    })
    .from(voteElectors)
    .leftJoin(voteBallots, eq(voteBallots.electorId, voteElectors.id))
    .leftJoin(users, eq(users.id, voteElectors.userId))
    .leftJoin(households, eq(households.id, voteElectors.householdId))
    .leftJoin(units, eq(units.id, households.unitId))
    .leftJoin(buildings, eq(buildings.id, units.buildingId))
    .where(
      and(
        eq(voteElectors.proposalId, id),
        q.voted === 'yes' ? isNotNull(voteBallots.id) : q.voted === 'no' ? isNull(voteBallots.id) : undefined,
        afterCursor(q.cursor, { id: voteElectors.id }, 'asc'),
      ),
    )
    .orderBy(asc(voteElectors.id))
    .limit(q.limit + 1)
  const items = rows.slice(0, q.limit)
  const last = items.at(-1)
  return {
    electorate: p.electorateCount ?? 0,
    participants: p.status === 'draft' ? 0 : await turnoutOf(db, p),
    items: items.map((r) => ({
      electorId: r.id,
      label: r.nickname ?? (r.room && r.unit && r.building ? householdAddress({ building: r.building, unit: r.unit, room: r.room }) : ''),
      voted: r.ballotId !== null,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: null, id: last.id }) : null,
  }
}
