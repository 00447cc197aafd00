import { eq } from 'drizzle-orm'
import { checkTransition, type ConcernAction } from '../../domain/concerns/lifecycle.js'
import type { Actor } from '../../domain/permissions.js'
import type { Tx } from '../../db/client.js'
import { concernEvents, concerns, eventPhotos, type ConcernRow } from '../../db/schema/index.js'
import { applyKpiChange } from '../kpis/index.js'
import { acknowledgement, lockWithClock } from './clock.js'
import { followerIds, assigneeIds, tellAbout } from './common.js'

export interface CouncilStep {
  action: Extract<ConcernAction, 'accept' | 'send_to_council' | 'deliberate' | 'start' | 'resolve'>
  note: string
  /** Photos shown on the step (a resolved tracked item's photos of the work done). */
  photoIds?: string[]
  /** Extra columns, e.g. the responsible party and the resolution's deadline when work starts. */
  patch?: Partial<typeof concerns.$inferInsert>
  data?: Record<string, unknown>
}

/**
 * Moves a concern along the steps a council takes (accept → on_agenda when its topic is put on
 * the agenda; deliberated → in_progress when a resolution is recorded; in_progress → resolved when
 * the resolution's tracked item is done, with its photos), inside the caller's
 * transaction, through the same lifecycle rules, events and notices as any staff transition.
 * Steps the concern's status does not allow are skipped (e.g. already on an agenda, or already
 * being worked on); returns the steps taken.
 */
export async function moveConcernByCouncil(
  tx: Tx,
  actor: Actor,
  concernId: string,
  steps: CouncilStep[],
  now: Date,
): Promise<ConcernAction[]> {
  const taken: ConcernAction[] = []
  const locked = await lockWithClock(tx, concernId, actor.userId)
  if (!locked) return taken
  let current: ConcernRow = locked
  const staffRole = actor.memberships.find(
    (m) => m.communityId === current.communityId && (m.role === 'admin' || m.role === 'worker'),
  )?.role
  for (const step of steps) {
    const check = checkTransition(step.action, current.status, ['staff'], { note: step.note, photoCount: step.photoIds?.length ?? 0 })
    if (!check.ok) continue
    // Steps taken together are a millisecond apart, so the timeline (by time, then id) keeps their order.
    const at = new Date(now.getTime() + taken.length)
    const patch: Partial<typeof concerns.$inferInsert> = { status: check.to, updatedAt: at, ...step.patch }
    if (step.action === 'accept') Object.assign(patch, acknowledgement(current, locked, actor.userId, at))
    const [updated] = await tx.update(concerns).set(patch).where(eq(concerns.id, concernId)).returning()
    await applyKpiChange(tx, current, updated)
    const [event] = await tx
      .insert(concernEvents)
      .values({
        concernId,
        actorId: actor.userId,
        actorRole: 'staff',
        action: step.action,
        fromStatus: current.status,
        toStatus: check.to,
        note: step.note,
        data: { staffRole, ...step.data },
        createdAt: at,
      })
      .returning({ id: concernEvents.id })
    if (step.photoIds?.length)
      await tx.insert(eventPhotos).values(step.photoIds.map((photoId, position) => ({ eventId: event.id, photoId, position })))
    const audience = new Set([...(await followerIds(tx, concernId)), current.authorId])
    if (step.action === 'start') for (const u of await assigneeIds(tx, updated)) audience.add(u)
    audience.delete(actor.userId)
    await tellAbout(tx, updated, check.to, [...audience], step.note, at)
    current = updated
    taken.push(step.action)
  }
  return taken
}
