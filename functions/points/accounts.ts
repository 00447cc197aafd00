import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { earningKinds } from '../../domain/points/kinds.js'
import type { Actor } from '../../domain/permissions.js'
import type { PointsAccount, PointsAccounts, PointsAccountsQuery } from '../../domain/schemas/points.js'
import { pointsAccounts, pointsEntries, users } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { entryView } from './views.js'

/** 居民积分 for staff: every account of the community (a resident who has earned), by name, with its balance. */
export async function listAccounts(
  deps: Deps,
  actor: Actor,
  communityId: string,
  q: z.output<typeof PointsAccountsQuery>,
): Promise<z.output<typeof PointsAccounts>> {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.manage')
  const name = q.q ? ilike(users.nickname, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined
  const rows = await db
    .select({ userId: pointsAccounts.userId, name: users.nickname, balance: pointsAccounts.balance })
    .from(pointsAccounts)
    .innerJoin(users, eq(users.id, pointsAccounts.userId))
    .where(and(eq(pointsAccounts.communityId, communityId), name))
    .orderBy(asc(users.nickname), asc(pointsAccounts.userId))
    .limit(200)
  return { items: rows }
}

/**
 * One resident's account for staff: balance and the latest 100 entries with every reason, each
 * saying whether it can still be corrected (an earning not reversed yet) — what 更正 acts on.
 */
export async function getAccount(deps: Deps, actor: Actor, communityId: string, userId: string): Promise<z.output<typeof PointsAccount>> {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.manage')
  const [account] = await db
    .select({ name: users.nickname, balance: pointsAccounts.balance })
    .from(pointsAccounts)
    .innerJoin(users, eq(users.id, pointsAccounts.userId))
    .where(and(eq(pointsAccounts.communityId, communityId), eq(pointsAccounts.userId, userId)))
  if (!account) throw new AppError('NOT_FOUND', '这位居民在本社区还没有积分记录')
  // The outer row named in full: inside the subquery a bare "id" would be the reversal's own.
  const reversed = sql<boolean>`exists (select 1 from points_entries r where r.kind = 'reversal'
    and r.source_type = 'points_entry' and r.source_id = "points_entries"."id")`
  const rows = await db
    .select({ entry: pointsEntries, reversed })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.communityId, communityId), eq(pointsEntries.userId, userId)))
    .orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id))
    .limit(100)
  const earning: readonly string[] = earningKinds
  return {
    userId,
    name: account.name,
    balance: account.balance,
    entries: rows.map((r) => ({
      ...entryView(r.entry, actor.userId, true),
      reversible: earning.includes(r.entry.kind) && !r.reversed && r.entry.amount <= account.balance,
    })),
  }
}
