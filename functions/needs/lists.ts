import { and, desc, eq, inArray, or, type SQL } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import { can } from '../../domain/permissions.js'
import type { NeedsQuery } from '../../domain/schemas/needs.js'
import { needs } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { needViews, publicStatuses, visibleNeed } from './common.js'
import { recentRounds } from './rounds.js'

/**
 * The community's 需求清单: residents see the open, offered and closed needs and their own proposals;
 * staff see everything, pending ones first to review. With the recent dot rounds and their ranking.
 */
export async function listNeeds(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof NeedsQuery>) {
  const { db } = deps.database
  const ctx = await communityAllowing(db, actor, communityId, 'needs.view')
  const staff = can(actor, 'needs.manage', ctx)
  const seen: SQL | undefined = staff ? undefined : or(inArray(needs.status, publicStatuses), eq(needs.raisedBy, actor.userId))
  const rows = await db
    .select()
    .from(needs)
    .where(and(eq(needs.communityId, communityId), seen, q.status ? eq(needs.status, q.status) : undefined))
    .orderBy(desc(needs.supporterCount), desc(needs.createdAt))
    .limit(200)
  rows.sort((a, b) => Number(b.status === 'pending_review') - Number(a.status === 'pending_review'))
  const [items, rounds] = await Promise.all([needViews(db, actor, rows), recentRounds(db, actor, communityId, deps.now())])
  return { items, rounds }
}

export async function getNeed(deps: Deps, actor: Actor, needId: string) {
  const { row } = await visibleNeed(deps.database.db, actor, needId)
  const [view] = await needViews(deps.database.db, actor, [row])
  return view
}
