import { createHmac, timingSafeEqual } from 'node:crypto'
import { and, asc, eq, gt, lt, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { communities, councilSessions } from '../../db/schema/index.js'
import { allOf, firstOf, together } from '../../db/together.js'
import { readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { partnerOrgs } from '../concerns/index.js'
import { AppError } from '../http/errors.js'
import { listAudience } from './access.js'
import { readSession, sessionShape, sessionsSeenBy } from './reads.js'

const CALENDAR_PAST_DAYS = 30

const CALENDAR_AHEAD_WEEKS = 12

/** The community's name as a part (null when there is none). */
function communityName(db: Db, communityId: string | SQL) {
  return firstOf(db.select({ name: communities.name }).from(communities).where(eq(communities.id, communityId)))
}

function named(name: unknown): string {
  if (typeof name !== 'string') throw new AppError('NOT_FOUND', '社区不存在')
  return name
}

/** The sessions of the calendar's window (the last 30 days and the next 12 weeks) that `seen` keeps, as a part. */
function windowSessions(db: Db, communityId: string, now: Date, seen: SQL | undefined) {
  const list = db
    .select({ r: sessionShape.object })
    .from(councilSessions)
    .where(
      and(
        eq(councilSessions.communityId, communityId),
        gt(councilSessions.startsAt, new Date(now.getTime() - CALENDAR_PAST_DAYS * 86400_000)),
        lt(councilSessions.startsAt, new Date(now.getTime() + CALENDAR_AHEAD_WEEKS * 7 * 86400_000)),
        seen,
      ),
    )
    .orderBy(asc(councilSessions.startsAt), asc(councilSessions.id))
    .limit(500)
  return allOf(list)
}

function calendarOf(name: string, sessions: unknown[], now: Date) {
  return { name: `${name} · 议事会`, communityName: name, sessions: sessions.map(sessionShape.decode), now }
}

/** The community's calendar as the viewer may see it, in one statement with the actor (403 before 404, as before). */
export async function calendarOfCommunity(deps: Deps, userId: string, communityId: string) {
  const { db } = deps.database
  const now = deps.now()
  const read = await readSignedIn(db, userId, {
    name: communityName(db, communityId),
    sessions: windowSessions(db, communityId, now, sessionsSeenBy(db, userId, communityId)),
  })
  if (listAudience(read.actor, communityId) === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看议事会')
  return calendarOf(named(read.name), read.sessions, now)
}

/**
 * What a subscribed calendar app gets, in one statement: the same window, all sessions (`orgs`
 * null) or only those inviting one of `orgs` (a partner's link).
 */
export async function calendarFeed(deps: Deps, communityId: string, orgs: string[] | null) {
  const { db } = deps.database
  const now = deps.now()
  const invited = orgs
    ? sql`exists (select 1 from jsonb_array_elements(${councilSessions.invitedParties}) p where p->>'name' in ${orgs.length ? orgs : ['']})`
    : undefined
  const read = await together(db, { name: communityName(db, communityId), sessions: windowSessions(db, communityId, now, invited) })
  return calendarOf(named(read.name), read.sessions, now)
}

/**
 * The viewer's private subscription path for the community calendar: calendar apps cannot send a
 * sign-in token, so the path carries an HMAC of (community, scope) under the server's secret.
 * Partners get a link scoped to their organisation.
 */
export async function calendarFeedPath(deps: Deps, userId: string, communityId: string) {
  const { actor, name } = await readSignedIn(deps.database.db, userId, { name: communityName(deps.database.db, communityId) })
  const audience = listAudience(actor, communityId)
  if (audience === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以订阅议事会日历')
  named(name)
  const orgs = audience === 'invited' ? partnerOrgs(actor, communityId) : []
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

/** One session's calendar file, in one statement with the actor (404 unless they may see it). */
export async function calendarOfSession(deps: Deps, userId: string, sessionId: string) {
  const { db } = deps.database
  const community = db.select({ id: councilSessions.communityId }).from(councilSessions).where(eq(councilSessions.id, sessionId))
  const { session, name } = await readSession(db, userId, sessionId, { name: communityName(db, sql`(${community})`) })
  return { name: session.title, communityName: named(name), sessions: [session], now: deps.now() }
}
