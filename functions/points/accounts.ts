import { and, asc, desc, eq, getTableColumns, ilike, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { earningKinds } from '../../domain/points/kinds.js'
import type { PointsAccount, PointsAccounts, PointsAccountsQuery } from '../../domain/schemas/points.js'
import { pointsAccounts, pointsEntries, users } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { entryView } from './views.js'

const accountShape = jsonShape({ userId: pointsAccounts.userId, name: users.nickname, balance: pointsAccounts.balance })

/** 居民积分 for staff: every account of the community (a resident who has earned), by name, with its balance. */
export async function listAccounts(
  deps: Deps,
  userId: string,
  communityId: string,
  q: z.output<typeof PointsAccountsQuery>,
): Promise<z.output<typeof PointsAccounts>> {
  const { db } = deps.database
  const name = q.q ? ilike(users.nickname, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined
  const list = db
    .select({ r: accountShape.object })
    .from(pointsAccounts)
    .innerJoin(users, eq(users.id, pointsAccounts.userId))
    .where(and(eq(pointsAccounts.communityId, communityId), name))
    .orderBy(asc(users.nickname), asc(pointsAccounts.userId))
    .limit(200)
  const { rows } = await readInCommunity(db, userId, communityId, 'points.manage', { rows: allOf(list) })
  return { items: rows.map(accountShape.decode) }
}

// The outer row named in full: inside the subquery a bare "id" would be the reversal's own.
const reversed = sql<boolean>`exists (select 1 from points_entries r where r.kind = 'reversal'
  and r.source_type = 'points_entry' and r.source_id = "points_entries"."id")`
const accountEntryShape = jsonShape({ entry: getTableColumns(pointsEntries), reversed })

/**
 * One resident's account for staff: balance and the latest 100 entries with every reason, each
 * saying whether it can still be corrected (an earning not reversed yet) — what 更正 acts on.
 * One statement with the actor; no such account is 404 after the permission check.
 */
export async function getAccount(
  deps: Deps,
  readerId: string,
  communityId: string,
  userId: string,
): Promise<z.output<typeof PointsAccount>> {
  const { db } = deps.database
  const account = db
    .select({ r: accountShape.object })
    .from(pointsAccounts)
    .innerJoin(users, eq(users.id, pointsAccounts.userId))
    .where(and(eq(pointsAccounts.communityId, communityId), eq(pointsAccounts.userId, userId)))
  const entries = db
    .select({ r: accountEntryShape.object })
    .from(pointsEntries)
    .where(and(eq(pointsEntries.communityId, communityId), eq(pointsEntries.userId, userId)))
    .orderBy(desc(pointsEntries.createdAt), desc(pointsEntries.id))
    .limit(100)
  const read = await readInCommunity(db, readerId, communityId, 'points.manage', { account: firstOf(account), entries: allOf(entries) })
  if (!read.account) throw new AppError('NOT_FOUND', '这位居民在本社区还没有积分记录')
  const { name, balance } = accountShape.decode(read.account)
  const earning: readonly string[] = earningKinds
  return {
    userId,
    name,
    balance,
    entries: read.entries.map(accountEntryShape.decode).map(({ entry, reversed }) => ({
      ...entryView(entry, readerId, true),
      reversible: earning.includes(entry.kind) && !reversed && entry.amount <= balance,
    })),
  }
}
