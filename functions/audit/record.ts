import { sql } from 'drizzle-orm'
import type { Actor } from '../../domain/permissions.js'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { requestLog } from '../http/log.js'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import {
  auditLog,
  councilSessions,
  councilTopics,
  concerns,
  goodDeeds,
  errands,
  errandStations,
  grids,
  pointsItems,
  projects,
  proposals,
  residencyClaims,
  trackedItems,
  volunteerActivities,
} from '../../db/schema/index.js'
import type { AppEnv } from '../context.js'

export type AuditSubject =
  | 'concern'
  | 'claim'
  | 'topic'
  | 'session'
  | 'proposal'
  | 'rule'
  | 'grid'
  | 'limits'
  | 'tracked_item'
  | 'points_rules'
  | 'points_entry'
  | 'shop_item'
  | 'redemption'
  | 'good_deed'
  | 'errand_station'
  | 'errand'
  | 'volunteer_activity'
  | 'project'

/** Where a subject's community is found, by the path parameter that names it. */
const owners: Partial<Record<AuditSubject, { param: string; table: PgTable; id: PgColumn; communityId: PgColumn }>> = {
  concern: { param: 'concernId', table: concerns, id: concerns.id, communityId: concerns.communityId },
  claim: { param: 'claimId', table: residencyClaims, id: residencyClaims.id, communityId: residencyClaims.communityId },
  topic: { param: 'topicId', table: councilTopics, id: councilTopics.id, communityId: councilTopics.communityId },
  session: { param: 'sessionId', table: councilSessions, id: councilSessions.id, communityId: councilSessions.communityId },
  proposal: { param: 'proposalId', table: proposals, id: proposals.id, communityId: proposals.communityId },
  grid: { param: 'gridId', table: grids, id: grids.id, communityId: grids.communityId },
  tracked_item: { param: 'itemId', table: trackedItems, id: trackedItems.id, communityId: trackedItems.communityId },
  shop_item: { param: 'shopItemId', table: pointsItems, id: pointsItems.id, communityId: pointsItems.communityId },
  good_deed: { param: 'goodDeedId', table: goodDeeds, id: goodDeeds.id, communityId: goodDeeds.communityId },
  errand_station: { param: 'stationId', table: errandStations, id: errandStations.id, communityId: errandStations.communityId },
  errand: { param: 'errandId', table: errands, id: errands.id, communityId: errands.communityId },
  volunteer_activity: {
    param: 'activityId',
    table: volunteerActivities,
    id: volunteerActivities.id,
    communityId: volunteerActivities.communityId,
  },
  project: { param: 'projectId', table: projects, id: projects.id, communityId: projects.communityId },
}

const rolesByRank = ['admin', 'worker', 'partner', 'street', 'resident'] as const

/** The actor's highest role in the community, as the log records it. */
function roleIn(actor: Actor, communityId: string): string {
  const held = actor.memberships.filter((m) => m.communityId === communityId).map((m) => m.role as string)
  return rolesByRank.find((r) => held.includes(r)) ?? 'none'
}

async function jsonOf(c: Context<AppEnv>, from: 'request' | 'response'): Promise<Record<string, unknown> | null> {
  try {
    const value = from === 'request' ? await c.req.json() : await c.res.clone().json()
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/**
 * Records a staff action in the audit log once it has succeeded (a 2xx reply): who, in which role,
 * what (`<subject>.<verb>`, the verb from the body's `action` field when `verb` is omitted), to
 * which record, and the request's fields. Applied in routes, so use cases stay unaware of it.
 * Written after the change commits: a failure to record is logged, never turned into an error
 * for a change that already happened (decision 018).
 */
export function audited(subject: AuditSubject, verb?: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next()
    if (c.res.status < 200 || c.res.status >= 300) return
    try {
      const body = await jsonOf(c, 'request')
      const owner = owners[subject]
      const communityId = c.req.param('communityId')
      let subjectId: string | null = owner ? (c.req.param(owner.param) ?? null) : null
      const { db } = c.var.deps.database
      if (!subjectId) {
        const reply = await jsonOf(c, 'response')
        subjectId = typeof reply?.id === 'string' ? reply.id : null
      }
      const action = `${subject}.${verb ?? (typeof body?.action === 'string' ? body.action : 'change')}`
      // The community from the path, or read from the subject by the insert itself: one statement
      // either way, the role picked from the actor's in each community.
      const where = communityId
        ? { community: sql`${communityId}::uuid`, from: sql`` }
        : owner && subjectId
          ? { community: sql`${owner.communityId}`, from: sql`from ${owner.table} where ${owner.id} = ${subjectId}` }
          : null
      if (!where) return
      const roles = Object.fromEntries(c.var.actor.memberships.map((m) => [m.communityId, roleIn(c.var.actor, m.communityId)]))
      await db.execute(sql`insert into ${auditLog} (community_id, actor_id, actor_role, action, subject_type, subject_id, data, created_at)
        select ${where.community}, ${c.var.actor.userId}::uuid, coalesce(${JSON.stringify(roles)}::jsonb ->> (${where.community})::text, 'none'),
          ${action}, ${subject}, ${subjectId}::uuid, ${body === null ? null : JSON.stringify(body)}::jsonb, ${c.var.deps.now().toISOString()}::timestamptz
        ${where.from}`)
    } catch (err) {
      requestLog(c).error({ err, subject }, 'audit: could not record a staff action')
    }
  })
}
