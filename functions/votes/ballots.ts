import { and, eq, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { BallotInput } from '../../domain/schemas/votes.js'
import { canonicalChoices, checkChoices } from '../../domain/votes/ballot.js'
import { isOwnerRule } from '../../domain/votes/kinds.js'
import { checkBallotWindow } from '../../domain/votes/lifecycle.js'
import { proposals, voteBallots } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError, refusal } from '../http/errors.js'
import { myElectors } from './roll.js'
import { ballotView } from './views.js'
import { visibleProposal, voteLockKey } from './common.js'

/**
 * Casts a ballot. Guards first (who, which household, which choices), then one short transaction:
 * the vote's lock, shared (so a close waits for it, and it sees a close that came first), and
 * INSERT … ON CONFLICT DO NOTHING on the unique (proposal, elector). A repeat by the same person
 * returns the ballot already cast (200); another member of a household that has voted gets 409.
 */
export async function castBallot(deps: Deps, actor: Actor, id: string, input: z.output<typeof BallotInput>) {
  const { db } = deps.database
  const { p } = await visibleProposal(db, actor, id)
  if (!can(actor, 'vote.cast', p)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能投票')
  const window = checkBallotWindow(p, deps.now())
  if (!window.ok) throw refusal(window)
  const problem = checkChoices(p, input.choices)
  if (problem) throw fieldError(problem.field, problem.message, 'BALLOT_CHOICE_INVALID')
  const choices = canonicalChoices(p.options, input.choices)

  let mine = await myElectors(db, p, actor.userId)
  if (!mine.length) throw new AppError('NOT_IN_ELECTORATE')
  if (isOwnerRule(p.rule)) {
    mine = mine.filter((e) => e.owner)
    if (!mine.length) throw new AppError('NOT_AN_OWNER')
  }
  let elector = mine[0]
  if (input.householdId) {
    const chosen = mine.find((e) => e.householdId === input.householdId)
    if (!chosen) throw fieldError('householdId', '这一户不在本次表决的投票范围内，或您不是这一户的认证居民')
    elector = chosen
  } else if (mine.length > 1) {
    throw fieldError('householdId', '您在投票范围内有多处房屋，请选择为哪一户投票')
  }

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${voteLockKey(id)})`)
    // The window is checked in the insert itself: one round trip for the common case.
    const at = deps.now()
    const inserted = (await tx.execute(sql`
      insert into ${voteBallots} (proposal_id, elector_id, cast_by, choices, area_cents, created_at)
      select ${id}::uuid, ${elector.id}::uuid, ${actor.userId}::uuid, ${JSON.stringify(choices)}::jsonb, ${elector.areaCents}::int, ${at}::timestamptz
      where exists (select 1 from ${proposals} where id = ${id} and status = 'open' and opens_at <= ${at}::timestamptz and closes_at > ${at}::timestamptz)
      on conflict (proposal_id, elector_id) do nothing
      returning id`)) as unknown as { rows: { id: string }[] } // every driver answers with `rows`
    if (inserted.rows.length) return { status: 201 as const, ballot: ballotView(p, { choices, createdAt: at }, elector.householdId) }
    const [locked] = await tx
      .select({ status: proposals.status, opensAt: proposals.opensAt, closesAt: proposals.closesAt })
      .from(proposals)
      .where(eq(proposals.id, id))
    const again = checkBallotWindow(locked, at)
    if (!again.ok) throw refusal(again)
    const [existing] = await tx
      .select()
      .from(voteBallots)
      .where(and(eq(voteBallots.proposalId, id), eq(voteBallots.electorId, elector.id)))
    if (!existing) throw new AppError('VOTE_CHANGED')
    if (existing.castBy === actor.userId) return { status: 200 as const, ballot: ballotView(p, existing, elector.householdId) }
    throw new AppError('HOUSEHOLD_ALREADY_VOTED')
  })
}
