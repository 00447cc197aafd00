import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { residencyClaims, voteBallots, voteElectors, type ProposalRow } from '../../db/schema/index.js'

/**
 * The roll (投票人名册) of a vote, written once when it opens, in one INSERT … SELECT:
 * - per resident: the users on it (checked-in attendees, verified residents of the community or
 *   of the chosen buildings/units);
 * - per household: the households on it with their registered area in 0.01 m² (the households of
 *   checked-in attendees, households with a verified resident, or every household of the chosen
 *   buildings/units — the owners' count of 民法典 278 is every household, registered in the app or not).
 * Returns how many voting units are on it and their total area.
 */
export async function writeRoll(tx: Tx, p: ProposalRow): Promise<{ count: number; areaCents: number }> {
  const verified = sql`rc.community_id = ${p.communityId} and rc.status = 'verified'`
  const inScope = scopeCondition(p)
  let select: SQL
  if (p.unit === 'resident') {
    if (p.electorateKind === 'attendees') {
      select = sql`select distinct ${p.id}::uuid, r.user_id, null::uuid, 0 from council_registrations r
        where r.session_id = ${p.sessionId} and r.status = 'checked_in'
          and exists (select 1 from residency_claims rc where rc.user_id = r.user_id and ${verified})`
    } else if (p.electorateKind === 'residents') {
      select = sql`select distinct ${p.id}::uuid, rc.user_id, null::uuid, 0 from residency_claims rc where ${verified}`
    } else {
      select = sql`select distinct ${p.id}::uuid, rc.user_id, null::uuid, 0 from residency_claims rc
        join households h on h.id = rc.household_id join units u on u.id = h.unit_id
        where ${verified} and ${inScope}`
    }
  } else {
    const area = sql`round(h.area_m2 * 100)::int`
    if (p.electorateKind === 'attendees') {
      select = sql`select distinct ${p.id}::uuid, null::uuid, h.id, ${area} from council_registrations r
        join residency_claims rc on rc.user_id = r.user_id and ${verified}
        join households h on h.id = rc.household_id
        where r.session_id = ${p.sessionId} and r.status = 'checked_in'`
    } else if (p.electorateKind === 'residents') {
      select = sql`select distinct ${p.id}::uuid, null::uuid, h.id, ${area} from residency_claims rc
        join households h on h.id = rc.household_id where ${verified}`
    } else {
      select = sql`select ${p.id}::uuid, null::uuid, h.id, ${area} from households h join units u on u.id = h.unit_id
        where h.community_id = ${p.communityId} and ${inScope}`
    }
  }
  await tx.execute(sql`insert into vote_electors (proposal_id, user_id, household_id, area_cents) ${select}`)
  const [totals] = await tx
    .select({ count: sql<number>`count(*)::int`, areaCents: sql<string>`coalesce(sum(${voteElectors.areaCents}), 0)::text` })
    .from(voteElectors)
    .where(eq(voteElectors.proposalId, p.id))
  return { count: totals?.count ?? 0, areaCents: Number(totals?.areaCents ?? 0) }
}

/** `u` is units, `h` households: the chosen buildings and units. */
function scopeCondition(p: ProposalRow): SQL {
  const parts: SQL[] = []
  if (p.scope.buildingIds.length) parts.push(sql`u.building_id in ${p.scope.buildingIds}`)
  if (p.scope.unitIds.length) parts.push(sql`h.unit_id in ${p.scope.unitIds}`)
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`
}

/**
 * The people a vote concerns: the residents on the roll, or every verified member of the
 * households on it. With `notVotedOnly`, those whose ballot (or household's ballot) is still missing.
 * With `page`, the next `limit` of them after user id `after`, in user-id order (a fan-out in batches).
 */
export async function electorateUserIds(
  tx: Tx | Db,
  p: Pick<ProposalRow, 'id' | 'unit'>,
  notVotedOnly = false,
  page?: { after: string | null; limit: number },
): Promise<string[]> {
  const missing = notVotedOnly ? isNull(voteBallots.id) : undefined
  // The ballots are joined only when asked for those who have not voted.
  const ballots = and(eq(voteBallots.proposalId, p.id), eq(voteBallots.electorId, voteElectors.id))
  if (p.unit === 'resident') {
    const after = page?.after ? gt(voteElectors.userId, page.after) : undefined
    const q = tx.select({ userId: voteElectors.userId }).from(voteElectors)
    const filtered = (notVotedOnly ? q.leftJoin(voteBallots, ballots) : q).where(and(eq(voteElectors.proposalId, p.id), missing, after))
    const rows = await (page ? filtered.orderBy(asc(voteElectors.userId)).limit(page.limit) : filtered)
    return rows.map((r) => r.userId).filter((u): u is string => !!u)
  }
  const after = page?.after ? gt(residencyClaims.userId, page.after) : undefined
  const q = tx
    .selectDistinct({ userId: residencyClaims.userId })
    .from(voteElectors)
    .innerJoin(residencyClaims, and(eq(residencyClaims.householdId, voteElectors.householdId), eq(residencyClaims.status, 'verified')))
  const filtered = (notVotedOnly ? q.leftJoin(voteBallots, ballots) : q).where(and(eq(voteElectors.proposalId, p.id), missing, after))
  const rows = await (page ? filtered.orderBy(asc(residencyClaims.userId)).limit(page.limit) : filtered)
  return rows.map((r) => r.userId)
}
