import { and, asc, count, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { canCancelRegistration, canRegister } from '../../domain/councils/booking.js'
import { registrationStatusLabels } from '../../domain/councils/labels.js'
import type { RegistrationsQuery } from '../../domain/schemas/councils.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { councilRegistrations, councilSessions, users, type CouncilSessionRow } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import type { Deps } from '../context.js'
import { afterCursorChecked, toPage } from '../http/cursor.js'
import { AppError, refusal } from '../http/errors.js'
import { viewerRegistration } from './views.js'
import { loadSession, visibleSession, logEvent, tellSession } from './common.js'
import { readSession } from './reads.js'

export function assertAttend(actor: Actor, session: CouncilSessionRow) {
  if (!can(actor, 'council.attend', session)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能报名参加议事会')
}

export async function waitlistPosition(db: Db | Tx, sessionId: string, reg: { id: string; createdAt: Date }): Promise<number> {
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
  if (!open.ok) throw refusal(open)

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
          if (!again.ok) throw refusal(again)
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
export async function lockSession(tx: Tx, sessionId: string) {
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
  if (!window.ok) throw refusal(window)
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

const registrantShape = jsonShape({ reg: councilRegistrations, nickname: users.nickname })

/** Staff see who registered, waits and came: earliest first (the waiting-list order). One statement with the actor. */
export async function listRegistrations(deps: Deps, userId: string, sessionId: string, q: z.output<typeof RegistrationsQuery>) {
  const { db } = deps.database
  const cursor = afterCursorChecked(q.cursor, { at: councilRegistrations.createdAt, id: councilRegistrations.id }, 'asc')
  const conditions = [
    eq(councilRegistrations.sessionId, sessionId),
    q.status ? eq(councilRegistrations.status, q.status) : undefined,
    cursor.where,
  ].filter(Boolean) as SQL[]
  const list = db
    .select({ r: registrantShape.object })
    .from(councilRegistrations)
    .innerJoin(users, eq(users.id, councilRegistrations.userId))
    .where(and(...conditions))
    .orderBy(asc(councilRegistrations.createdAt), asc(councilRegistrations.id))
    .limit(q.limit + 1)
  // The list is used only after the checks: 404 unless the session is seen, 403 unless staff (`managedSession`).
  const { audience, rows } = await readSession(db, userId, sessionId, { rows: allOf(list) })
  if (audience !== 'staff') throw new AppError('FORBIDDEN', '只有本社区的工作人员可以管理议事会')
  cursor.check()
  return toPage(
    rows.map((value) => {
      const r = registrantShape.decode(value)
      return { ...r.reg, nickname: r.nickname }
    }),
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
