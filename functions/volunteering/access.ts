import { eq } from 'drizzle-orm'
import { can, type Action, type Actor, type CommunityContext } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { type VolunteerActivityRow, volunteerActivities } from '../../db/schema/index.js'
import { communityContext } from '../communities/index.js'
import { AppError } from '../http/errors.js'

const notFound = () => new AppError('NOT_FOUND', '这个志愿活动不存在')

/**
 * The activity, when the actor may see it (its community's residents and staff), else 404 — never a
 * 403 that confirms it exists; then 403 when they may see it but not do `action`.
 */
export function activitySeen(actor: Actor, activity: VolunteerActivityRow | null, ctx: CommunityContext | null, action: Action) {
  if (!activity || !ctx || !can(actor, 'volunteer.view', ctx)) throw notFound()
  if (!can(actor, action, ctx)) throw new AppError('FORBIDDEN', forbidden[action] ?? undefined)
  return { activity, staff: can(actor, 'volunteer.manage', ctx) }
}

/** `activitySeen` read apart (the writes, which then change it). */
export async function activityAllowing(db: Db | Tx, actor: Actor, activityId: string, action: Action = 'volunteer.view') {
  const [activity] = await db.select().from(volunteerActivities).where(eq(volunteerActivities.id, activityId))
  if (!activity) throw notFound()
  return activitySeen(actor, activity, await communityContext(db, activity.communityId), action)
}

const forbidden: Partial<Record<Action, string>> = {
  'volunteer.join': '认证本社区的房屋后才能报名志愿活动',
  'volunteer.manage': '只有社区工作人员可以管理志愿活动',
}
