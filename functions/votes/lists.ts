import { and, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { householdAddress } from '../../domain/labels.js'
import { can } from '../../domain/permissions.js'
import type { ParticipationQuery, ProposalsQuery } from '../../domain/schemas/votes.js'
import { councilSessions, councilTopics, proposals } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { isStaffSql, readSignedIn } from '../communities/index.js'
import { afterCursorChecked, decodeCursor, encodeCursor, toPage } from '../http/cursor.js'
import { AppError } from '../http/errors.js'
import { toProposalSummary } from './views.js'
import { audienceIn } from './common.js'

/**
 * Whether the person (or a household they are a verified resident of) has voted on the vote of the
 * row, as a SQL value. Plain SQL: a correlated subquery needs the outer column qualified
 * (tables named in db/schema/votes.ts and users.ts).
 */
function votedBy(userId: string): SQL<boolean> {
  return sql<boolean>`exists (select 1 from vote_ballots vb join vote_electors ve on ve.id = vb.elector_id
    where vb.proposal_id = "proposals"."id" and (vb.cast_by = ${userId} or ve.household_id in (
      select rc.household_id from residency_claims rc where rc.user_id = ${userId} and rc.status = 'verified')))`
}

/**
 * A community's votes, newest first (keyset on created_at, id); residents do not see drafts. One
 * statement with the actor (decision 039): drafts are left out in SQL unless the person is staff,
 * and everything is refused (403) for someone neither staff nor resident before it is returned.
 */
export async function listProposals(deps: Deps, userId: string, communityId: string, q: z.output<typeof ProposalsQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const shape = jsonShape({
    p: proposals,
    topicTitle: councilTopics.title,
    sessionTitle: councilSessions.title,
    sessionStartsAt: councilSessions.startsAt,
    voted: votedBy(userId),
  })
  const after = afterCursorChecked(q.cursor, { at: proposals.createdAt, id: proposals.id }, 'desc')
  const conditions = [
    eq(proposals.communityId, communityId),
    or(ne(proposals.status, 'draft'), isStaffSql(userId, sql`${communityId}::uuid`)),
    q.status ? eq(proposals.status, q.status) : undefined,
    q.topicId ? eq(proposals.topicId, q.topicId) : undefined,
    after.where,
  ].filter(Boolean) as SQL[]
  const list = db
    .select({ r: shape.object })
    .from(proposals)
    .leftJoin(councilTopics, eq(councilTopics.id, proposals.topicId))
    .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
    .where(and(...conditions))
    .orderBy(desc(proposals.createdAt), desc(proposals.id))
    .limit(q.limit + 1)
  const { actor, rows } = await readSignedIn(db, userId, { rows: allOf(list) })
  if (audienceIn(actor, communityId) === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看表决')
  after.check()
  return toPage(
    rows.map((row) => {
      const r = shape.decode(row)
      return Object.assign(r, { createdAt: r.p.createdAt, id: r.p.id })
    }),
    q.limit,
    (r) => toProposalSummary(r.p, r, r.voted, now),
  )
}

/**
 * Who (which households) have voted — never how, nor when. Staff only. In roll order, as a paper
 * roll is read: building, unit, room (rooms as numbers: 302 before 1001), then name; a resident's
 * place is their verified home here. Keyset on that order: the cursor names the last elector and
 * the page continues after its position (the roll is fixed once the vote opens).
 */
export async function listParticipation(deps: Deps, userId: string, id: string, q: z.output<typeof ParticipationQuery>) {
  const { db } = deps.database
  let after: { id: string } | null = null
  let badCursor = false
  try {
    after = q.cursor ? decodeCursor(q.cursor) : null
    badCursor = !!(after as { at?: Date | null } | null)?.at
  } catch {
    badCursor = true
  }
  const voted = q.voted === 'yes' ? sql`and voted` : q.voted === 'no' ? sql`and not voted` : sql``
  // Plain SQL (tables named in db/schema/votes.ts, users.ts, communities.ts); the roll is read only for the community's staff.
  const roll = sql`
    with roll as (
      select e.id, u.nickname, h.room, un.name as unit, b.name as building,
        exists (select 1 from vote_ballots vb where vb.elector_id = e.id) as voted,
        row_number() over (
          order by b.sort_key nulls last, b.name, un.sort_key, un.name, length(h.room), h.room, u.nickname, e.id
        ) as pos
      from vote_electors e
      join proposals pr on pr.id = e.proposal_id
      left join users u on u.id = e.user_id
      left join households h on h.id = coalesce(e.household_id, (
        select c.household_id from residency_claims c
        where c.user_id = e.user_id and c.community_id = pr.community_id and c.status = 'verified'
        order by c.created_at, c.id limit 1))
      left join units un on un.id = h.unit_id
      left join buildings b on b.id = un.building_id
      where e.proposal_id = ${id} and ${isStaffSql(userId, sql`pr.community_id`)} and ${!badCursor}
    )
    select json_build_object('id', id, 'nickname', nickname, 'room', room, 'unit', unit, 'building', building, 'voted', voted) from roll
    where pos > coalesce((select pos from roll where id = ${after?.id ?? null}), 0) ${voted}
    order by pos
    limit ${q.limit + 1}`
  const shape = jsonShape({ communityId: proposals.communityId, status: proposals.status, electorateCount: proposals.electorateCount })
  const read = await readSignedIn(db, userId, {
    proposal: firstOf(db.select({ r: shape.object }).from(proposals).where(eq(proposals.id, id))),
    rows: allOf(roll) as SQL<ParticipationRow[]>,
    turnout: sql<number>`(select count(*)::int from vote_ballots where proposal_id = ${id})`,
  })
  const p = read.proposal ? shape.decode(read.proposal) : null
  const audience = p ? audienceIn(read.actor, p.communityId) : 'none'
  if (!p || audience === 'none' || (audience === 'member' && p.status === 'draft')) throw new AppError('NOT_FOUND', '表决不存在')
  if (!can(read.actor, 'vote.viewParticipation', p)) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以查看投票情况')
  if (badCursor)
    throw new AppError('VALIDATION_FAILED', '分页参数「cursor」无效，请从第一页重新加载', { fields: [{ path: 'cursor', message: '无效' }] })
  const rows = read.rows
  const items = rows.slice(0, q.limit)
  const last = items.at(-1)
  return {
    electorate: p.electorateCount ?? 0,
    participants: p.status === 'draft' ? 0 : Number(read.turnout),
    items: items.map((r) => ({
      electorId: r.id,
      label: r.nickname ?? (r.room && r.unit && r.building ? householdAddress({ building: r.building, unit: r.unit, room: r.room }) : ''),
      voted: r.voted,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: null, id: last.id }) : null,
  }
}

type ParticipationRow = {
  id: string
  nickname: string | null
  room: string | null
  unit: string | null
  building: string | null
  voted: boolean
}
