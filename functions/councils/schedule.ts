import { and, asc, eq, getTableColumns, gt, inArray, isNull, lte } from 'drizzle-orm'
import type { z } from 'zod'
import { REMINDER_HOURS_BEFORE } from '../../domain/councils/booking.js'
import { chinaTimeLabel } from '../../domain/councils/china-time.js'
import { sessionKindInfo } from '../../domain/councils/kinds.js'
import { DEFAULT_WEEKS_AHEAD, describeRule, ensureAhead, occurrences } from '../../domain/councils/recurrence.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { RecurringRuleInput } from '../../domain/schemas/councils.js'
import { councilRegistrations, councilRules, councilSessions, type CouncilRuleRow } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import type { Tx } from '../../db/client.js'
import { logEvent, newCheckInCode, tellSession } from './common.js'
import { invitedPartiesView } from './views.js'

const WEEK_MS = 7 * 86400_000

function ruleView(r: CouncilRuleRow, now: Date) {
  return {
    id: r.id,
    communityId: r.communityId,
    kind: r.kind,
    kindLabel: sessionKindInfo[r.kind].label,
    title: r.title,
    description: r.description,
    venue: r.venue,
    onlineUrl: r.onlineUrl,
    capacity: r.capacity,
    agendaSlots: r.agendaSlots,
    bookingLeadHours: r.bookingLeadHours,
    invitedParties: invitedPartiesView(r.invitedParties),
    schedule: r.schedule,
    scheduleLabel: describeRule(r.schedule),
    active: r.active,
    nextStarts: r.active
      ? occurrences(r.schedule, now, new Date(now.getTime() + 12 * WEEK_MS))
          .slice(0, 3)
          .map((o) => o.startsAt.toISOString())
      : [],
  }
}

/**
 * Creates the rule's missing sessions for the next eight weeks, open for booking and registration.
 * Idempotent: the unique index on (rule_id, occurrence_start) turns a second run, or two
 * dispatchers at once, into no-ops; a cancelled or moved session keeps its slot and is not re-made.
 */
async function fillAhead(tx: Tx, rule: CouncilRuleRow, now: Date): Promise<number> {
  const existing = await tx
    .select({ at: councilSessions.occurrenceStart })
    .from(councilSessions)
    .where(and(eq(councilSessions.ruleId, rule.id), gt(councilSessions.occurrenceStart, now)))
  const due = ensureAhead(
    rule.schedule,
    existing.map((e) => e.at!),
    now,
    DEFAULT_WEEKS_AHEAD,
  )
  if (!due.length) return 0
  const created = await tx
    .insert(councilSessions)
    .values(
      due.map((o) => ({
        communityId: rule.communityId,
        ruleId: rule.id,
        occurrenceStart: o.startsAt,
        kind: rule.kind,
        title: rule.title,
        description: rule.description,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        venue: rule.venue,
        onlineUrl: rule.onlineUrl,
        capacity: rule.capacity,
        agendaSlots: rule.agendaSlots,
        bookingDeadline: new Date(Math.max(o.startsAt.getTime() - rule.bookingLeadHours * 3600_000, now.getTime())),
        invitedParties: rule.invitedParties,
        status: 'open' as const,
        checkInCode: newCheckInCode(),
        createdBy: rule.createdBy,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing({ target: [councilSessions.ruleId, councilSessions.occurrenceStart] })
    .returning({ id: councilSessions.id })
  for (const s of created) {
    await logEvent(tx, {
      sessionId: s.id,
      actorRole: 'system',
      action: 'create',
      toStatus: 'open',
      data: { ruleId: rule.id },
      createdAt: now,
    })
  }
  return created.length
}

/** An admin or worker sets a standing rule; its sessions for the next eight weeks are created at once. */
export async function createRule(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof RecurringRuleInput>) {
  const { db } = deps.database
  const now = deps.now()
  if (!can(actor, 'council.manage', { communityId })) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以设置固定议事安排')
  return db.transaction(async (tx) => {
    const [rule] = await tx
      .insert(councilRules)
      .values({
        communityId,
        kind: input.kind,
        title: input.title,
        description: input.description ?? null,
        venue: input.venue ?? null,
        onlineUrl: input.onlineUrl ?? null,
        capacity: input.capacity,
        agendaSlots: input.agendaSlots,
        bookingLeadHours: input.bookingLeadHours,
        invitedParties: input.invitedParties.map((p) => (p.name ? { kind: p.kind, name: p.name } : { kind: p.kind })),
        schedule: input.schedule,
        active: input.active,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (rule.active) await fillAhead(tx, rule, now)
    return ruleView(rule, now)
  })
}

const ruleShape = jsonShape(getTableColumns(councilRules))

/** The community's rules for its staff, read with the actor in one statement and shown only after the check. */
export async function listRules(deps: Deps, userId: string, communityId: string) {
  const { db } = deps.database
  const list = db
    .select({ r: ruleShape.object })
    .from(councilRules)
    .where(eq(councilRules.communityId, communityId))
    .orderBy(asc(councilRules.createdAt), asc(councilRules.id))
  const { actor, rows } = await readSignedIn(db, userId, { rows: allOf(list) })
  if (!can(actor, 'council.manage', { communityId })) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以查看固定议事安排')
  const now = deps.now()
  return { items: rows.map((r) => ruleView(ruleShape.decode(r), now)) }
}

/** The scheduled step: every active rule keeps eight weeks of sessions ahead. */
export async function ensureSessionsAhead(deps: Deps): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  const rules = await db.select().from(councilRules).where(eq(councilRules.active, true))
  let created = 0
  for (const rule of rules) created += await db.transaction((tx) => fillAhead(tx, rule, now))
  return created
}

/**
 * Reminds everyone holding a seat 24 h and 2 h before the start, through the outbox. Each
 * reminder is claimed by the conditional update that sets its mark, so it goes out once even
 * with two schedulers running; a session created inside the 24 h gets only the 2 h reminder.
 */
export async function sendReminders(deps: Deps): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  let sent = 0
  const [long, short] = REMINDER_HOURS_BEFORE
  for (const hours of REMINDER_HOURS_BEFORE) {
    const mark = hours === long ? councilSessions.reminded24hAt : councilSessions.reminded2hAt
    const until = new Date(now.getTime() + hours * 3600_000)
    // The 24 h reminder is skipped once the 2 h one is due: one message, not two at once.
    const after = hours === long ? new Date(now.getTime() + short * 3600_000) : now
    sent += await db.transaction(async (tx) => {
      const due = await tx
        .update(councilSessions)
        .set(hours === long ? { reminded24hAt: now } : { reminded2hAt: now })
        .where(
          and(
            inArray(councilSessions.status, ['open', 'agenda_fixed']),
            lte(councilSessions.startsAt, until),
            gt(councilSessions.startsAt, after),
            isNull(mark),
          ),
        )
        .returning()
      let n = 0
      for (const s of due) {
        const seated = await tx
          .select({ userId: councilRegistrations.userId })
          .from(councilRegistrations)
          .where(and(eq(councilRegistrations.sessionId, s.id), eq(councilRegistrations.status, 'registered')))
        const place = s.venue ?? '线上'
        await tellSession(
          tx,
          s,
          seated.map((r) => r.userId),
          `议事会提醒：${s.title}`,
          `${chinaTimeLabel(s.startsAt)} 在${place}召开，请准时参加并现场签到`,
          now,
        )
        n += seated.length
      }
      return n
    })
  }
  return sent
}
