import { and, desc, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { householdAddress } from '../../domain/labels.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { ParticipationQuery, ProposalsQuery } from '../../domain/schemas/votes.js'
import { councilSessions, councilTopics, proposals, residencyClaims, voteBallots, voteElectors } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { afterCursor, decodeCursor, encodeCursor, toPage } from '../http/cursor.js'
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

/**
 * Who (which households) have voted — never how, nor when. Staff only. In roll order, as a paper
 * roll is read: building, unit, room (rooms as numbers: 302 before 1001), then name; a resident's
 * place is their verified home here. Keyset on that order: the cursor names the last elector and
 * the page continues after its position (the roll is fixed once the vote opens).
 */
export async function listParticipation(deps: Deps, actor: Actor, id: string, q: z.output<typeof ParticipationQuery>) {
  const { db } = deps.database
  const { p } = await visibleProposal(db, actor, id)
  if (!can(actor, 'vote.viewParticipation', p)) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以查看投票情况')
  const after = q.cursor ? decodeCursor(q.cursor) : null
  if (after?.at)
    throw new AppError('VALIDATION_FAILED', '分页参数「cursor」无效，请从第一页重新加载', { fields: [{ path: 'cursor', message: '无效' }] })
  const voted = q.voted === 'yes' ? sql`and voted` : q.voted === 'no' ? sql`and not voted` : sql``
  const result = (await db.execute(sql`
    with roll as (
      select e.id, u.nickname, h.room, un.name as unit, b.name as building,
        exists (select 1 from vote_ballots vb where vb.elector_id = e.id) as voted,
        row_number() over (
          order by b.sort_key nulls last, b.name, un.sort_key, un.name, length(h.room), h.room, u.nickname, e.id
        ) as pos
      from vote_electors e
      left join users u on u.id = e.user_id
      left join households h on h.id = coalesce(e.household_id, (
        select c.household_id from residency_claims c
        where c.user_id = e.user_id and c.community_id = ${p.communityId} and c.status = 'verified'
        order by c.created_at, c.id limit 1))
      left join units un on un.id = h.unit_id
      left join buildings b on b.id = un.building_id
      where e.proposal_id = ${id}
    )
    select id, nickname, room, unit, building, voted from roll
    where pos > coalesce((select pos from roll where id = ${after?.id ?? null}), 0) ${voted}
    order by pos
    limit ${q.limit + 1}
  `)) as unknown as {
    rows: Array<{ id: string; nickname: string | null; room: string | null; unit: string | null; building: string | null; voted: boolean }>
  }
  const rows = result.rows
  const items = rows.slice(0, q.limit)
  const last = items.at(-1)
  return {
    electorate: p.electorateCount ?? 0,
    participants: p.status === 'draft' ? 0 : await turnoutOf(db, p),
    items: items.map((r) => ({
      electorId: r.id,
      label: r.nickname ?? (r.room && r.unit && r.building ? householdAddress({ building: r.building, unit: r.unit, room: r.room }) : ''),
      voted: r.voted,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: null, id: last.id }) : null,
  }
}
