import { and, eq, sql } from 'drizzle-orm'
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
  const now = deps.now()
  return db.transaction(async (tx) => {
    if (on) {
      const added = await tx
        .insert(cosigns)
        .values({ concernId: id, userId: actor.userId, createdAt: now })
        .onConflictDoNothing()
        .returning()
      if (added.length)
        await tx
          .update(concerns)
          .set({ cosignCount: sql`${concerns.cosignCount} + 1` })
          .where(eq(concerns.id, id))
      // Co-signing also follows it, so the co-signer hears of each step.
      const followed = await tx
        .insert(follows)
        .values({ concernId: id, userId: actor.userId, createdAt: now })
        .onConflictDoNothing()
        .returning()
      if (followed.length)
        await tx
          .update(concerns)
          .set({ followCount: sql`${concerns.followCount} + 1` })
          .where(eq(concerns.id, id))
    } else {
      const removed = await tx
        .delete(cosigns)
        .where(and(eq(cosigns.concernId, id), eq(cosigns.userId, actor.userId)))
        .returning()
      if (removed.length)
        await tx
          .update(concerns)
          .set({ cosignCount: sql`${concerns.cosignCount} - 1` })
          .where(eq(concerns.id, id))
    }
    const [c] = await tx.select({ n: concerns.cosignCount }).from(concerns).where(eq(concerns.id, id))
    return { cosigned: on, cosignCount: c.n }
  })
}

export async function setFollow(deps: Deps, actor: Actor, id: string, on: boolean) {
  const { db } = deps.database
  await visibleConcern(db, actor, id)
  const now = deps.now()
  return db.transaction(async (tx) => {
    if (on) {
      const added = await tx
        .insert(follows)
        .values({ concernId: id, userId: actor.userId, createdAt: now })
        .onConflictDoNothing()
        .returning()
      if (added.length)
        await tx
          .update(concerns)
          .set({ followCount: sql`${concerns.followCount} + 1` })
          .where(eq(concerns.id, id))
    } else {
      const removed = await tx
        .delete(follows)
        .where(and(eq(follows.concernId, id), eq(follows.userId, actor.userId)))
        .returning()
      if (removed.length)
        await tx
          .update(concerns)
          .set({ followCount: sql`${concerns.followCount} - 1` })
          .where(eq(concerns.id, id))
    }
    const [c] = await tx.select({ n: concerns.followCount }).from(concerns).where(eq(concerns.id, id))
    return { following: on, followCount: c.n }
  })
}
