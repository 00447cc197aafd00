import { and, count, eq, inArray, lte } from 'drizzle-orm'
import type { z } from 'zod'
import { checkSessionTransition, upcomingStatuses } from '../../domain/councils/lifecycle.js'
import type { SessionActionInput, SessionInput } from '../../domain/schemas/councils.js'
import { can, type Actor } from '../../domain/permissions.js'
import { councilSessions, councilTopics } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError, refusal } from '../http/errors.js'
import { newCheckInCode, loadSession, managedSession, logEvent, tellSession, registrantIds } from './common.js'
import { promoteWaitlisted } from './registration.js'

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
  if (!check.ok) throw refusal(check, 'SESSION_TRANSITION_NOT_ALLOWED')
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
  if (!check.ok) throw refusal(check, 'SESSION_TRANSITION_NOT_ALLOWED')
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
