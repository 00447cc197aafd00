import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { can } from '../../domain/permissions.js'
import type { BallotInput } from '../../domain/schemas/votes.js'
import { canonicalChoices, checkChoices } from '../../domain/votes/ballot.js'
import { isOwnerRule } from '../../domain/votes/kinds.js'
import { checkBallotWindow } from '../../domain/votes/lifecycle.js'
import type { Db } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { proposals, type ProposalRow, voteBallots } from '../../db/schema/index.js'
import { type ActorColumns, actorJson, actorOf } from '../auth/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError, refusal } from '../http/errors.js'
import { ballotView } from './views.js'
import { audienceIn } from './common.js'

type Elector = { id: string; householdId: string | null; areaCents: number; owner: boolean }
type Voter = { userId: string; actor: ActorColumns | null; electors: Elector[] }
type Input = z.output<typeof BallotInput>
export type Cast = { status: 201 | 200; ballot: ReturnType<typeof ballotView> }

/**
 * A person's places on a vote's roll, `userId` an SQL expression: for a per-person vote their own
 * entries; for a per-household one the households they are a verified resident of, and whether as an
 * owner. Each branch starts from the person (their roll entry, or their verified claims), never from
 * the whole roll. Plain SQL (tables named in db/schema/votes.ts and residency.ts).
 */
function electorsOf(userId: SQL) {
  return sql`coalesce((select json_agg(json_build_object('id', x.id, 'householdId', x.household_id,
    'areaCents', x.area_cents, 'owner', x.owner)) from (
      select e.id, e.household_id, e.area_cents, false as owner from vote_electors e
      where proposals.unit = 'resident' and e.proposal_id = proposals.id and e.user_id = ${userId}
      union all
      select e.id, e.household_id, e.area_cents, bool_or(rc.relation = 'owner') from residency_claims rc
      join vote_electors e on e.proposal_id = proposals.id and e.household_id = rc.household_id
      where proposals.unit <> 'resident' and rc.user_id = ${userId} and rc.status = 'verified'
      group by e.id, e.household_id, e.area_cents) x), '[]'::json)`
}

/**
 * The vote and, for each person of a batch (ids joined by commas), the actor and their places on its
 * roll, in one prepared statement (decisions 037, 041).
 */
function ballotContext(db: Db) {
  const uid = sql`v.uid`
  return db
    .select({
      ...getTableColumns(proposals),
      voters: sql<Voter[]>`(select json_agg(json_build_object('userId', v.uid, 'actor', ${actorJson(uid)},
        'electors', ${electorsOf(uid)})) from unnest(string_to_array(${sql.placeholder('userIds')}::text, ',')::uuid[]) v(uid))`,
    })
    .from(proposals)
    .where(sql`proposals.id = ${sql.placeholder('id')}`)
}

type BallotContext = Awaited<ReturnType<ReturnType<typeof ballotContext>['execute']>>[number]
type Proposal = Omit<BallotContext, 'voters'>

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

/** The guards for one person's ballot (who, which household, which choices): what to insert, or the refusal thrown. */
function planBallot(p: Proposal, userId: string, voter: Voter | undefined, input: Input, at: Date) {
  const actor = actorOf(userId, voter?.actor)
  const audience = audienceIn(actor, p.communityId)
  if (audience === 'none' || (audience === 'member' && p.status === 'draft')) throw new AppError('NOT_FOUND', '表决不存在')
  if (!can(actor, 'vote.cast', p)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能投票')
  const window = checkBallotWindow(p, at)
  if (!window.ok) throw refusal(window)
  const problem = checkChoices(p, input.choices)
  if (problem) throw fieldError(problem.field, problem.message, 'BALLOT_CHOICE_INVALID')
  return { elector: electorFor(p, voter?.electors ?? [], input.householdId), choices: canonicalChoices(p.options, input.choices) }
}

type Waiting = { userId: string; input: Input; resolve: (cast: Cast) => void; reject: (error: unknown) => void; done?: true }

/** Answers a waiting ballot once: a later answer for the same ballot does nothing. */
function answer(w: Waiting, outcome: { cast: Cast } | { error: unknown }) {
  if (w.done) return
  w.done = true
  if ('cast' in outcome) w.resolve(outcome.cast)
  else w.reject(outcome.error)
}

type Queue = { waiting: Waiting[]; running: boolean }

/** Ballots waiting for their vote's next batch, per database and vote. */
const queues = new WeakMap<Db, Map<string, Queue>>()
/** The most ballots one batch carries (its statements' parameters stay small). */
const batchLimit = 500

/**
 * Casts a ballot (decision 041). Ballots for one vote that arrive while an earlier batch of that vote
 * is with the database wait for the next batch, so a thousand households voting at once cost a few
 * pairs of statements rather than a thousand: the vote, the actors and their places on the roll in one
 * read; then, after each person's guards, one INSERT … ON CONFLICT DO NOTHING on the unique (proposal,
 * elector) that reads the vote `FOR SHARE` and checks its window (decision 038): a close (`FOR UPDATE`
 * on the same row) waits for the ballots in flight, and a batch that comes after a close finds it
 * closed. A lone ballot is a batch of one — the same two statements. A repeat by the same person
 * returns the ballot already cast (200); another member of a household that has voted gets 409.
 */
export function castBallot(deps: Deps, userId: string, id: string, input: Input): Promise<Cast> {
  const { db } = deps.database
  let byVote = queues.get(db)
  if (!byVote) {
    byVote = new Map<string, Queue>()
    queues.set(db, byVote)
  }
  let queue = byVote.get(id)
  if (!queue) {
    queue = { waiting: [], running: false }
    byVote.set(id, queue)
  }
  const mine = new Promise<Cast>((resolve, reject) => queue.waiting.push({ userId, input, resolve, reject }))
  if (!queue.running) {
    queue.running = true
    // A microtask later, so ballots handed over in the same turn go in the first batch.
    queueMicrotask(() => void drain(deps, id, queue, byVote))
  }
  return mine
}

async function drain(deps: Deps, id: string, queue: Queue, byVote: Map<string, Queue>) {
  while (queue.waiting.length) {
    const batch = queue.waiting.splice(0, batchLimit)
    try {
      await castBatch(deps, id, batch)
    } catch (error) {
      // The statements failed (the database, not a person's ballot): every ballot still waiting gets the error.
      for (const w of batch) answer(w, { error })
    }
  }
  queue.running = false
  byVote.delete(id)
}

/** One batch: every ballot in it is answered (`answer`), by the end or by the error it throws. */
async function castBatch(deps: Deps, id: string, batch: Waiting[]) {
  const { db } = deps.database
  const userIds = [...new Set(batch.map((w) => w.userId))]
  const [found] = await runPrepared<BallotContext>(db, 'ballot_context', () => ballotContext(db), { userIds: userIds.join(','), id })
  if (!found) {
    for (const w of batch) answer(w, { error: new AppError('NOT_FOUND', '表决不存在') })
    return
  }
  const { voters, ...p } = found
  const byUser = new Map(voters.map((v) => [v.userId, v]))
  const at = deps.now()
  // The first ballot for each household goes in the insert; a second (the same person again, or
  // another member of the household) learns after it what was stored.
  const first: { w: Waiting; plan: ReturnType<typeof planBallot> }[] = []
  const after: typeof first = []
  const claimed = new Set<string>()
  for (const w of batch) {
    try {
      const plan = planBallot(p, w.userId, byUser.get(w.userId), w.input, at)
      if (claimed.has(plan.elector.id)) after.push({ w, plan })
      else {
        claimed.add(plan.elector.id)
        first.push({ w, plan })
      }
    } catch (refused) {
      answer(w, { error: refused })
    }
  }
  if (!first.length) return
  const rows = first.map(({ w, plan }) => ({
    elector_id: plan.elector.id,
    cast_by: w.userId,
    choices: plan.choices,
    area_cents: plan.elector.areaCents,
  }))
  const inserted = (await db.execute(sql`
    insert into ${voteBallots} (proposal_id, elector_id, cast_by, choices, area_cents, created_at)
    select p.id, r.elector_id, r.cast_by, r.choices, r.area_cents, ${at}::timestamptz
    from proposals p, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(elector_id uuid, cast_by uuid, choices jsonb, area_cents int)
    where p.id = ${id} and p.status = 'open' and p.opens_at <= ${at}::timestamptz and p.closes_at > ${at}::timestamptz
    for share of p
    on conflict (proposal_id, elector_id) do nothing
    returning elector_id`)) as unknown as { rows: { elector_id: string }[] } // every driver answers with `rows`
  const stored = new Set(inserted.rows.map((r) => r.elector_id))
  for (const { w, plan } of first) {
    if (stored.has(plan.elector.id))
      answer(w, { cast: { status: 201, ballot: ballotView(p, { choices: plan.choices, createdAt: at }, plan.elector.householdId) } })
    else after.push({ w, plan })
  }
  await Promise.all(
    after.map(({ w, plan }) =>
      alreadyCast(db, p, plan.elector, w.userId, at).then(
        (ballot) => answer(w, { cast: { status: 200, ballot } }),
        (error) => answer(w, { error }),
      ),
    ),
  )
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
