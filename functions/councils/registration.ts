import { and, asc, count, eq, gt, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import { canCancelRegistration, canRegister } from '../../domain/councils/booking.js'
import { registrationStatusLabels } from '../../domain/councils/labels.js'
import type { RegistrationsQuery } from '../../domain/schemas/councils.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { councilEvents, councilRegistrations, councilSessions, users, type CouncilSessionRow } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import type { Deps } from '../context.js'
import { afterCursorChecked, toPage } from '../http/cursor.js'
import { AppError, refusal } from '../http/errors.js'
import { viewerRegistration } from './views.js'
import { loadSession, visibleSession, tellSession } from './common.js'
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

/** Still open for registration, in the statement that registers: the start has not come and it is not cancelled. */
const stillOpen = (now: Date) => and(inArray(councilSessions.status, ['open', 'agenda_fixed']), gt(councilSessions.startsAt, now))

/** What registering did: `open` false when the session no longer takes registrations; no status when already registered or waiting. */
interface Taken {
  open: boolean
  id: string | null
  status: 'registered' | 'waitlisted' | null
  registered_count: number | null
  waitlist_count: number | null
}

/** Registering as one statement (see `register`): the locked session, the registration, the counts, the event. */
function registerStatement(sessionId: string, userId: string, now: Date) {
  const at = now.toISOString()
  return sql`
    with s as (
      select id, registered_count < capacity as seat from ${councilSessions}
      where ${and(eq(councilSessions.id, sessionId), stillOpen(now))}
      for update
    ),
    ins as (
      insert into ${councilRegistrations} (session_id, user_id, status, holds_seat, created_at)
      select s.id, ${userId}, (case when s.seat then 'registered' else 'waitlisted' end)::council_registration_status, s.seat, ${at}::timestamptz
      from s
      on conflict (session_id, user_id) do update
        set status = excluded.status, holds_seat = excluded.holds_seat, created_at = excluded.created_at,
            cancelled_at = null, checked_in_at = null
        where council_registrations.status = 'cancelled'
      returning id, status, holds_seat
    ),
    counted as (
      update ${councilSessions} c
      set registered_count = c.registered_count + (case when ins.holds_seat then 1 else 0 end),
          waitlist_count = c.waitlist_count + (case when ins.holds_seat then 0 else 1 end)
      from ins where c.id = ${sessionId}
      returning c.registered_count, c.waitlist_count
    ),
    logged as (
      insert into ${councilEvents} (session_id, actor_id, actor_role, action, to_status, created_at)
      select ${sessionId}, ${userId}, 'resident', case when ins.holds_seat then 'register' else 'waitlist' end, ins.status::text, ${at}::timestamptz
      from ins
    )
    select exists (select 1 from s) as open, ins.id, ins.status::text as status, counted.registered_count, counted.waitlist_count
    from (values (1)) as one left join ins on true left join counted on true`
}

/**
 * Register: a seat while one is free, otherwise a place on the waiting list, in one statement with
 * no transaction around it. The statement locks the session row first (as cancelling and checking
 * in do), so whether a seat is free is read from its latest version; it inserts the registration
 * (a cancelled one is reused and goes to the back of the line), and only when it did, moves the
 * session's counts (`registered_count <= capacity` holds: the seat was free under the lock) and
 * logs the event. Registering again while registered or waiting changes nothing.
 */
export async function register(deps: Deps, actor: Actor, sessionId: string) {
  const { db } = deps.database
  const now = deps.now()
  const { session } = await visibleSession(db, actor, sessionId)
  assertAttend(actor, session)
  const open = canRegister({ sessionStatus: session.status, startsAt: session.startsAt, now })
  if (!open.ok) throw refusal(open)

  const result = (await db.execute(registerStatement(sessionId, actor.userId, now))) as unknown as { rows: Taken[] } // every driver answers with `rows`
  const taken = result.rows[0]
  if (!taken.open) {
    // Cancelled or started since it was read: say which, as the first check would have.
    const fresh = await loadSession(db, sessionId)
    const again = canRegister({ sessionStatus: fresh.status, startsAt: fresh.startsAt, now })
    if (!again.ok) throw refusal(again)
    throw new AppError('SESSION_CHANGED')
  }
  if (!taken.status || !taken.id) return registrationState(db, sessionId, actor.userId)
  return {
    registration: taken.status,
    // After the statement, as before: the line as it is once this place is in it.
    waitlistPosition: taken.status === 'waitlisted' ? await waitlistPosition(db, sessionId, { id: taken.id, createdAt: now }) : null,
    registeredCount: Number(taken.registered_count),
    waitlistCount: Number(taken.waitlist_count),
  }
}

/** Holds the session row until the commit: registering, cancelling and checking in take it first. */
export async function lockSession(tx: Tx, sessionId: string) {
  await tx.select({ id: councilSessions.id }).from(councilSessions).where(eq(councilSessions.id, sessionId)).for('update')
}

/** One seat given to the earliest waiting, as one statement: the seat counted, the registration moved up, the event logged. */
function promoteStatement(sessionId: string, now: Date) {
  const at = now.toISOString()
  return sql`
    with seat as (
      update ${councilSessions}
      set registered_count = registered_count + 1, waitlist_count = waitlist_count - 1
      where id = ${sessionId} and registered_count < capacity and waitlist_count > 0
      returning id, title, status::text as status, registered_count, waitlist_count
    ),
    moved as (
      update ${councilRegistrations} set status = 'registered', holds_seat = true
      where id = (
        select id from ${councilRegistrations}
        where session_id = ${sessionId} and status = 'waitlisted'
        order by created_at, id limit 1
        for update
      ) and exists (select 1 from seat)
      returning user_id
    ),
    logged as (
      insert into ${councilEvents} (session_id, actor_id, actor_role, action, from_status, to_status, created_at)
      select ${sessionId}, moved.user_id, 'system', 'promote', 'waitlisted', 'registered', ${at}::timestamptz from moved
    )
    select seat.title, seat.status, seat.registered_count, seat.waitlist_count, moved.user_id
    from seat left join moved on true`
}

interface Promotion {
  title: string
  status: CouncilSessionRow['status']
  registered_count: number
  waitlist_count: number
  user_id: string | null
}

/**
 * Gives free seats to the earliest on the waiting list, one statement a seat (at most `most`),
 * inside the caller's transaction (which holds the session row), and tells who moved up. Returns
 * who moved up and the session's counts after, when a seat was given.
 */
export async function promoteWaitlisted(tx: Tx, sessionId: string, now: Date, most = Number.POSITIVE_INFINITY) {
  const promoted: string[] = []
  let last: Promotion | undefined
  while (promoted.length < most) {
    const result = (await tx.execute(promoteStatement(sessionId, now))) as unknown as { rows: Promotion[] } // every driver answers with `rows`
    const seat = result.rows[0]
    if (!seat) break
    // A seat counted with nobody waiting to take it: the counts and the rows disagree; roll back.
    if (!seat.user_id) throw new AppError('SESSION_CHANGED')
    promoted.push(seat.user_id)
    last = seat
  }
  if (last) {
    const s = { id: sessionId, title: last.title, status: last.status }
    await tellSession(tx, s, promoted, `候补成功：议事会「${s.title}」`, `有人取消了报名，您已从候补转为正式报名，请按时参加`, now)
  }
  return { promoted, counts: last && { registeredCount: Number(last.registered_count), waitlistCount: Number(last.waitlist_count) } }
}

/** What cancelling did: `was` null when there was nothing to cancel (none, already cancelled, or checked in meanwhile). */
interface Cancelled {
  was: 'registered' | 'waitlisted' | null
  held: boolean | null
  registered_count: number | null
  waitlist_count: number | null
}

/**
 * Cancelling as one statement, run once the transaction holds the session row (`lockSession`): the
 * registration cancelled only while it is still a seat or a place in line, the session's count
 * moved by what it was, the event logged. Every change of a session's registrations holds that
 * row, so this statement, begun after the lock, reads the registration as the last one left it — a
 * statement that waited for the lock itself would read it as it was before the wait (a place in
 * line that the wait turned into a seat, and the wrong count moved).
 */
function cancelStatement(sessionId: string, userId: string, now: Date) {
  const at = now.toISOString()
  return sql`
    with reg as (
      select r.id, r.status::text as was, r.holds_seat as held from ${councilRegistrations} r
      where r.session_id = ${sessionId} and r.user_id = ${userId}
    ),
    cancelled as (
      update ${councilRegistrations} r set status = 'cancelled', holds_seat = false, cancelled_at = ${at}::timestamptz
      from reg where r.id = reg.id and r.status in ('registered', 'waitlisted')
      returning reg.was, reg.held
    ),
    counted as (
      update ${councilSessions} c
      set registered_count = c.registered_count - (case when cancelled.held then 1 else 0 end),
          waitlist_count = c.waitlist_count - (case when cancelled.held then 0 else 1 end)
      from cancelled where c.id = ${sessionId}
      returning c.registered_count, c.waitlist_count
    ),
    logged as (
      insert into ${councilEvents} (session_id, actor_id, actor_role, action, from_status, to_status, created_at)
      select ${sessionId}, ${userId}, 'resident', 'cancel_registration', cancelled.was, 'cancelled', ${at}::timestamptz from cancelled
    )
    select cancelled.was, cancelled.held, counted.registered_count, counted.waitlist_count
    from (values (1)) as one left join cancelled on true left join counted on true`
}

/**
 * Cancel a seat or a place on the waiting list; a freed seat goes to the earliest waiting, in the
 * same transaction: the session row locked, one statement to cancel, one to move the next up (and
 * one to tell them). The reply's counts are the statements'; only when nothing was cancelled is the
 * registration read again.
 */
export async function cancelRegistration(deps: Deps, actor: Actor, sessionId: string) {
  const { db } = deps.database
  const now = deps.now()
  const { session } = await visibleSession(db, actor, sessionId)
  const window = canCancelRegistration({ sessionStatus: session.status, startsAt: session.startsAt, now })
  if (!window.ok) throw refusal(window)
  const done = await db.transaction(async (tx) => {
    await lockSession(tx, sessionId)
    const result = (await tx.execute(cancelStatement(sessionId, actor.userId, now))) as unknown as { rows: Cancelled[] } // every driver answers with `rows`
    const c = result.rows[0]
    if (!c.was) return null
    const counts = { registeredCount: Number(c.registered_count), waitlistCount: Number(c.waitlist_count) }
    if (!c.held) return counts
    return (await promoteWaitlisted(tx, sessionId, now, 1)).counts ?? counts
  })
  if (done) return { registration: 'none' as const, waitlistPosition: null, ...done }
  // Nothing cancelled: not registered, already cancelled, or checked in (which cannot be undone here).
  const state = await registrationState(db, sessionId, actor.userId)
  if (state.registration === 'checked_in') throw new AppError('SESSION_CHANGED', '您已签到，不能取消报名')
  return state
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
