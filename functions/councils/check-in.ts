import { and, eq, lt, sql } from 'drizzle-orm'
import { canCheckIn } from '../../domain/councils/booking.js'
import type { Actor } from '../../domain/permissions.js'
import { councilRegistrations, councilSessions } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { awardPoints } from '../points/index.js'
import { AppError, refusal } from '../http/errors.js'
import { visibleSession, logEvent } from './common.js'
import { assertAttend, registrationState, lockSession } from './registration.js'

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
  if (!window.ok) throw refusal(window)
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
    // 道德银行: the community's check-in points, once per session (the ledger refuses a second entry).
    await awardPoints(tx, {
      communityId: session.communityId,
      userId: actor.userId,
      kind: 'council_check_in',
      sourceType: 'council_session',
      sourceId: sessionId,
      reason: `议事会签到：${session.title}`,
      createdBy: null,
      at: now,
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
