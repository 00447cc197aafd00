import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import { householdAddress } from '../../domain/labels.js'
import { can, hasRole, type Actor } from '../../domain/permissions.js'
import type { BallotInput, ParticipationQuery, ProposalActionInput, ProposalInput, ProposalsQuery } from '../../domain/schemas/votes.js'
import { canonicalChoices, checkChoices } from '../../domain/votes/ballot.js'
import { isOwnerRule, voteOptions } from '../../domain/votes/kinds.js'
import { electorateKindLabels } from '../../domain/votes/labels.js'
import { availableVoteActions, checkBallotWindow, checkVoteTransition, type VoteRole } from '../../domain/votes/lifecycle.js'
import { tally, outcomeLabels, type TallyResult } from '../../domain/votes/tally.js'
import type { Db } from '../../db/client.js'
import {
  buildings,
  councilSessions,
  councilTopics,
  households,
  memberships,
  photos,
  proposalPhotos,
  proposals,
  residencyClaims,
  units,
  users,
  voteBallots,
  voteElectors,
  voteEvents,
  type ProposalRow,
  type VoteResultRow,
} from '../../db/schema.js'
import type { Deps } from '../context.js'
import { logEvent } from '../councils/service.js'
import { applyResolution } from '../councils/topics.js'
import { decodeCursor, toPage } from '../http/cursor.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/service.js'
import { ownPhotos, photoView } from '../photos/service.js'
import { electorateUserIds, myElectors, votedElectors, writeRoll } from './roll.js'
import { ballotView, proposalFacts, resultView, toProposalSummary } from './views.js'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

function fieldError(
  path: string,
  message: string,
  code: 'VALIDATION_FAILED' | 'BALLOT_CHOICE_INVALID' | 'PROPOSAL_TOPIC_INVALID' = 'VALIDATION_FAILED',
) {
  return new AppError(code, message, { where: 'body', fields: [{ path, message }] })
}

// ── Loading and access ───────────────────────────────────────────────────────────────────────────

/** Staff of the community see every vote; its residents (members or verified) every vote but drafts; others none. */
type Audience = 'staff' | 'member' | 'none'

function audienceIn(actor: Actor, communityId: string): Audience {
  if (can(actor, 'vote.manage', { communityId })) return 'staff'
  if (hasRole(actor, communityId, 'resident') || actor.verifiedIn.includes(communityId)) return 'member'
  return 'none'
}

async function loadProposal(db: Db | Tx, id: string): Promise<ProposalRow> {
  const [row] = await db.select().from(proposals).where(eq(proposals.id, id))
  if (!row) throw new AppError('NOT_FOUND', '表决不存在')
  return row
}

/** A vote the actor may see (404 otherwise: a draft, or another community's vote, is not theirs to know of). */
async function visibleProposal(db: Db, actor: Actor, id: string) {
  const p = await loadProposal(db, id)
  const audience = audienceIn(actor, p.communityId)
  if (audience === 'none' || (audience === 'member' && p.status === 'draft')) throw new AppError('NOT_FOUND', '表决不存在')
  return { p, audience }
}

async function logVote(tx: Tx, e: typeof voteEvents.$inferInsert) {
  await tx.insert(voteEvents).values(e)
}

/**
 * Tells people about a vote: an in-app message linked to the vote (and its session, for an agenda
 * item) and a 投票通知 subscribe message, for the whole roll in two statements (see notify).
 */
async function tellAboutVote(tx: Tx, p: ProposalRow, userIds: string[], title: string, body: string, statusLabel: string, now: Date) {
  await notify(tx, {
    userIds,
    title,
    body,
    message: { template: 'vote', proposalId: p.id, sessionId: p.sessionId, statusLabel, at: now.toISOString() },
  })
}

// ── Create ───────────────────────────────────────────────────────────────────────────────────────

/** A worker or admin drafts a proposal: standalone, or on an agenda item (an accepted topic) of a session. */
export async function createProposal(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof ProposalInput>) {
  const { db } = deps.database
  const now = deps.now()
  if (!can(actor, 'vote.manage', { communityId })) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以发起表决')
  const closesAt = new Date(input.closesAt)
  if (closesAt.getTime() <= now.getTime()) throw fieldError('closesAt', '截止时间须晚于现在')

  let sessionId: string | null = null
  if (input.topicId) {
    const [topic] = await db
      .select({
        communityId: councilTopics.communityId,
        status: councilTopics.status,
        sessionId: councilTopics.sessionId,
        sessionStatus: councilSessions.status,
      })
      .from(councilTopics)
      .innerJoin(councilSessions, eq(councilSessions.id, councilTopics.sessionId))
      .where(eq(councilTopics.id, input.topicId))
    if (!topic || topic.communityId !== communityId || topic.status !== 'accepted' || topic.sessionStatus === 'cancelled') {
      throw fieldError('topicId', '只能关联本社区已列入议程的议题', 'PROPOSAL_TOPIC_INVALID')
    }
    sessionId = topic.sessionId
  }
  const scope = { buildingIds: [] as string[], unitIds: [] as string[] }
  if (input.electorate.kind === 'households') {
    scope.buildingIds = [...new Set(input.electorate.buildingIds)]
    scope.unitIds = [...new Set(input.electorate.unitIds)]
    if (scope.buildingIds.length) {
      const found = await db
        .select({ id: buildings.id })
        .from(buildings)
        .where(and(inArray(buildings.id, scope.buildingIds), eq(buildings.communityId, communityId)))
      if (found.length !== scope.buildingIds.length) throw fieldError('electorate.buildingIds', '只能选择本社区的楼栋')
    }
    if (scope.unitIds.length) {
      const found = await db
        .select({ id: units.id })
        .from(units)
        .innerJoin(buildings, eq(buildings.id, units.buildingId))
        .where(and(inArray(units.id, scope.unitIds), eq(buildings.communityId, communityId)))
      if (found.length !== scope.unitIds.length) throw fieldError('electorate.unitIds', '只能选择本社区的单元')
    }
  }
  const attached = await ownPhotos(db, actor.userId, input.photoIds)
  const options = voteOptions(input.options.kind, input.options.kind === 'choice' ? input.options.choices : [])

  const id = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(proposals)
      .values({
        communityId,
        sessionId,
        topicId: input.topicId ?? null,
        title: input.title,
        body: input.text,
        optionKind: input.options.kind,
        options,
        maxChoices: input.options.kind === 'choice' ? input.options.maxChoices : 1,
        electorateKind: input.electorate.kind,
        scope,
        unit: input.unit,
        rule: input.rule,
        quorumPercent: input.quorumPercent ?? null,
        opensAt: new Date(input.opensAt),
        closesAt,
        publishDays: input.publishDays,
        liveResults: input.liveResults,
        onApproval: input.onApproval
          ? {
              responsibleParty: input.onApproval.responsibleParty,
              responsibleName: input.onApproval.responsibleName ?? null,
              deadline: new Date(input.onApproval.deadline).toISOString(),
            }
          : null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: proposals.id })
    if (attached.length) {
      await tx.insert(proposalPhotos).values(attached.map((ph, position) => ({ proposalId: created.id, photoId: ph.id, position })))
    }
    await logVote(tx, {
      proposalId: created.id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'create',
      toStatus: 'draft',
      createdAt: now,
    })
    return created.id
  })
  return getProposal(deps, actor, id)
}

// ── Open, close, cancel ──────────────────────────────────────────────────────────────────────────

function failTransition(check: Extract<ReturnType<typeof checkVoteTransition>, { ok: false }>): never {
  if (check.code === 'ROLE_NOT_ALLOWED') throw new AppError('FORBIDDEN', check.message)
  if (check.code === 'INPUT_MISSING') throw fieldError(check.field ?? 'action', check.message)
  throw new AppError('VOTE_TRANSITION_NOT_ALLOWED', check.message)
}

export async function actOnProposal(deps: Deps, actor: Actor, id: string, input: z.output<typeof ProposalActionInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { p, audience } = await visibleProposal(db, actor, id)
  if (audience !== 'staff') throw new AppError('FORBIDDEN', '只有本社区的工作人员可以管理表决')
  const reason = input.action === 'cancel' ? input.reason : undefined
  const check = checkVoteTransition(input.action, p, 'staff', now, { reason })
  if (!check.ok) failTransition(check)

  if (input.action === 'open') await openVote(deps, actor, p, now)
  else if (input.action === 'close') await closeVote(deps, p.id, { actor, role: 'staff' })
  else await cancelVote(deps, actor, p, reason!, now)
  return getProposal(deps, actor, id)
}

/** Opens a draft: fixes the roll, then tells everyone on it. An empty roll keeps it a draft. */
async function openVote(deps: Deps, actor: Actor, p: ProposalRow, now: Date) {
  await deps.database.db.transaction(async (tx) => {
    const [draft] = await tx
      .select()
      .from(proposals)
      .where(and(eq(proposals.id, p.id), eq(proposals.status, 'draft')))
      .for('update')
    if (!draft) throw new AppError('VOTE_CHANGED')
    const roll = await writeRoll(tx, draft)
    if (roll.count === 0) throw new AppError('ELECTORATE_EMPTY')
    const [withRoll] = await tx
      .update(proposals)
      .set({ status: 'open', openedAt: now, updatedAt: now, electorateCount: roll.count, electorateAreaCents: roll.areaCents })
      .where(eq(proposals.id, p.id))
      .returning()
    await logVote(tx, {
      proposalId: p.id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'open',
      fromStatus: 'draft',
      toStatus: 'open',
      data: { electorate: roll.count },
      createdAt: now,
    })
    const started = p.opensAt.getTime() <= now.getTime()
    const when = started ? `即日起至 ${chinaTimeLabel(p.closesAt)}` : `${chinaTimeLabel(p.opensAt)} 至 ${chinaTimeLabel(p.closesAt)}`
    await tellAboutVote(tx, withRoll, await electorateUserIds(tx, p), `请参加表决：${p.title}`, `投票时间：${when}`, '投票中', now)
  })
}

async function cancelVote(deps: Deps, actor: Actor, p: ProposalRow, reason: string, now: Date) {
  await deps.database.db.transaction(async (tx) => {
    const [cancelled] = await tx
      .update(proposals)
      .set({ status: 'cancelled', cancelReason: reason, updatedAt: now })
      .where(and(eq(proposals.id, p.id), eq(proposals.status, p.status)))
      .returning()
    if (!cancelled) throw new AppError('VOTE_CHANGED')
    await logVote(tx, {
      proposalId: p.id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'cancel',
      fromStatus: p.status,
      toStatus: 'cancelled',
      note: reason,
      createdAt: now,
    })
    if (p.status === 'open') {
      await tellAboutVote(tx, cancelled, await electorateUserIds(tx, p), `表决已取消：${p.title}`, `取消原因：${reason}`, '已取消', now)
    }
  })
}

/** The tally from the stored ballots, grouped in the database by identical choices. */
async function tallyOf(db: Db | Tx, p: ProposalRow): Promise<TallyResult> {
  const groups = await db
    .select({
      choices: voteBallots.choices,
      count: sql<number>`count(*)::int`,
      areaCents: sql<string>`coalesce(sum(${voteBallots.areaCents}), 0)::text`,
    })
    .from(voteBallots)
    .where(eq(voteBallots.proposalId, p.id))
    .groupBy(voteBallots.choices)
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

/**
 * Closes a vote (staff, or the scheduled job once its closing time passed): the vote's lock is
 * taken exclusive, which waits for every ballot transaction in flight (they hold it shared) and
 * turns away every later one; the result is computed from the stored ballots, stored, and
 * published (公示) for the vote's notice period. An approved proposal on an agenda item becomes
 * the topic's resolution and moves its linked concern on. Returns false when someone else closed it first.
 */
export async function closeVote(deps: Deps, id: string, by: { actor: Actor | null; role: VoteRole }): Promise<boolean> {
  const now = deps.now()
  return deps.database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${voteLockKey(id)})`)
    const [p] = await tx.select().from(proposals).where(eq(proposals.id, id)).for('update')
    if (!p) throw new AppError('NOT_FOUND', '表决不存在')
    const check = checkVoteTransition('close', p, by.role, now)
    if (!check.ok) {
      if (by.role === 'system') return false
      if (p.status !== 'open') throw new AppError('VOTE_CHANGED')
      failTransition(check)
    }
    const result = await tallyOf(tx, p)
    const stored: VoteResultRow = { ...result, computedAt: now.toISOString() }
    const publish = check.to === 'published'
    const [closed] = await tx
      .update(proposals)
      .set({
        status: check.to,
        result: stored,
        closedAt: now,
        publishedAt: publish ? now : null,
        publicUntil: publish ? new Date(now.getTime() + p.publishDays * 86400_000) : null,
        updatedAt: now,
      })
      .where(and(eq(proposals.id, id), eq(proposals.status, 'open')))
      .returning()
    const actorId = by.actor?.userId ?? null
    const actorRole = by.role === 'staff' ? 'staff' : 'system'
    const data = { outcome: result.outcome, participants: result.participants.count, electorate: result.electorate.count }
    await logVote(tx, { proposalId: id, actorId, actorRole, action: 'close', fromStatus: 'open', toStatus: 'closed', data, createdAt: now })
    if (publish) {
      await logVote(tx, {
        proposalId: id,
        actorId,
        actorRole,
        action: 'publish',
        fromStatus: 'closed',
        toStatus: 'published',
        data: { publicUntil: closed.publicUntil?.toISOString() },
        createdAt: new Date(now.getTime() + 1),
      })
    }
    if (closed.topicId && closed.sessionId) await feedTopic(tx, closed, result, by.actor, now)
    const verdict =
      closed.optionKind === 'choice' && result.passed ? `通过：${adoptedLabels(closed, result)}` : outcomeLabels[result.outcome]
    await tellAboutVote(
      tx,
      closed,
      await electorateUserIds(tx, closed),
      `表决结果：${closed.title}`,
      `${verdict}（参与 ${result.participants.count}/${result.electorate.count}）${publish ? `，公示至 ${chinaTimeLabel(closed.publicUntil!)}` : ''}`,
      result.passed ? '已通过' : '未通过',
      now,
    )
    return true
  })
}

function adoptedLabels(p: Pick<ProposalRow, 'options'>, result: Pick<TallyResult, 'adopted'>): string {
  return result.adopted.map((k) => `「${p.options.find((o) => o.key === k)?.label ?? k}」`).join('、')
}

/**
 * An agenda item's vote feeds the council: the outcome is logged on the session; an approved
 * proposal becomes the topic's resolution (unless one was already recorded) with the responsible
 * party and deadline set on the proposal, and the linked concern moves on (deliberated → in
 * progress) through the councils' own concern steps.
 */
async function feedTopic(tx: Tx, p: ProposalRow, result: TallyResult, closer: Actor | null, now: Date) {
  const [topic] = await tx.select().from(councilTopics).where(eq(councilTopics.id, p.topicId!)).for('update')
  if (!topic) return
  const actor = closer ?? (await systemActor(tx, p))
  await logEvent(tx, {
    sessionId: p.sessionId!,
    topicId: topic.id,
    actorId: actor?.userId ?? null,
    actorRole: closer ? 'staff' : 'system',
    action: 'vote_result',
    note: `表决「${p.title}」：${outcomeLabels[result.outcome]}`,
    data: { proposalId: p.id, outcome: result.outcome, adopted: result.adopted },
    createdAt: now,
  })
  if (!result.passed || topic.status !== 'accepted' || topic.resolvedAt) return
  const [session] = await tx
    .select({ invitedParties: councilSessions.invitedParties })
    .from(councilSessions)
    .where(eq(councilSessions.id, p.sessionId!))
  const party = p.onApproval?.responsibleParty ?? 'community'
  const partyName = p.onApproval?.responsibleName ?? session?.invitedParties.find((x) => x.kind === party && x.name)?.name ?? null
  const deadline = p.onApproval ? new Date(p.onApproval.deadline) : new Date(now.getTime() + 30 * 86400_000)
  const text =
    p.optionKind === 'choice' ? `表决通过「${p.title}」：${adoptedLabels(p, result)}` : `表决通过「${p.title}」：${p.body}`.slice(0, 1000)
  await applyResolution(tx, actor, topic, { text, party, partyName, deadline, extra: { proposalId: p.id } }, now)
}

/** Whom the scheduled job acts as on a concern's timeline: the staff member who drafted the vote (or any staff member). */
async function systemActor(tx: Tx, p: ProposalRow): Promise<Actor | null> {
  const staff = await tx
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, p.communityId), inArray(memberships.role, ['worker', 'admin'])))
    .orderBy(asc(memberships.createdAt))
  const chosen = staff.find((s) => s.userId === p.createdBy) ?? staff[0]
  if (!chosen) return null
  return {
    userId: chosen.userId,
    memberships: staff.filter((s) => s.userId === chosen.userId).map((s) => ({ communityId: p.communityId, role: s.role })),
    verifiedIn: [],
  }
}

/**
 * The vote's lock, taken shared by every ballot transaction and exclusive by the close: a close
 * waits for the ballots in flight, and a ballot after it sees the vote closed. An advisory lock
 * lives in the lock manager only — a thousand concurrent share holders write nothing, where
 * `SELECT … FOR SHARE` on the proposal row would rewrite its tuple (a new multixact) for each.
 */
function voteLockKey(proposalId: string) {
  return sql`hashtextextended(${`vote:${proposalId}`}, 0)`
}

// ── Ballots ──────────────────────────────────────────────────────────────────────────────────────

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
  if (!window.ok) throw new AppError(window.code, window.message)
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
    if (!again.ok) throw new AppError(again.code, again.message)
    const [existing] = await tx
      .select()
      .from(voteBallots)
      .where(and(eq(voteBallots.proposalId, id), eq(voteBallots.electorId, elector.id)))
    if (!existing) throw new AppError('VOTE_CHANGED')
    if (existing.castBy === actor.userId) return { status: 200 as const, ballot: ballotView(p, existing, elector.householdId) }
    throw new AppError('HOUSEHOLD_ALREADY_VOTED')
  })
}

// ── Reading ──────────────────────────────────────────────────────────────────────────────────────

async function turnoutOf(db: Db, p: ProposalRow): Promise<number> {
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
  const [refs] = await db
    .select({ topicTitle: councilTopics.title, sessionTitle: councilSessions.title, sessionStartsAt: councilSessions.startsAt })
    .from(proposals)
    .leftJoin(councilTopics, eq(councilTopics.id, proposals.topicId))
    .leftJoin(councilSessions, eq(councilSessions.id, proposals.sessionId))
    .where(eq(proposals.id, id))
  const [photoRows, buildingRows, unitRows, electors, [own]] = await Promise.all([
    db
      .select({ id: photos.id, url: photos.url, width: photos.width, height: photos.height, moderation: photos.moderation })
      .from(proposalPhotos)
      .innerJoin(photos, eq(photos.id, proposalPhotos.photoId))
      .where(eq(proposalPhotos.proposalId, id))
      .orderBy(asc(proposalPhotos.position)),
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
  const voted = await votedElectors(
    db,
    id,
    electors.map((e) => e.id),
  )
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
    photos: photoRows.map((ph) => photoView(ph, staff)),
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
    q.cursor
      ? (() => {
          const c = decodeCursor(q.cursor)
          return or(lt(proposals.createdAt, c.createdAt), and(eq(proposals.createdAt, c.createdAt), lt(proposals.id, c.id)))
        })()
      : undefined,
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
  let after: string | undefined
  if (q.cursor) {
    after = Buffer.from(q.cursor, 'base64url').toString()
    if (!/^[0-9a-f-]{36}$/.test(after)) {
      throw new AppError('VALIDATION_FAILED', '分页参数「cursor」无效，请从第一页重新加载', {
        fields: [{ path: 'cursor', message: '无效' }],
      })
    }
  }
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
        after ? gt(voteElectors.id, after) : undefined,
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
    nextCursor: rows.length > q.limit && last ? Buffer.from(last.id).toString('base64url') : null,
  }
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

// ── Scheduled ────────────────────────────────────────────────────────────────────────────────────

/** Closes every open vote whose closing time has passed (each in its own transaction). */
export async function closeDueVotes(deps: Deps, batch = 100): Promise<number> {
  const { db } = deps.database
  const due = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.status, 'open'), lte(proposals.closesAt, deps.now())))
    .orderBy(asc(proposals.closesAt))
    .limit(batch)
  let closed = 0
  for (const { id } of due) {
    // One vote that cannot be closed (logged) does not hold up the others or the rest of the job.
    try {
      if (await closeVote(deps, id, { actor: null, role: 'system' })) closed++
    } catch (err) {
      deps.logger.error({ err, proposalId: id }, 'votes: closing a due vote failed')
    }
  }
  return closed
}

/**
 * The day before a vote closes, reminds those on the roll who have not voted yet. Claimed by the
 * conditional update that sets `reminded_at`, so it goes out once even with two schedulers.
 */
export async function remindVoters(deps: Deps, hoursBefore = 24): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  const until = new Date(now.getTime() + hoursBefore * 3600_000)
  return db.transaction(async (tx) => {
    const due = await tx
      .update(proposals)
      .set({ remindedAt: now })
      .where(
        and(
          eq(proposals.status, 'open'),
          isNull(proposals.remindedAt),
          lte(proposals.opensAt, now),
          gt(proposals.closesAt, now),
          lte(proposals.closesAt, until),
          // A vote announced less than a day before it closes needs no second message.
          sql`${proposals.openedAt} < ${proposals.closesAt} - make_interval(hours => ${hoursBefore})`,
        ),
      )
      .returning()
    let n = 0
    for (const p of due) {
      const missing = await electorateUserIds(tx, p, true)
      await tellAboutVote(
        tx,
        p,
        missing,
        `表决明天截止：${p.title}`,
        `投票将于 ${chinaTimeLabel(p.closesAt)} 截止，您还没有投票`,
        '即将截止',
        now,
      )
      n += missing.length
    }
    return n
  })
}
