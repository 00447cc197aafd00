import { and, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { checkSessionTransition } from '../../domain/councils/lifecycle.js'
import type { MinutesInput } from '../../domain/schemas/councils.js'
import type { Actor } from '../../domain/permissions.js'
import { councilSessionPhotos, councilSessions, councilTopics } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, refusal } from '../http/errors.js'
import { ownPhotos } from '../photos/index.js'
import { managedSession, logEvent, tellSession, registrantIds } from './common.js'

/** Publishes the minutes of a concluded session (text, attendee count, photos) and tells everyone registered. */
export async function publishMinutes(deps: Deps, actor: Actor, sessionId: string, input: z.output<typeof MinutesInput>) {
  const { db } = deps.database
  const now = deps.now()
  const session = await managedSession(db, actor, sessionId)
  const check = checkSessionTransition('publish_minutes', session.status, ['staff'], {
    minutesText: input.text,
    attendeeCount: input.attendeeCount,
  })
  if (!check.ok) throw refusal(check, 'SESSION_TRANSITION_NOT_ALLOWED')
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
