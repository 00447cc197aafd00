import { and, asc, count, desc, eq, gt, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { z } from 'zod'
import { canBookTopic, canCheckIn, canRegister, MAX_PENDING_TOPICS_PER_RESIDENT } from '../../domain/councils/booking.js'
import { availableSessionActions } from '../../domain/councils/lifecycle.js'
import { MAX_SESSION_HOURS, type SessionsQuery } from '../../domain/schemas/councils.js'
import type { ResolutionTracking } from '../../domain/schemas/tracking.js'
import { isOverdue, trackedStatusLabels } from '../../domain/tracking/items.js'
import { can, type Actor } from '../../domain/permissions.js'
import {
  councilRegistrations,
  councilSessionPhotos,
  councilSessions,
  councilTopics,
  photos,
  type CouncilTopicRow,
} from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { partnerOrgs } from '../concerns/index.js'
import { afterCursor, encodeCursor } from '../http/cursor.js'
import { AppError } from '../http/errors.js'
import { photoView } from '../photos/index.js'
import { listAudience, sessionRoles } from './access.js'
import { invitedPartiesView, resolutionView, toSessionSummary, viewerRegistration } from './views.js'
import { visibleSession, topicRows, type TopicRow, topicView } from './common.js'
import { waitlistPosition } from './registration.js'

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
  const orgs = audience === 'invited' ? partnerOrgs(actor, communityId) : []
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
    afterCursor(q.cursor, { at: councilSessions.startsAt, id: councilSessions.id }, upcoming ? 'asc' : 'desc'),
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
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.session.startsAt, id: last.session.id }) : null,
  }
}

function agendaItem(r: TopicRow, now: Date) {
  const t: CouncilTopicRow = r.topic
  // Each resolution's tracked item: how far it is (the item's own page has the updates).
  const tracking: z.output<typeof ResolutionTracking> | null =
    r.trackedId && r.trackedStatus && r.trackedProgress !== null && r.trackedDeadline
      ? {
          itemId: r.trackedId,
          status: r.trackedStatus,
          statusLabel: trackedStatusLabels[r.trackedStatus],
          progress: r.trackedProgress,
          overdue: isOverdue({ status: r.trackedStatus, deadline: r.trackedDeadline }, now),
        }
      : null
  return {
    topicId: t.id,
    order: t.agendaOrder ?? 0,
    minutes: t.minutesAllotted ?? 0,
    title: t.title,
    reason: t.reason,
    concern: t.concernId && r.concernNo ? { id: t.concernId, publicNo: r.concernNo } : null,
    resolution: resolutionView(t, tracking),
  }
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
    agenda: topics.filter((r) => r.topic.status === 'accepted').map((r) => agendaItem(r, now)),
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
