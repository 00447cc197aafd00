import { and, desc, eq, inArray, or } from 'drizzle-orm'
import type { z } from 'zod'
import { can } from '../../domain/permissions.js'
import type { NeedsQuery } from '../../domain/schemas/needs.js'
import { communities, needs } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { isStaffSql, readInCommunity, readSignedIn } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { publicStatuses } from './common.js'
import { needFields, needView } from './parts.js'
import { recentRoundParts, recentRoundViews } from './rounds.js'

/**
 * The community's 需求清单: residents see the open, offered and closed needs and their own proposals;
 * staff see everything, pending ones first to review. With the recent dot rounds and their ranking.
 * One statement with the actor (decision 039); who is staff is decided in SQL too, since it changes
 * which 200 needs are read.
 */
export async function listNeeds(deps: Deps, userId: string, communityId: string, q: z.output<typeof NeedsQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const shape = jsonShape(needFields(db, userId))
  const seen = or(isStaffSql(userId, communityId), inArray(needs.status, publicStatuses), eq(needs.raisedBy, userId))
  const list = db
    .select({ r: shape.object })
    .from(needs)
    .where(and(eq(needs.communityId, communityId), seen, q.status ? eq(needs.status, q.status) : undefined))
    .orderBy(desc(needs.supporterCount), desc(needs.createdAt))
    .limit(200)
  const recent = recentRoundParts(db, userId, communityId, now)
  const { actor, rows, rounds, candidates } = await readInCommunity(db, userId, communityId, 'needs.view', {
    rows: allOf(list),
    ...recent.parts,
  })
  const items = rows.map((r) => needView(shape.decode(r), userId))
  items.sort((a, b) => Number(b.status === 'pending_review') - Number(a.status === 'pending_review'))
  return { items, rounds: recentRoundViews(recent.shape, { rounds, candidates }, actor, now) }
}

/** One need in one statement with the actor: 404 unless the actor may see it (its existence is private). */
export async function getNeed(deps: Deps, userId: string, needId: string) {
  const { db } = deps.database
  const shape = jsonShape({ ...needFields(db, userId), streetId: communities.streetId })
  const { actor, row } = await readSignedIn(db, userId, {
    row: firstOf(
      db.select({ r: shape.object }).from(needs).innerJoin(communities, eq(communities.id, needs.communityId)).where(eq(needs.id, needId)),
    ),
  })
  const found = row ? shape.decode(row) : null
  const ctx = found ? { communityId: found.need.communityId, streetId: found.streetId } : null
  if (!found || !ctx || !can(actor, 'needs.view', ctx)) throw new AppError('NOT_FOUND', '需求不存在')
  const { need } = found
  if (!can(actor, 'needs.manage', ctx) && !publicStatuses.includes(need.status) && need.raisedBy !== userId)
    throw new AppError('NOT_FOUND', '需求不存在')
  return needView(found, userId)
}
