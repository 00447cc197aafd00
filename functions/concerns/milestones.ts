import { eq } from 'drizzle-orm'
import { arrivalTransition } from '../../domain/concerns/milestones.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { AcknowledgeInput, ArriveInput } from '../../domain/schemas/grids.js'
import { concernEvents, concerns, eventPhotos } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { applyKpiChange } from '../kpis/index.js'
import { ownPhotos } from '../photos/index.js'
import { followerIds, lockConcern, tellAbout, visibleConcern } from './common.js'
import { getConcernDetail } from './read.js'
import { transitionConcern } from './transitions.js'

/** 签收: the staff's acceptance, recorded as the milestone (the same transition as 受理). */
export async function acknowledgeConcern(deps: Deps, actor: Actor, id: string, input: z.output<typeof AcknowledgeInput>) {
  return transitionConcern(deps, actor, id, { action: 'accept', note: input.note, photoIds: [] })
}

/**
 * 到场: the worker is on site, with a photo when there is one. Moves a concern waiting to be worked
 * on into work; on one already in progress it is recorded without a status change. Once only.
 */
export async function arriveAtConcern(deps: Deps, actor: Actor, id: string, input: z.output<typeof ArriveInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { row, roles } = await visibleConcern(db, actor, id)
  if (!roles.includes('staff') && !roles.includes('assignee')) throw new AppError('FORBIDDEN', '只有本社区工作人员或承办人可以记录到场')
  const attached = await ownPhotos(db, actor.userId, input.photoIds)
  await db.transaction(async (tx) => {
    const before = await lockConcern(tx, id)
    const to = arrivalTransition(before.status)
    if (!to) throw new AppError('MILESTONE_NOT_ALLOWED', '诉求签收后、办结前才能记录到场')
    if (before.arrivedAt) throw new AppError('MILESTONE_NOT_ALLOWED', '已经记录过到场')
    const [after] = await tx.update(concerns).set({ status: to, arrivedAt: now, updatedAt: now }).where(eq(concerns.id, id)).returning()
    const staffRole = actor.memberships.find((m) => m.communityId === row.communityId && (m.role === 'admin' || m.role === 'worker'))?.role
    const actorRole = roles.includes('staff') ? 'staff' : 'partner'
    const [event] = await tx
      .insert(concernEvents)
      .values({
        concernId: id,
        actorId: actor.userId,
        actorRole,
        action: 'arrive',
        fromStatus: before.status,
        toStatus: to,
        note: input.note ?? null,
        data: actorRole === 'staff' ? { staffRole } : { orgName: before.assigneeOrg },
        createdAt: now,
      })
      .returning({ id: concernEvents.id })
    if (attached.length)
      await tx.insert(eventPhotos).values(attached.map((p, position) => ({ eventId: event.id, photoId: p.id, position })))
    await applyKpiChange(tx, before, after)
    const audience = new Set([...(await followerIds(tx, id)), before.authorId])
    audience.delete(actor.userId)
    await tellAbout(tx, after, to, [...audience], input.note ?? '工作人员已到现场处理', now)
  })
  return getConcernDetail(deps, actor.userId, id)
}
