import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { and, asc, count, desc, eq, gt, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { z } from 'zod'
import {
  canBookTopic,
  canCancelRegistration,
  canCheckIn,
  canRegister,
  checkInCode,
  MAX_PENDING_TOPICS_PER_RESIDENT,
} from '../../domain/councils/booking.js'
import { sessionStatusLabels, registrationStatusLabels } from '../../domain/councils/labels.js'
import { availableSessionActions, checkSessionTransition, upcomingStatuses, type SessionStatus } from '../../domain/councils/lifecycle.js'
import { MAX_SESSION_HOURS } from '../../domain/schemas/councils.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { MinutesInput, RegistrationsQuery, SessionActionInput, SessionInput, SessionsQuery } from '../../domain/schemas/councils.js'
import type { Db } from '../../db/client.js'
import {
  communities,
  concerns,
  councilEvents,
  councilRegistrations,
  councilSessionPhotos,
  councilSessions,
  councilTopics,
  memberships,
  photos,
  users,
  type CouncilSessionRow,
  type CouncilTopicRow,
} from '../../db/schema.js'
import type { Deps } from '../context.js'
import { partnerOrgs } from '../concerns/access.js'
import { decodeCursor, encodeCursor, toPage } from '../http/cursor.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/service.js'
import { ownPhotos, photoView } from '../photos/service.js'
import { audienceOf, listAudience, sessionRoles } from './access.js'
import { invitedPartiesView, resolutionView, toSessionSummary, toTopic, viewerRegistration } from './views.js'

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export function fieldError(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', message, { where: 'body', fields: [{ path, message }] })
}

export function newCheckInCode(): string {
  return checkInCode(randomBytes(4))
}

// ── Loading and access ───────────────────────────────────────────────────────────────────────────

export async function loadSession(db: Db | Tx, id: string): Promise<CouncilSessionRow> {
  const [row] = await db.select().from(councilSessions).where(eq(councilSessions.id, id))
  if (!row) throw new AppError('NOT_FOUND', '议事会不存在')
  return row
}

/** Loads a session the actor may see (404 otherwise: an invitation-only session's existence is private). */
export async function visibleSession(db: Db, actor: Actor, id: string) {
  const session = await loadSession(db, id)
  const orgs = await partnerOrgs(db, actor, session.communityId)
  const audience = audienceOf(actor, session, orgs)
  if (audience === 'none') throw new AppError('NOT_FOUND', '议事会不存在')
  return { session, audience }
}

/** Loads a session that only its community's workers and admins manage. */
export async function managedSession(db: Db, actor: Actor, id: string) {
  const { session, audience } = await visibleSession(db, actor, id)
  if (audience !== 'staff') throw new AppError('FORBIDDEN', '只有本社区的工作人员可以管理议事会')
  return session
}

export async function staffIds(tx: Db | Tx, communityId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), inArray(memberships.role, ['worker', 'admin'])))
  return rows.map((r) => r.userId)
}

export async function logEvent(tx: Tx, e: typeof councilEvents.$inferInsert) {
  await tx.insert(councilEvents).values(e)
}

/** Tells people about a session (in-app message + WeChat subscribe message through the outbox). */
export async function tellSession(
  tx: Tx,
  s: Pick<CouncilSessionRow, 'id' | 'title' | 'status'>,
  userIds: string[],
  title: string,
  body: string,
  now: Date,
) {
  await notify(tx, {
    userIds,
    title,
    body,
    message: {
      template: 'council_session',
      sessionId: s.id,
      status: s.status,
      statusLabel: sessionStatusLabels[s.status],
      at: now.toISOString(),
    },
  })
}

/** Everyone holding a seat or waiting for one. */
export async function registrantIds(tx: Db | Tx, sessionId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: councilRegistrations.userId })
    .from(councilRegistrations)
    .where(
      and(eq(councilRegistrations.sessionId, sessionId), inArray(councilRegistrations.status, ['registered', 'waitlisted', 'checked_in'])),
    )
  return rows.map((r) => r.userId)
}

// ── Create, edit, move along ─────────────────────────────────────────────────────────────────────

type SessionForm = z.output<typeof SessionInput>

function sessionValues(input: SessionForm) {
  return {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    venue: input.venue ?? null,
    onlineUrl: input.onlineUrl ?? null,
    capacity: input.capacity,
    agendaSlots: input.agendaSlots,
    bookingDeadline: new Date(input.bookingDeadline),
    invitedParties: input.invitedParties.map((p) => (p.name ? { kind: p.kind, name: p.name } : { kind: p.kind })),
  }
}

function assertFuture(startsAt: Date, now: Date) {
  if (startsAt.getTime() <= now.getTime()) throw fieldError('startsAt', '开始时间须晚于现在')
}

/** A worker or admin schedules a one-off session; it starts as planned (筹备中) until they open it. */
export async function createSession(deps: Deps, actor: Actor, communityId: string, input: SessionForm) {
  const { db } = deps.database
  const now = deps.now()
  if (!can(actor, 'council.manage', { communityId })) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以安排议事会')
  const values = sessionValues(input)
  assertFuture(values.startsAt, now)
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(councilSessions)
      .values({ ...values, communityId, checkInCode: newCheckInCode(), createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning()
    await logEvent(tx, {
      sessionId: created.id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'create',
      toStatus: 'planned',
      createdAt: now,
    })
    return created.id
  })
}

/** Edits a session not yet held. Seats and agenda places already given are never taken back. */
export async function editSession(deps: Deps, actor: Actor, id: string, input: SessionForm) {
  const { db } = deps.database
  const now = deps.now()
  const session = await managedSession(db, actor, id)
  const check = checkSessionTransition('edit', session.status, ['staff'])
  if (!check.ok) throw new AppError('SESSION_TRANSITION_NOT_ALLOWED', check.message)
  const values = sessionValues(input)
  const moved = values.startsAt.getTime() !== session.startsAt.getTime()
  if (moved) assertFuture(values.startsAt, now)
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(councilSessions)
      .set({ ...values, updatedAt: now, ...(moved ? { reminded24hAt: null, reminded2hAt: null } : {}) })
      .where(
        and(
          eq(councilSessions.id, id),
          inArray(councilSessions.status, [...upcomingStatuses]),
          lte(councilSessions.registeredCount, values.capacity),
          lte(councilSessions.acceptedTopicCount, values.agendaSlots),
        ),
      )
      .returning()
    if (!updated) {
      const fresh = await loadSession(tx, id)
      if (fresh.registeredCount > values.capacity) {
        throw new AppError('SESSION_CHANGED', `已有 ${fresh.registeredCount} 人报名，可报名人数不能少于 ${fresh.registeredCount}`, {
          fields: [{ path: 'capacity', message: `不能少于已报名的 ${fresh.registeredCount} 人` }],
        })
      }
      if (fresh.acceptedTopicCount > values.agendaSlots) {
        throw new AppError(
          'SESSION_CHANGED',
          `已有 ${fresh.acceptedTopicCount} 个议题列入议程，议题数量不能少于 ${fresh.acceptedTopicCount}`,
          {
            fields: [{ path: 'agendaSlots', message: `不能少于已列入议程的 ${fresh.acceptedTopicCount} 个` }],
          },
        )
      }
      throw new AppError('SESSION_CHANGED')
    }
    // More seats: the waiting list moves up in order.
    await promoteWaitlisted(tx, id, now)
    await logEvent(tx, {
      sessionId: id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'edit',
      fromStatus: session.status,
      toStatus: session.status,
      createdAt: now,
    })
    if (moved || values.venue !== session.venue) {
      const audience = (await registrantIds(tx, id)).filter((u) => u !== actor.userId)
      await tellSession(tx, updated, audience, `议事会「${updated.title}」时间或地点有变`, `请查看最新的时间和地点`, now)
    }
  })
}

/** open, fix_agenda, start, conclude, cancel: the domain decides; one conditional update writes it. */
export async function actOnSession(deps: Deps, actor: Actor, id: string, input: z.output<typeof SessionActionInput>) {
  const { db } = deps.database
  const now = deps.now()
  const session = await managedSession(db, actor, id)
  let pendingTopicCount = 0
  if (input.action === 'fix_agenda') {
    const [row] = await db
      .select({ n: count() })
      .from(councilTopics)
      .where(and(eq(councilTopics.sessionId, id), eq(councilTopics.status, 'pending')))
    pendingTopicCount = row?.n ?? 0
  }
  const reason = input.action === 'cancel' ? input.reason : undefined
  const check = checkSessionTransition(input.action, session.status, ['staff'], { reason, pendingTopicCount })
  if (!check.ok) {
    if (check.code === 'ROLE_NOT_ALLOWED') throw new AppError('FORBIDDEN', check.message)
    if (check.code === 'INPUT_MISSING') throw fieldError(check.field ?? 'action', check.message)
    if (check.code === 'TOPICS_PENDING') throw new AppError('TOPICS_PENDING', check.message)
    throw new AppError('SESSION_TRANSITION_NOT_ALLOWED', check.message)
  }
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(councilSessions)
      .set({ status: check.to, updatedAt: now, ...(reason ? { cancelReason: reason } : {}) })
      .where(and(eq(councilSessions.id, id), eq(councilSessions.status, session.status)))
      .returning()
    if (!updated) throw new AppError('SESSION_CHANGED')
    if (input.action === 'fix_agenda') {
      // A pending topic booked between the count and this write keeps the agenda open.
      const [late] = await tx
        .select({ n: count() })
        .from(councilTopics)
        .where(and(eq(councilTopics.sessionId, id), eq(councilTopics.status, 'pending')))
      if (late && late.n > 0) throw new AppError('TOPICS_PENDING')
    }
    await logEvent(tx, {
      sessionId: id,
      actorId: actor.userId,
      actorRole: 'staff',
      action: input.action,
      fromStatus: session.status,
      toStatus: check.to,
      note: reason ?? null,
      createdAt: now,
    })
    if (input.action === 'cancel') {
      const audience = (await registrantIds(tx, id)).filter((u) => u !== actor.userId)
      await tellSession(tx, updated, audience, `议事会「${updated.title}」已取消`, `取消原因：${reason}`, now)
    }
  })
}

// ── Lists and detail ─────────────────────────────────────────────────────────────────────────────

function sessionCursor(cursor: string | undefined, direction: 'asc' | 'desc'): SQL | undefined {
  if (!cursor) return undefined
  const c = decodeCursor(cursor)
  const cmp = direction === 'asc' ? gt : lt
  return or(cmp(councilSessions.startsAt, c.createdAt), and(eq(councilSessions.startsAt, c.createdAt), cmp(councilSessions.id, c.id)))
}

/**
 * The 议事 tab: upcoming sessions (not yet ended) soonest first, or past ones latest first. Keyset
 * on (starts_at, id) over `council_sessions_list_idx`; a session lasts at most 12 hours, which
 * bounds the index range for "not yet ended".
 */
export async function listSessions(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof SessionsQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const audience = listAudience(actor, communityId)
  if (audience === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看议事会')
  const orgs = audience === 'invited' ? await partnerOrgs(db, actor, communityId) : []
  const upcoming = q.when === 'upcoming'
  const horizon = new Date(now.getTime() - MAX_SESSION_HOURS * 3600_000)
  const conditions = [
    eq(councilSessions.communityId, communityId),
    upcoming
      ? and(gt(councilSessions.startsAt, horizon), gt(councilSessions.endsAt, now))
      : and(lt(councilSessions.startsAt, now), lte(councilSessions.endsAt, now)),
    q.kind ? eq(councilSessions.kind, q.kind) : undefined,
    audience === 'invited'
      ? sql`exists (select 1 from jsonb_array_elements(${councilSessions.invitedParties}) p where p->>'name' in ${orgs.length ? orgs : ['']})`
      : undefined,
    sessionCursor(q.cursor, upcoming ? 'asc' : 'desc'),
  ].filter(Boolean) as SQL[]
  const mine = alias(councilRegistrations, 'mine')
  const rows = await db
    .select({ session: councilSessions, registration: mine.status })
    .from(councilSessions)
    .leftJoin(mine, and(eq(mine.sessionId, councilSessions.id), eq(mine.userId, actor.userId)))
    .where(and(...conditions))
    .orderBy(
      ...(upcoming ? [asc(councilSessions.startsAt), asc(councilSessions.id)] : [desc(councilSessions.startsAt), desc(councilSessions.id)]),
    )
    .limit(q.limit + 1)
  const items = rows.slice(0, q.limit)
  const last = items.at(-1)
  return {
    items: items.map((r) => toSessionSummary(r.session, r.registration, now)),
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.session.startsAt, last.session.id) : null,
  }
}

const deferredSession = alias(councilSessions, 'deferred_session')

/** Topics with the concern's public number, the proposer's nickname and where a deferred one went. */
export function topicRows(db: Db | Tx) {
  return db
    .select({
      topic: councilTopics,
      concernNo: concerns.publicNo,
      proposerName: users.nickname,
      deferredTitle: deferredSession.title,
      deferredStartsAt: deferredSession.startsAt,
    })
    .from(councilTopics)
    .leftJoin(concerns, eq(concerns.id, councilTopics.concernId))
    .innerJoin(users, eq(users.id, councilTopics.proposerId))
    .leftJoin(deferredSession, eq(deferredSession.id, councilTopics.deferredToSessionId))
}
export type TopicRow = Awaited<ReturnType<ReturnType<typeof topicRows>['execute']>>[number]

export function topicView(r: TopicRow, viewer: { userId: string; staff: boolean }, sessionStatus: SessionStatus) {
  return toTopic(
    r.topic,
    {
      concernNo: r.concernNo,
      proposerName: r.proposerName,
      deferredTo:
        r.topic.deferredToSessionId && r.deferredTitle && r.deferredStartsAt
          ? { sessionId: r.topic.deferredToSessionId, title: r.deferredTitle, startsAt: r.deferredStartsAt }
          : null,
    },
    viewer,
    sessionStatus,
  )
}

function agendaItem(r: TopicRow) {
  const t: CouncilTopicRow = r.topic
  return {
    topicId: t.id,
    order: t.agendaOrder ?? 0,
    minutes: t.minutesAllotted ?? 0,
    title: t.title,
    reason: t.reason,
    concern: t.concernId && r.concernNo ? { id: t.concernId, publicNo: r.concernNo } : null,
    resolution: resolutionView(t),
  }
}

async function waitlistPosition(db: Db | Tx, sessionId: string, reg: { id: string; createdAt: Date }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(councilRegistrations)
    .where(
      and(
        eq(councilRegistrations.sessionId, sessionId),
        eq(councilRegistrations.status, 'waitlisted'),
        or(
          lt(councilRegistrations.createdAt, reg.createdAt),
          and(eq(councilRegistrations.createdAt, reg.createdAt), lt(councilRegistrations.id, reg.id)),
        ),
      ),
    )
  return (row?.n ?? 0) + 1
}

export async function getSessionDetail(deps: Deps, actor: Actor, id: string) {
  const { db } = deps.database
  const now = deps.now()
  const { session, audience } = await visibleSession(db, actor, id)
  const staff = audience === 'staff'
  const [topics, [registration], [mineCounts], minutePhotos] = await Promise.all([
    topicRows(db)
      .where(and(eq(councilTopics.sessionId, id), or(eq(councilTopics.status, 'accepted'), eq(councilTopics.proposerId, actor.userId))))
      .orderBy(asc(councilTopics.agendaOrder), asc(councilTopics.createdAt), asc(councilTopics.id)),
    db
      .select()
      .from(councilRegistrations)
      .where(and(eq(councilRegistrations.sessionId, id), eq(councilRegistrations.userId, actor.userId))),
    db
      .select({ n: count() })
      .from(councilTopics)
      .where(and(eq(councilTopics.sessionId, id), eq(councilTopics.proposerId, actor.userId), eq(councilTopics.status, 'pending'))),
    session.minutesPublishedAt
      ? db
          .select({ id: photos.id, url: photos.url, width: photos.width, height: photos.height, moderation: photos.moderation })
          .from(councilSessionPhotos)
          .innerJoin(photos, eq(photos.id, councilSessionPhotos.photoId))
          .where(eq(councilSessionPhotos.sessionId, id))
          .orderBy(asc(councilSessionPhotos.position))
      : Promise.resolve([]),
  ])
  const reg = viewerRegistration(registration?.status)
  const mayAttend = can(actor, 'council.attend', session)
  const mayBook = can(actor, 'council.bookTopic', session)
  const booking = canBookTopic({
    sessionStatus: session.status,
    bookingDeadline: session.bookingDeadline,
    now,
    acceptedCount: session.acceptedTopicCount,
    slots: session.agendaSlots,
    residentPendingCount: mineCounts?.n ?? 0,
    maxPendingPerResident: MAX_PENDING_TOPICS_PER_RESIDENT,
  })
  const bookingBlockedReason = !mayBook ? '认证房屋后才能申报议题' : booking.ok ? null : booking.message
  const viewerInfo = { userId: actor.userId, staff }
  return {
    ...toSessionSummary(session, registration?.status, now),
    description: session.description,
    invitedParties: invitedPartiesView(session.invitedParties),
    cancelReason: session.cancelReason,
    agenda: topics.filter((r) => r.topic.status === 'accepted').map(agendaItem),
    minutes:
      session.minutesPublishedAt && session.minutesText !== null
        ? {
            text: session.minutesText,
            attendeeCount: session.minutesAttendeeCount ?? 0,
            checkedInCount: session.checkedInCount,
            photos: minutePhotos.map((p) => photoView(p, staff)),
            publishedAt: session.minutesPublishedAt.toISOString(),
          }
        : null,
    checkInCode: staff ? session.checkInCode : null,
    viewer: {
      registration: reg,
      waitlistPosition: reg === 'waitlisted' && registration ? await waitlistPosition(db, id, registration) : null,
      canRegister: mayAttend && reg === 'none' && canRegister({ sessionStatus: session.status, startsAt: session.startsAt, now }).ok,
      canCheckIn:
        mayAttend &&
        reg !== 'checked_in' &&
        canCheckIn({ sessionStatus: session.status, startsAt: session.startsAt, endsAt: session.endsAt, now }).ok,
      canBookTopic: bookingBlockedReason === null,
      bookingBlockedReason,
      myTopics: topics.filter((r) => r.topic.proposerId === actor.userId).map((r) => topicView(r, viewerInfo, session.status)),
      actions: availableSessionActions(session.status, sessionRoles(audience)),
    },
  }
}

// ── Registration, the waiting list and check-in ──────────────────────────────────────────────────

function refuse(r: {
  ok: false
  code: 'REGISTRATION_NOT_OPEN' | 'REGISTRATION_CLOSED' | 'SESSION_CANCELLED' | 'CHECK_IN_NOT_OPEN'
  message: string
}): never {
  throw new AppError(r.code, r.message)
}

function assertAttend(actor: Actor, session: CouncilSessionRow) {
  if (!can(actor, 'council.attend', session)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能报名参加议事会')
}

export async function registrationState(db: Db | Tx, sessionId: string, userId: string) {
  const [[reg], session] = await Promise.all([
    db
      .select()
      .from(councilRegistrations)
      .where(and(eq(councilRegistrations.sessionId, sessionId), eq(councilRegistrations.userId, userId))),
    loadSession(db, sessionId),
  ])
  const registration = viewerRegistration(reg?.status)
  return {
    registration,
    waitlistPosition: registration === 'waitlisted' && reg ? await waitlistPosition(db, sessionId, reg) : null,
    registeredCount: session.registeredCount,
    waitlistCount: session.waitlistCount,
  }
}

/** Still open for registration, in the same statement that counts: the start has not come and it is not cancelled. */
const stillOpen = (now: Date) => and(inArray(councilSessions.status, ['open', 'agenda_fixed']), gt(councilSessions.startsAt, now))

/**
 * Register: a seat while one is free, taken by one conditional update (`registered_count <
 * capacity` in the statement that adds one), otherwise a place on the waiting list. Registering
 * again while registered changes nothing.
 */
export async function register(deps: Deps, actor: Actor, sessionId: string) {
  const { db } = deps.database
  const now = deps.now()
  const { session } = await visibleSession(db, actor, sessionId)
  assertAttend(actor, session)
  const open = canRegister({ sessionStatus: session.status, startsAt: session.startsAt, now })
  if (!open.ok) refuse(open)

  try {
    const taken = await db.transaction(async (tx) => {
      const counts = { registeredCount: councilSessions.registeredCount, waitlistCount: councilSessions.waitlistCount }
      const [seat] = await tx
        .update(councilSessions)
        .set({ registeredCount: sql`${councilSessions.registeredCount} + 1` })
        .where(and(eq(councilSessions.id, sessionId), lt(councilSessions.registeredCount, councilSessions.capacity), stillOpen(now)))
        .returning(counts)
      let status: 'registered' | 'waitlisted' = 'registered'
      let after = seat
      if (!seat) {
        const [wait] = await tx
          .update(councilSessions)
          .set({ waitlistCount: sql`${councilSessions.waitlistCount} + 1` })
          .where(and(eq(councilSessions.id, sessionId), stillOpen(now)))
          .returning(counts)
        if (!wait) {
          const fresh = await loadSession(tx, sessionId)
          const again = canRegister({ sessionStatus: fresh.status, startsAt: fresh.startsAt, now })
          if (!again.ok) refuse(again)
          throw new AppError('SESSION_CHANGED')
        }
        status = 'waitlisted'
        after = wait
      }
      // One row per person and session; a cancelled one is reused and goes to the back of the line.
      const [row] = await tx
        .insert(councilRegistrations)
        .values({ sessionId, userId: actor.userId, status, holdsSeat: status === 'registered', createdAt: now })
        .onConflictDoUpdate({
          target: [councilRegistrations.sessionId, councilRegistrations.userId],
          set: { status, holdsSeat: status === 'registered', createdAt: now, cancelledAt: null, checkedInAt: null },
          setWhere: eq(councilRegistrations.status, 'cancelled'),
        })
        .returning({ id: councilRegistrations.id, createdAt: councilRegistrations.createdAt })
      // Already registered or waiting (a second tap): roll this one's count back.
      if (!row) throw new AlreadyRegistered()
      await logEvent(tx, {
        sessionId,
        actorId: actor.userId,
        actorRole: 'resident',
        action: status === 'registered' ? 'register' : 'waitlist',
        toStatus: status,
        createdAt: now,
      })
      return { status, row, ...after }
    })
    return {
      registration: taken.status,
      waitlistPosition: taken.status === 'waitlisted' ? await waitlistPosition(db, sessionId, taken.row) : null,
      registeredCount: taken.registeredCount,
      waitlistCount: taken.waitlistCount,
    }
  } catch (err) {
    if (!(err instanceof AlreadyRegistered)) throw err
    return registrationState(db, sessionId, actor.userId)
  }
}

class AlreadyRegistered extends Error {}

/** Holds the session row until the commit: registering, cancelling and checking in take it first. */
async function lockSession(tx: Tx, sessionId: string) {
  await tx.select({ id: councilSessions.id }).from(councilSessions).where(eq(councilSessions.id, sessionId)).for('update')
}

/**
 * Gives free seats to the earliest on the waiting list, one by one, inside the caller's
 * transaction (which holds the session row). Returns who moved up.
 */
export async function promoteWaitlisted(tx: Tx, sessionId: string, now: Date): Promise<string[]> {
  const promoted: string[] = []
  for (;;) {
    const [seat] = await tx
      .update(councilSessions)
      .set({ registeredCount: sql`${councilSessions.registeredCount} + 1`, waitlistCount: sql`${councilSessions.waitlistCount} - 1` })
      .where(
        and(
          eq(councilSessions.id, sessionId),
          lt(councilSessions.registeredCount, councilSessions.capacity),
          gt(councilSessions.waitlistCount, 0),
        ),
      )
      .returning({ id: councilSessions.id })
    if (!seat) break
    const [next] = await tx
      .update(councilRegistrations)
      .set({ status: 'registered', holdsSeat: true })
      .where(
        inArray(
          councilRegistrations.id,
          tx
            .select({ id: councilRegistrations.id })
            .from(councilRegistrations)
            .where(and(eq(councilRegistrations.sessionId, sessionId), eq(councilRegistrations.status, 'waitlisted')))
            .orderBy(asc(councilRegistrations.createdAt), asc(councilRegistrations.id))
            .limit(1)
            .for('update'),
        ),
      )
      .returning({ userId: councilRegistrations.userId })
    const userId = next?.userId
    if (!userId) throw new AppError('SESSION_CHANGED')
    promoted.push(userId)
    await logEvent(tx, {
      sessionId,
      actorId: userId,
      actorRole: 'system',
      action: 'promote',
      fromStatus: 'waitlisted',
      toStatus: 'registered',
      createdAt: now,
    })
  }
  if (promoted.length) {
    const s = await loadSession(tx, sessionId)
    await tellSession(tx, s, promoted, `候补成功：议事会「${s.title}」`, `有人取消了报名，您已从候补转为正式报名，请按时参加`, now)
  }
  return promoted
}

/** Cancel a seat or a place on the waiting list; a freed seat goes to the earliest waiting, in the same transaction. */
export async function cancelRegistration(deps: Deps, actor: Actor, sessionId: string) {
  const { db } = deps.database
  const now = deps.now()
  const { session } = await visibleSession(db, actor, sessionId)
  const window = canCancelRegistration({ sessionStatus: session.status, startsAt: session.startsAt, now })
  if (!window.ok) refuse(window)
  await db.transaction(async (tx) => {
    // The session row first, as registering does: one lock order, no deadlocks.
    await lockSession(tx, sessionId)
    const [reg] = await tx
      .select()
      .from(councilRegistrations)
      .where(and(eq(councilRegistrations.sessionId, sessionId), eq(councilRegistrations.userId, actor.userId)))
    if (!reg || reg.status === 'cancelled') return
    if (reg.status === 'checked_in') throw new AppError('SESSION_CHANGED', '您已签到，不能取消报名')
    await tx
      .update(councilRegistrations)
      .set({ status: 'cancelled', holdsSeat: false, cancelledAt: now })
      .where(eq(councilRegistrations.id, reg.id))
    await tx
      .update(councilSessions)
      .set(
        reg.holdsSeat
          ? { registeredCount: sql`${councilSessions.registeredCount} - 1` }
          : { waitlistCount: sql`${councilSessions.waitlistCount} - 1` },
      )
      .where(eq(councilSessions.id, sessionId))
    await logEvent(tx, {
      sessionId,
      actorId: actor.userId,
      actorRole: 'resident',
      action: 'cancel_registration',
      fromStatus: reg.status,
      toStatus: 'cancelled',
      createdAt: now,
    })
    if (reg.holdsSeat) await promoteWaitlisted(tx, sessionId, now)
  })
  return registrationState(db, sessionId, actor.userId)
}

/**
 * Check in with the six digits shown at the venue (or read from its QR code). A registered
 * resident keeps their seat; a walk-in takes a free seat if there is one and attends anyway if not.
 */
export async function checkIn(deps: Deps, actor: Actor, sessionId: string, code: string) {
  const { db } = deps.database
  const now = deps.now()
  const { session } = await visibleSession(db, actor, sessionId)
  assertAttend(actor, session)
  const window = canCheckIn({ sessionStatus: session.status, startsAt: session.startsAt, endsAt: session.endsAt, now })
  if (!window.ok) refuse(window)
  if (code !== session.checkInCode) throw new AppError('CHECK_IN_CODE_INVALID')
  await db.transaction(async (tx) => {
    await lockSession(tx, sessionId)
    const [reg] = await tx
      .select()
      .from(councilRegistrations)
      .where(and(eq(councilRegistrations.sessionId, sessionId), eq(councilRegistrations.userId, actor.userId)))
    if (reg?.status === 'checked_in') return
    let holdsSeat = reg?.holdsSeat ?? false
    if (reg?.status === 'waitlisted') {
      await tx
        .update(councilSessions)
        .set({ waitlistCount: sql`${councilSessions.waitlistCount} - 1` })
        .where(eq(councilSessions.id, sessionId))
    }
    if (!holdsSeat) {
      const [seat] = await tx
        .update(councilSessions)
        .set({ registeredCount: sql`${councilSessions.registeredCount} + 1` })
        .where(and(eq(councilSessions.id, sessionId), lt(councilSessions.registeredCount, councilSessions.capacity)))
        .returning({ id: councilSessions.id })
      holdsSeat = !!seat
    }
    await tx
      .update(councilSessions)
      .set({ checkedInCount: sql`${councilSessions.checkedInCount} + 1` })
      .where(eq(councilSessions.id, sessionId))
    await tx
      .insert(councilRegistrations)
      .values({ sessionId, userId: actor.userId, status: 'checked_in', holdsSeat, createdAt: now, checkedInAt: now })
      .onConflictDoUpdate({
        target: [councilRegistrations.sessionId, councilRegistrations.userId],
        set: { status: 'checked_in', holdsSeat, checkedInAt: now, cancelledAt: null },
      })
    await logEvent(tx, {
      sessionId,
      actorId: actor.userId,
      actorRole: 'resident',
      action: 'check_in',
      fromStatus: reg?.status ?? null,
      toStatus: 'checked_in',
      data: { walkIn: reg?.status !== 'registered', holdsSeat },
      createdAt: now,
    })
  })
  return registrationState(db, sessionId, actor.userId)
}

/** Staff see who registered, waits and came: earliest first (the waiting-list order). */
export async function listRegistrations(deps: Deps, actor: Actor, sessionId: string, q: z.output<typeof RegistrationsQuery>) {
  const { db } = deps.database
  await managedSession(db, actor, sessionId)
  const conditions = [
    eq(councilRegistrations.sessionId, sessionId),
    q.status ? eq(councilRegistrations.status, q.status) : undefined,
    q.cursor
      ? (() => {
          const c = decodeCursor(q.cursor)
          return or(
            gt(councilRegistrations.createdAt, c.createdAt),
            and(eq(councilRegistrations.createdAt, c.createdAt), gt(councilRegistrations.id, c.id)),
          )
        })()
      : undefined,
  ].filter(Boolean) as SQL[]
  const rows = await db
    .select({ reg: councilRegistrations, nickname: users.nickname })
    .from(councilRegistrations)
    .innerJoin(users, eq(users.id, councilRegistrations.userId))
    .where(and(...conditions))
    .orderBy(asc(councilRegistrations.createdAt), asc(councilRegistrations.id))
    .limit(q.limit + 1)
  return toPage(
    rows.map((r) => ({ ...r.reg, nickname: r.nickname })),
    q.limit,
    (r) => ({
      id: r.id,
      nickname: r.nickname,
      status: r.status,
      statusLabel: registrationStatusLabels[r.status],
      createdAt: r.createdAt.toISOString(),
      checkedInAt: r.checkedInAt?.toISOString() ?? null,
    }),
  )
}

// ── Minutes (会议纪要) ───────────────────────────────────────────────────────────────────────────

/** Publishes the minutes of a concluded session (text, attendee count, photos) and tells everyone registered. */
export async function publishMinutes(deps: Deps, actor: Actor, sessionId: string, input: z.output<typeof MinutesInput>) {
  const { db } = deps.database
  const now = deps.now()
  const session = await managedSession(db, actor, sessionId)
  const check = checkSessionTransition('publish_minutes', session.status, ['staff'], {
    minutesText: input.text,
    attendeeCount: input.attendeeCount,
  })
  if (!check.ok) {
    if (check.code === 'INPUT_MISSING') throw fieldError(check.field ?? 'text', check.message)
    throw new AppError('SESSION_TRANSITION_NOT_ALLOWED', check.message)
  }
  const attached = await ownPhotos(db, actor.userId, input.photoIds)
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(councilSessions)
      .set({
        status: check.to,
        minutesText: input.text,
        minutesAttendeeCount: input.attendeeCount,
        minutesPublishedAt: now,
        updatedAt: now,
      })
      .where(and(eq(councilSessions.id, sessionId), eq(councilSessions.status, session.status)))
      .returning()
    if (!updated) throw new AppError('SESSION_CHANGED')
    if (attached.length) {
      await tx.insert(councilSessionPhotos).values(attached.map((p, position) => ({ sessionId, photoId: p.id, position })))
    }
    await logEvent(tx, {
      sessionId,
      actorId: actor.userId,
      actorRole: 'staff',
      action: 'publish_minutes',
      fromStatus: session.status,
      toStatus: check.to,
      data: { attendeeCount: input.attendeeCount, photos: attached.length },
      createdAt: now,
    })
    const proposers = await tx
      .select({ userId: councilTopics.proposerId })
      .from(councilTopics)
      .where(and(eq(councilTopics.sessionId, sessionId), eq(councilTopics.status, 'accepted')))
    const audience = new Set([...(await registrantIds(tx, sessionId)), ...proposers.map((p) => p.userId)])
    audience.delete(actor.userId)
    await tellSession(tx, updated, [...audience], `「${updated.title}」会议纪要已发布`, [...input.text].slice(0, 60).join(''), now)
  })
}

// ── Calendar (.ics) data ─────────────────────────────────────────────────────────────────────────

const CALENDAR_PAST_DAYS = 30
const CALENDAR_AHEAD_WEEKS = 12

async function communityName(db: Db, communityId: string): Promise<string> {
  const [c] = await db.select({ name: communities.name }).from(communities).where(eq(communities.id, communityId))
  if (!c) throw new AppError('NOT_FOUND', '社区不存在')
  return c.name
}

/** The sessions a community's calendar feed holds: the last 30 days and the next 12 weeks, as the viewer may see them. */
export async function calendarOfCommunity(deps: Deps, actor: Actor, communityId: string) {
  const audience = listAudience(actor, communityId)
  if (audience === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看议事会')
  const orgs = audience === 'invited' ? await partnerOrgs(deps.database.db, actor, communityId) : null
  return calendarFeed(deps, communityId, orgs)
}

/**
 * What a subscribed calendar app gets: the same window, all sessions (`orgs` null) or only those
 * inviting one of `orgs` (a partner's link).
 */
export async function calendarFeed(deps: Deps, communityId: string, orgs: string[] | null) {
  const { db } = deps.database
  const now = deps.now()
  const name = await communityName(db, communityId)
  const sessions = await db
    .select()
    .from(councilSessions)
    .where(
      and(
        eq(councilSessions.communityId, communityId),
        gt(councilSessions.startsAt, new Date(now.getTime() - CALENDAR_PAST_DAYS * 86400_000)),
        lt(councilSessions.startsAt, new Date(now.getTime() + CALENDAR_AHEAD_WEEKS * 7 * 86400_000)),
        orgs
          ? sql`exists (select 1 from jsonb_array_elements(${councilSessions.invitedParties}) p where p->>'name' in ${orgs.length ? orgs : ['']})`
          : undefined,
      ),
    )
    .orderBy(asc(councilSessions.startsAt), asc(councilSessions.id))
    .limit(500)
  return { name: `${name} · 议事会`, communityName: name, sessions, now }
}

/**
 * The viewer's private subscription path for the community calendar: calendar apps cannot send a
 * sign-in token, so the path carries an HMAC of (community, scope) under the server's secret.
 * Partners get a link scoped to their organisation.
 */
export async function calendarFeedPath(deps: Deps, actor: Actor, communityId: string) {
  const audience = listAudience(actor, communityId)
  if (audience === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以订阅议事会日历')
  await communityName(deps.database.db, communityId)
  const orgs = audience === 'invited' ? await partnerOrgs(deps.database.db, actor, communityId) : []
  const scope = audience === 'invited' ? `org:${orgs.sort().join('|')}` : 'all'
  return `/api/calendar/${communityId}/${encodeScope(scope)}/${feedSignature(deps.config.sessionSecret, communityId, scope)}/councils.ics`
}

function encodeScope(scope: string) {
  return Buffer.from(scope).toString('base64url')
}

export function feedSignature(secret: string, communityId: string, scope: string): string {
  return createHmac('sha256', secret).update(`linli.calendar-feed\n${communityId}\n${scope}`).digest('base64url').slice(0, 32)
}

/** Checks a subscription path's parts; the orgs it shows (null: all sessions). */
export function verifyFeed(secret: string, communityId: string, encodedScope: string, signature: string): string[] | null {
  const scope = Buffer.from(encodedScope, 'base64url').toString()
  const expected = Buffer.from(feedSignature(secret, communityId, scope))
  const given = Buffer.from(signature)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new AppError('NOT_FOUND', '日历订阅链接无效')
  if (scope === 'all') return null
  if (!scope.startsWith('org:')) throw new AppError('NOT_FOUND', '日历订阅链接无效')
  return scope.slice(4).split('|').filter(Boolean)
}

export async function calendarOfSession(deps: Deps, actor: Actor, sessionId: string) {
  const { db } = deps.database
  const { session } = await visibleSession(db, actor, sessionId)
  const name = await communityName(db, session.communityId)
  return { name: session.title, communityName: name, sessions: [session], now: deps.now() }
}
