import { createHmac, timingSafeEqual } from 'node:crypto'
import { and, asc, eq, gt, lt, sql } from 'drizzle-orm'
import type { Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { communities, councilSessions } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { partnerOrgs } from '../concerns/index.js'
import { AppError } from '../http/errors.js'
import { listAudience } from './access.js'
import { visibleSession } from './common.js'

const CALENDAR_PAST_DAYS = 30

const CALENDAR_AHEAD_WEEKS = 12

async function communityName(db: Db, communityId: string): Promise<string> {
  const [c] = await db.select({ name: communities.name }).from(communities).where(eq(communities.id, communityId))
  if (!c) throw new AppError('NOT_FOUND', '社区不存在')
  return c.name
}

/** The sessions a community's calendar feed holds: the last 30 days and the next 12 weeks, as the viewer may see them. */
export async function calendarOfCommunity(deps: Deps, actor: Actor, communityId: string) {
  const audience = listAudience(actor, communityId)
  if (audience === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以查看议事会')
  const orgs = audience === 'invited' ? partnerOrgs(actor, communityId) : null
  return calendarFeed(deps, communityId, orgs)
}

/**
 * What a subscribed calendar app gets: the same window, all sessions (`orgs` null) or only those
 * inviting one of `orgs` (a partner's link).
 */
export async function calendarFeed(deps: Deps, communityId: string, orgs: string[] | null) {
  const { db } = deps.database
  const now = deps.now()
  const name = await communityName(db, communityId)
  const sessions = await db
    .select()
    .from(councilSessions)
    .where(
      and(
        eq(councilSessions.communityId, communityId),
        gt(councilSessions.startsAt, new Date(now.getTime() - CALENDAR_PAST_DAYS * 86400_000)),
        lt(councilSessions.startsAt, new Date(now.getTime() + CALENDAR_AHEAD_WEEKS * 7 * 86400_000)),
        orgs
          ? sql`exists (select 1 from jsonb_array_elements(${councilSessions.invitedParties}) p where p->>'name' in ${orgs.length ? orgs : ['']})`
          : undefined,
      ),
    )
    .orderBy(asc(councilSessions.startsAt), asc(councilSessions.id))
    .limit(500)
  return { name: `${name} · 议事会`, communityName: name, sessions, now }
}

/**
 * The viewer's private subscription path for the community calendar: calendar apps cannot send a
 * sign-in token, so the path carries an HMAC of (community, scope) under the server's secret.
 * Partners get a link scoped to their organisation.
 */
export async function calendarFeedPath(deps: Deps, actor: Actor, communityId: string) {
  const audience = listAudience(actor, communityId)
  if (audience === 'none') throw new AppError('FORBIDDEN', '只有本社区的居民和工作人员可以订阅议事会日历')
  await communityName(deps.database.db, communityId)
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

export async function calendarOfSession(deps: Deps, actor: Actor, sessionId: string) {
  const { db } = deps.database
  const { session } = await visibleSession(db, actor, sessionId)
  const name = await communityName(db, session.communityId)
  return { name: session.title, communityName: name, sessions: [session], now: deps.now() }
}
