import { eq, sql } from 'drizzle-orm'
import { can, type Actor } from '../../domain/permissions.js'
import { tally, type TallyResult } from '../../domain/votes/tally.js'
import type { Db, Tx } from '../../db/client.js'
import { proposals, voteBallots, voteEvents, type ProposalRow } from '../../db/schema/index.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/index.js'

/** What the vote use cases share: loading a vote the actor may see, its event log and notices, the tally. */

/** Staff of the community see every vote; its verified residents every vote but drafts; others none (docs/decisions/016). */
type Audience = 'staff' | 'member' | 'none'

export function audienceIn(actor: Actor, communityId: string): Audience {
  if (can(actor, 'vote.manage', { communityId })) return 'staff'
  if (actor.verifiedIn.includes(communityId)) return 'member'
  return 'none'
}

async function loadProposal(db: Db | Tx, id: string): Promise<ProposalRow> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id))
  if (!row) throw new AppError('NOT_FOUND', '表决不存在')
  return row
}

/** A vote the actor may see (404 otherwise: a draft, or another community's vote, is not theirs to know of). */
export async function visibleProposal(db: Db, actor: Actor, id: string) {
  const p = await loadProposal(db, id)
  return { p, audience: audienceSeeing(actor, p) }
}

/** Who the actor is to a vote they may see; 404 for a vote they may not. */
export function audienceSeeing(actor: Actor, p: Pick<ProposalRow, 'communityId' | 'status'>) {
  const audience = audienceIn(actor, p.communityId)
  if (audience === 'none' || (audience === 'member' && p.status === 'draft')) throw new AppError('NOT_FOUND', '表决不存在')
  return audience
}

export async function logVote(tx: Tx, e: typeof voteEvents.$inferInsert) {
  await tx.insert(voteEvents).values(e)
}

/**
 * Tells people about a vote: an in-app message linked to the vote (and its session, for an agenda
 * item) and a 投票通知 subscribe message, for the whole roll in two statements (see notify).
 */
export async function tellAboutVote(
  tx: Tx,
  p: ProposalRow,
  userIds: string[],
  title: string,
  body: string,
  statusLabel: string,
  now: Date,
) {
  await notify(tx, {
    userIds,
    title,
    body,
    message: { template: 'vote', proposalId: p.id, sessionId: p.sessionId, statusLabel, at: now.toISOString() },
  })
}

/** The stored ballots grouped by identical choices: what a tally counts. */
export const ballotGroupFields = {
  choices: voteBallots.choices,
  count: sql<number>`count(*)::int`.mapWith(Number),
  areaCents: sql<string>`coalesce(sum(${voteBallots.areaCents}), 0)::text`.mapWith(String),
}

/** The tally from the stored ballots, grouped in the database by identical choices. */
export async function tallyOf(db: Db | Tx, p: ProposalRow): Promise<TallyResult> {
  const groups = await db.select(ballotGroupFields).from(voteBallots).where(eq(voteBallots.proposalId, p.id)).groupBy(voteBallots.choices)
  return tallyFrom(p, groups)
}

/** The tally of `groups` (as `ballotGroupFields` reads them) under the vote's rule. */
export function tallyFrom(p: ProposalRow, groups: { choices: string[]; count: number; areaCents: string }[]): TallyResult {
  return tally({
    rule: p.rule,
    quorumPercent: p.quorumPercent,
    unit: p.unit,
    optionKind: p.optionKind,
    options: p.options,
    electorate: { count: p.electorateCount ?? 0, areaCents: p.electorateAreaCents ?? 0 },
    ballots: groups.map((g) => ({ choices: g.choices, count: Number(g.count), areaCents: BigInt(g.areaCents) })),
  })
}
