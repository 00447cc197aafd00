import { and, eq, inArray, sql } from 'drizzle-orm'
import { concernEventLabels } from '../../domain/concerns/labels.js'
import { checkTransition, openStatuses } from '../../domain/concerns/lifecycle.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { TransitionInput } from '../../domain/schemas/concerns.js'
import type { Tx } from '../../db/client.js'
import { concernEvents, concerns, cosigns, eventPhotos, follows, memberships } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, refusal } from '../http/errors.js'
import { applyKpiChange } from '../kpis/index.js'
import { ownPhotos } from '../photos/index.js'
import type { ConcernListRow } from './views.js'
import { acknowledgement, lockWithClock } from './clock.js'
import { findConcern, followerIds, assigneeIds, tellAbout, visibleConcern } from './common.js'
import { staffDirectory } from './lists.js'
import { getConcernDetail } from './read.js'

/** A staff or assignee action on a concern: guards, then one transaction with the event and notices. */
export async function transitionConcern(deps: Deps, actor: Actor, id: string, input: z.output<typeof TransitionInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { row, roles, orgs } = await visibleConcern(db, actor, id)
  const attached = await ownPhotos(db, actor.userId, input.photoIds)
  const check = checkTransition(input.action, row.status, roles, {
    reason: input.reason,
    targetId: input.targetId,
    assignee: input.assignee,
    note: input.note,
    photoCount: attached.length,
  })
  if (!check.ok) throw refusal(check)

  const patch: Partial<typeof concerns.$inferInsert> = { status: check.to, updatedAt: now }
  let target: ConcernListRow | null = null
  if (input.action === 'assign' && input.assignee) {
    if (input.assignee.kind === 'worker') {
      const [m] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, input.assignee.userId),
            eq(memberships.communityId, row.communityId),
            inArray(memberships.role, ['worker', 'admin']),
          ),
        )
      if (!m) throw new AppError('ASSIGNEE_INVALID')
      patch.assigneeUserId = input.assignee.userId
      patch.assigneeOrg = null
    } else {
      const partners = (await staffDirectory(db, row.communityId)).partners.map((p) => p.orgName)
      if (!partners.includes(input.assignee.orgName)) throw new AppError('ASSIGNEE_INVALID')
      patch.assigneeOrg = input.assignee.orgName
      patch.assigneeUserId = null
    }
  } else if (input.action === 'merge') {
    target = input.targetId ? await findConcern(db, input.targetId) : null
    if (!target || target.id === row.id || target.communityId !== row.communityId || !openStatuses.includes(target.status)) {
      throw new AppError('MERGE_TARGET_INVALID')
    }
    patch.mergedIntoId = target.id
  } else if (input.action === 'resolve') {
    patch.resolvedAt = now
  }
  const note = input.action === 'decline' ? input.reason : input.note
  const actorRole = roles.includes('staff') ? 'staff' : 'partner'
  const staffRole = actor.memberships.find((m) => m.communityId === row.communityId && (m.role === 'admin' || m.role === 'worker'))?.role

  await db.transaction(async (tx) => {
    const before = await lockWithClock(tx, id, actor.userId)
    if (!before) throw new AppError('NOT_FOUND', '诉求不存在')
    if (before.status !== row.status) throw new AppError('CONCERN_CHANGED')
    // 签收 starts the clock; declining or merging is a first answer too (响应率).
    if (input.action === 'accept') Object.assign(patch, acknowledgement(before, before, actor.userId, now))
    else if ((input.action === 'decline' || input.action === 'merge') && !before.acknowledgedAt) patch.acknowledgedAt = now
    const [updated] = await tx.update(concerns).set(patch).where(eq(concerns.id, id)).returning()
    await applyKpiChange(tx, before, updated)
    const data: Record<string, unknown> = actorRole === 'partner' ? { orgName: row.assigneeOrg ?? orgs[0] } : { staffRole }
    if (input.assignee) data.assignee = input.assignee
    if (target) data.target = { id: target.id, publicNo: target.publicNo }
    const [event] = await tx
      .insert(concernEvents)
      .values({
        concernId: id,
        actorId: actor.userId,
        actorRole,
        action: input.action,
        fromStatus: row.status,
        toStatus: check.to,
        note: note ?? null,
        data,
        createdAt: now,
      })
      .returning({ id: concernEvents.id })
    if (attached.length)
      await tx.insert(eventPhotos).values(attached.map((p, position) => ({ eventId: event.id, photoId: p.id, position })))

    if (target) await mergeInto(tx, actor, row, target, now)

    const audience = new Set([...(await followerIds(tx, id)), row.authorId])
    if (input.action === 'assign') for (const u of await assigneeIds(tx, updated)) audience.add(u)
    audience.delete(actor.userId)
    const body =
      input.action === 'decline'
        ? `不予受理：${input.reason}`
        : input.action === 'merge' && target
          ? `已合并到诉求 ${target.publicNo}，后续进展请在那里查看`
          : input.action === 'assign'
            ? `已派给 ${updated.assigneeOrg ?? '社区工作者'} 办理`
            : (note ?? concernEventLabels[input.action] ?? '')
    await tellAbout(tx, updated, check.to, [...audience], body, now)
  })
  return getConcernDetail(deps, actor.userId, id)
}

/** Co-signers and followers move to the target; its counts are recounted from the rows. */
async function mergeInto(tx: Tx, actor: Actor, from: ConcernListRow, target: ConcernListRow, now: Date) {
  const supporters = await tx.select({ userId: cosigns.userId }).from(cosigns).where(eq(cosigns.concernId, from.id))
  const newCosigners = new Set([...supporters.map((s) => s.userId), from.authorId])
  newCosigners.delete(target.authorId)
  if (newCosigners.size) {
    await tx
      .insert(cosigns)
      .values([...newCosigners].map((userId) => ({ concernId: target.id, userId, createdAt: now })))
      .onConflictDoNothing()
  }
  const followers = await followerIds(tx, from.id)
  if (followers.length) {
    await tx
      .insert(follows)
      .values(followers.map((userId) => ({ concernId: target.id, userId, createdAt: now })))
      .onConflictDoNothing()
  }
  await tx
    .update(concerns)
    .set({
      cosignCount: sql`(select count(*)::int from cosigns where concern_id = ${target.id})`,
      followCount: sql`(select count(*)::int from follows where concern_id = ${target.id})`,
      updatedAt: now,
    })
    .where(eq(concerns.id, target.id))
  await tx.insert(concernEvents).values({
    concernId: target.id,
    actorId: actor.userId,
    actorRole: 'staff',
    action: 'merged_in',
    fromStatus: target.status,
    toStatus: target.status,
    note: `合并了诉求 ${from.publicNo}`,
    data: { source: { id: from.id, publicNo: from.publicNo } },
    createdAt: now,
  })
}
