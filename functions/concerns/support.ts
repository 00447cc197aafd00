import { eq, sql } from 'drizzle-orm'
import { openStatuses } from '../../domain/concerns/lifecycle.js'
import { can, type Actor } from '../../domain/permissions.js'
import { concerns, cosigns, follows } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { visibleConcern } from './common.js'

export async function setCosign(deps: Deps, actor: Actor, id: string, on: boolean) {
  const { db } = deps.database
  const { row, roles } = await visibleConcern(db, actor, id)
  if (on) {
    if (roles.includes('author')) throw new AppError('TRANSITION_NOT_ALLOWED', '不能附议自己提交的诉求')
    if (!can(actor, 'concern.cosign', row)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能附议')
    if (row.visibility !== 'public') throw new AppError('TRANSITION_NOT_ALLOWED', '仅公开的诉求可以附议')
    if (!openStatuses.includes(row.status)) throw new AppError('TRANSITION_NOT_ALLOWED', '这条诉求已办结，不能再附议')
  }
  const at = deps.now().toISOString()
  const who = sql`${id}::uuid, ${actor.userId}::uuid`
  // One statement, no transaction: the co-sign (co-signing also follows, so the co-signer hears of
  // each step) and the counts, moved by what was added or removed, under the concern's row lock.
  const parts = on
    ? [
        db
          .$with('cosigned', {})
          .as(sql`insert into ${cosigns} (concern_id, user_id, created_at) values (${who}, ${at}) on conflict do nothing returning 1`),
        db
          .$with('followed', {})
          .as(sql`insert into ${follows} (concern_id, user_id, created_at) values (${who}, ${at}) on conflict do nothing returning 1`),
      ]
    : [db.$with('cosigned', {}).as(sql`delete from ${cosigns} where concern_id = ${id} and user_id = ${actor.userId} returning 1`)]
  const sign = on ? sql`+` : sql`-`
  const [c] = await db
    .with(...parts)
    .update(concerns)
    .set({
      cosignCount: sql`${concerns.cosignCount} ${sign} (select count(*)::int from cosigned)`,
      ...(on ? { followCount: sql`${concerns.followCount} + (select count(*)::int from followed)` } : {}),
    })
    .where(eq(concerns.id, id))
    .returning({ n: concerns.cosignCount })
  return { cosigned: on, cosignCount: c.n }
}

export async function setFollow(deps: Deps, actor: Actor, id: string, on: boolean) {
  const { db } = deps.database
  await visibleConcern(db, actor, id)
  const at = deps.now().toISOString()
  // One statement, no transaction: the follow added or removed and the count moved by it.
  const changed = on
    ? sql`insert into ${follows} (concern_id, user_id, created_at) values (${id}::uuid, ${actor.userId}::uuid, ${at}) on conflict do nothing returning 1`
    : sql`delete from ${follows} where concern_id = ${id} and user_id = ${actor.userId} returning 1`
  const [c] = await db
    .with(db.$with('changed', {}).as(changed))
    .update(concerns)
    .set({ followCount: sql`${concerns.followCount} ${on ? sql`+` : sql`-`} (select count(*)::int from changed)` })
    .where(eq(concerns.id, id))
    .returning({ n: concerns.followCount })
  return { following: on, followCount: c.n }
}
