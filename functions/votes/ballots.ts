import { getTableColumns, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { can } from '../../domain/permissions.js'
import type { BallotInput } from '../../domain/schemas/votes.js'
import { canonicalChoices, checkChoices } from '../../domain/votes/ballot.js'
import { isOwnerRule } from '../../domain/votes/kinds.js'
import { checkBallotWindow } from '../../domain/votes/lifecycle.js'
import type { Db } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { proposals, type ProposalRow, voteBallots } from '../../db/schema/index.js'
import { actorJson, actorOf } from '../auth/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError, refusal } from '../http/errors.js'
import { ballotView } from './views.js'
import { audienceIn } from './common.js'

type Elector = { id: string; householdId: string | null; areaCents: number; owner: boolean }

/**
 * The vote, the actor and the actor's places on its roll in one prepared statement (decision 037): for a
 * per-person vote their own entries; for a per-household one the households they are a verified
 * resident of, and whether as an owner. Plain SQL in the subqueries (tables named in
 * db/schema/votes.ts and residency.ts).
 */
function ballotContext(db: Db) {
  const userId = sql.placeholder('userId')
  // Each branch starts from the person (their roll entry, or their verified claims), never from the whole roll.
  return db
    .select({
      ...getTableColumns(proposals),
      actor: actorJson(userId),
      electors: sql<Elector[]>`coalesce((select json_agg(json_build_object('id', x.id, 'householdId', x.household_id,
        'areaCents', x.area_cents, 'owner', x.owner)) from (
          select e.id, e.household_id, e.area_cents, false as owner from vote_electors e
          where proposals.unit = 'resident' and e.proposal_id = proposals.id and e.user_id = ${userId}
          union all
          select e.id, e.household_id, e.area_cents, bool_or(rc.relation = 'owner') from residency_claims rc
          join vote_electors e on e.proposal_id = proposals.id and e.household_id = rc.household_id
          where proposals.unit <> 'resident' and rc.user_id = ${userId} and rc.status = 'verified'
          group by e.id, e.household_id, e.area_cents) x), '[]'::json)`,
    })
    .from(proposals)
    .where(sql`proposals.id = ${sql.placeholder('id')}`)
}

type BallotContext = Awaited<ReturnType<ReturnType<typeof ballotContext>['execute']>>[number]

/** The household the ballot is for: the only one, or the one asked for (owners only under an owners' rule). */
function electorFor(p: ProposalRow, electors: Elector[], householdId: string | undefined): Elector {
  let mine = electors
  if (!mine.length) throw new AppError('NOT_IN_ELECTORATE')
  if (isOwnerRule(p.rule)) {
    mine = mine.filter((e) => e.owner)
    if (!mine.length) throw new AppError('NOT_AN_OWNER')
  }
  if (householdId) {
    const chosen = mine.find((e) => e.householdId === householdId)
    if (!chosen) throw fieldError('householdId', '这一户不在本次表决的投票范围内，或您不是这一户的认证居民')
    return chosen
  }
  if (mine.length > 1) throw fieldError('householdId', '您在投票范围内有多处房屋，请选择为哪一户投票')
  return mine[0]
}

/**
 * Casts a ballot: the vote, the actor and their places on the roll in one statement, the guards
 * (who, which household, which choices), then one INSERT … ON CONFLICT DO NOTHING on the unique
 * (proposal, elector) that reads the vote `FOR SHARE` and checks its window (decision 038): a close
 * (`FOR UPDATE` on the same row) waits for the ballots in flight, and a ballot that comes after a
 * close re-reads the row and finds it closed. A repeat by the same person returns the ballot
 * already cast (200); another member of a household that has voted gets 409.
 */
export async function castBallot(deps: Deps, userId: string, id: string, input: z.output<typeof BallotInput>) {
  const { db } = deps.database
  const [found] = await runPrepared<BallotContext>(db, 'ballot_context', () => ballotContext(db), { userId, id })
  if (!found) throw new AppError('NOT_FOUND', '表决不存在')
  const { actor: columns, electors, ...p } = found
  const actor = actorOf(userId, columns)
  const audience = audienceIn(actor, p.communityId)
  if (audience === 'none' || (audience === 'member' && p.status === 'draft')) throw new AppError('NOT_FOUND', '表决不存在')
  if (!can(actor, 'vote.cast', p)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能投票')
  const window = checkBallotWindow(p, deps.now())
  if (!window.ok) throw refusal(window)
  const problem = checkChoices(p, input.choices)
  if (problem) throw fieldError(problem.field, problem.message, 'BALLOT_CHOICE_INVALID')
  const choices = canonicalChoices(p.options, input.choices)
  const elector = electorFor(p, electors, input.householdId)

  const at = deps.now()
  const inserted = (await db.execute(sql`
    insert into ${voteBallots} (proposal_id, elector_id, cast_by, choices, area_cents, created_at)
    select ${id}::uuid, ${elector.id}::uuid, ${userId}::uuid, ${JSON.stringify(choices)}::jsonb, ${elector.areaCents}::int, ${at}::timestamptz
    from proposals where id = ${id} and status = 'open' and opens_at <= ${at}::timestamptz and closes_at > ${at}::timestamptz
    for share
    on conflict (proposal_id, elector_id) do nothing
    returning id`)) as unknown as { rows: { id: string }[] } // every driver answers with `rows`
  if (inserted.rows.length) return { status: 201 as const, ballot: ballotView(p, { choices, createdAt: at }, elector.householdId) }
  return { status: 200 as const, ballot: await alreadyCast(db, p, elector, userId, at) }
}

/** Why nothing was inserted: the vote closed meanwhile, this person's earlier ballot (200), or the household's (409). */
async function alreadyCast(db: Db, p: ProposalRow, elector: Elector, userId: string, at: Date) {
  const [now] = await db
    .select({
      status: proposals.status,
      opensAt: proposals.opensAt,
      closesAt: proposals.closesAt,
      ballot: sql<{ castBy: string; choices: string[]; createdAt: string } | null>`(select json_build_object('castBy', b.cast_by,
        'choices', b.choices, 'createdAt', b.created_at) from vote_ballots b where b.proposal_id = proposals.id and b.elector_id = ${elector.id})`,
    })
    .from(proposals)
    .where(sql`proposals.id = ${p.id}`)
  const again = checkBallotWindow(now, at)
  if (!again.ok) throw refusal(again)
  if (!now.ballot) throw new AppError('VOTE_CHANGED')
  if (now.ballot.castBy !== userId) throw new AppError('HOUSEHOLD_ALREADY_VOTED')
  return ballotView(p, { choices: now.ballot.choices, createdAt: new Date(now.ballot.createdAt) }, elector.householdId)
}
