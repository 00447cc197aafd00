import { and, asc, count, desc, eq, gt, lt, lte, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { z } from 'zod'
import { canBookTopic, canCheckIn, canRegister, MAX_PENDING_TOPICS_PER_RESIDENT } from '../../domain/councils/booking.js'
import { availableSessionActions } from '../../domain/councils/lifecycle.js'
import { MAX_SESSION_HOURS, type SessionsQuery } from '../../domain/schemas/councils.js'
import type { ResolutionTracking } from '../../domain/schemas/tracking.js'
import { isOverdue, trackedStatusLabels } from '../../domain/tracking/items.js'
import { can } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import {
  councilRegistrations,
  councilSessionPhotos,
  councilSessions,
  councilTopics,
  photos,
  type CouncilTopicRow,
} from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { afterCursorChecked, encodeCursor } from '../http/cursor.js'
import { AppError } from '../http/errors.js'
import { photoView } from '../photos/index.js'
import { listAudience, sessionRoles } from './access.js'
import { invitedPartiesView, resolutionView, toSessionSummary, viewerRegistration } from './views.js'
import { type TopicRow, topicJson, topicOf, topicView } from './common.js'
import { readSession, sessionsSeenBy } from './reads.js'

/**
 * The 议事 tab: upcoming sessions (not yet ended) soonest first, or past ones latest first. Keyset
 * on (starts_at, id) over `council_sessions_list_idx`; a session lasts at most 12 hours, which
 * bounds the index range for "not yet ended". One statement with the actor; a partner's list is
 * narrowed to its invitations in SQL (`sessionsSeenBy`), so the page is the same as before.
 */
export async function listSessions(deps: Deps, userId: string, communityId: string, q: z.output<typeof SessionsQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const upcoming = q.when === 'upcoming'
  const horizon = new Date(now.getTime() - MAX_SESSION_HOURS * 3600_000)
  const cursor = afterCursorChecked(q.cursor, { at: councilSessions.startsAt, id: councilSessions.id }, upcoming ? 'asc' : 'desc')
  const conditions = [
    eq(councilSessions.communityId, communityId),
    upcoming
      ? and(gt(councilSessions.startsAt, horizon), gt(councilSessions.endsAt, now))
      : and(lt(councilSessions.startsAt, now), lte(councilSessions.endsAt, now)),
    q.kind ? eq(councilSessions.kind, q.kind) : undefined,
    sessionsSeenBy(db, userId, communityId),
    cursor.where,
  ].filter(Boolean) as SQL[]
  const list = db
    .select({ r: listShape.object })
    .from(councilSessions)
    .leftJoin(mine, and(eq(mine.sessionId, councilSessions.id), eq(mine.userId, userId)))
    .where(and(...conditions))
    .orderBy(
      ...(upcoming ? [asc(councilSessions.startsAt), asc(councilSessions.id)] : [desc(councilSessions.startsAt), desc(councilSessions.id)]),
    )
    .limit(q.limit + 1)
  const { actor, page } = await readSignedIn(db, userId, { page: allOf(list) })
  if (listAudience(actor, communityId) === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看议事会')
  cursor.check()
  const rows = page.map(listShape.decode)
  const items = rows.slice(0, q.limit)
  const last = items.at(-1)
  return {
    items: items.map((r) => toSessionSummary(r.session, r.registration, now)),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.session.startsAt, id: last.session.id }) : null,
  }
}

const mine = alias(councilRegistrations, 'mine')
const listShape = jsonShape({ session: councilSessions, registration: mine.status })

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

const registrationShape = jsonShape({ status: councilRegistrations.status })
const photoShape = jsonShape({ id: photos.id, url: photos.url, width: photos.width, height: photos.height, moderation: photos.moderation })

/** What a session's page shows around it, as parts of its one statement (none depends on who may see it). */
function detailParts(db: Db, userId: string, id: string) {
  const own = and(eq(councilRegistrations.sessionId, id), eq(councilRegistrations.userId, userId))
  // The viewer's place in the waiting list: those waiting since before them (`waitlistPosition`, as SQL).
  const me = alias(councilRegistrations, 'me')
  const ahead = db
    .select({ n: count() })
    .from(councilRegistrations)
    .innerJoin(me, and(eq(me.sessionId, id), eq(me.userId, userId)))
    .where(
      and(
        eq(councilRegistrations.sessionId, id),
        eq(councilRegistrations.status, 'waitlisted'),
        or(
          lt(councilRegistrations.createdAt, me.createdAt),
          and(eq(councilRegistrations.createdAt, me.createdAt), lt(councilRegistrations.id, me.id)),
        ),
      ),
    )
  const pending = db
    .select({ n: count() })
    .from(councilTopics)
    .where(and(eq(councilTopics.sessionId, id), eq(councilTopics.proposerId, userId), eq(councilTopics.status, 'pending')))
  return {
    topics: allOf(
      topicJson(db)
        .where(and(eq(councilTopics.sessionId, id), or(eq(councilTopics.status, 'accepted'), eq(councilTopics.proposerId, userId))))
        .orderBy(asc(councilTopics.agendaOrder), asc(councilTopics.createdAt), asc(councilTopics.id)),
    ),
    registration: firstOf(db.select({ r: registrationShape.object }).from(councilRegistrations).where(own)),
    waitlistAhead: sql<number>`(${ahead})`.mapWith(Number),
    pendingMine: sql<number>`(${pending})`.mapWith(Number),
    // Shown only once the minutes are published.
    photos: allOf(
      db
        .select({ r: photoShape.object })
        .from(councilSessionPhotos)
        .innerJoin(photos, eq(photos.id, councilSessionPhotos.photoId))
        .where(eq(councilSessionPhotos.sessionId, id))
        .orderBy(asc(councilSessionPhotos.position)),
    ),
  }
}

/** A session's page in one statement with the actor (404 unless they may see it). */
export async function getSessionDetail(deps: Deps, userId: string, id: string) {
  const { db } = deps.database
  const now = deps.now()
  const read = await readSession(db, userId, id, detailParts(db, userId, id))
  const { actor, session, audience } = read
  const staff = audience === 'staff'
  const topics = read.topics.map(topicOf)
  const registration = read.registration ? registrationShape.decode(read.registration) : undefined
  const minutePhotos = session.minutesPublishedAt ? read.photos.map(photoShape.decode) : []
  const reg = viewerRegistration(registration?.status)
  const mayAttend = can(actor, 'council.attend', session)
  const mayBook = can(actor, 'council.bookTopic', session)
  const booking = canBookTopic({
    sessionStatus: session.status,
    bookingDeadline: session.bookingDeadline,
    now,
    acceptedCount: session.acceptedTopicCount,
    slots: session.agendaSlots,
    residentPendingCount: read.pendingMine,
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
      waitlistPosition: reg === 'waitlisted' ? read.waitlistAhead + 1 : null,
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
