import { and, desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import type { TrackedItemPatch, TrackedUpdateInput } from '../../domain/schemas/tracking.js'
import { checkChange, trackedStatusLabels, type TrackedChange } from '../../domain/tracking/items.js'
import type { Db } from '../../db/client.js'
import { concerns, councilTopics, trackedItems, trackedUpdatePhotos, trackedUpdates, type TrackedItemRow } from '../../db/schema/index.js'
import { moveConcernByCouncil } from '../concerns/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { ownPhotos } from '../photos/index.js'
import { projectItemMoved } from '../projects/index.js'
import { visibleItem } from './access.js'
import { getTrackedItem } from './read.js'

/** The photos of the item's latest update that has any: what a concern resolved without new photos shows. */
async function latestPhotoIds(db: Db, itemId: string): Promise<string[]> {
  const rows = await db
    .select({ updateId: trackedUpdates.id, photoId: trackedUpdatePhotos.photoId })
    .from(trackedUpdates)
    .innerJoin(trackedUpdatePhotos, eq(trackedUpdatePhotos.updateId, trackedUpdates.id))
    .where(eq(trackedUpdates.itemId, itemId))
    .orderBy(desc(trackedUpdates.createdAt), trackedUpdatePhotos.position)
  return rows.filter((r) => r.updateId === rows[0]?.updateId).map((r) => r.photoId)
}

/** The note a status or progress change gets when nobody wrote one. */
function autoNote(item: TrackedItemRow, status: TrackedItemRow['status'], progress: number, reason?: string): string {
  if (status === 'shelved') return `事项搁置：${reason ?? ''}`
  if (status !== item.status) return `状态改为「${trackedStatusLabels[status]}」，进度 ${progress}%`
  return `进度更新为 ${progress}%`
}

interface Change {
  change: TrackedChange
  note?: string
  photoIds: string[]
  role: 'staff' | 'partner'
}

/**
 * Applies a change of status or progress with its update: checks the rule, attaches the author's
 * photos, writes the item (only if nobody changed it meanwhile: 409 TRACKED_CHANGED), the update and
 * its photos, moves the linked concern (done → resolved, with the photos) and a project's needs —
 * in one transaction.
 */
async function applyChange(deps: Deps, actor: Actor, id: string, c: Change) {
  const { db } = deps.database
  const now = deps.now()
  const seen = await visibleItem(db, actor, id)
  const item = seen.row.item
  const check = checkChange(item, c.change)
  if (!check.ok) {
    if (check.field) throw fieldError(check.field, check.message)
    throw new AppError(check.code as 'TRACKED_TRANSITION_NOT_ALLOWED', check.message)
  }
  const attached = await ownPhotos(db, actor.userId, c.photoIds)
  const finishing = check.status === 'done' && item.status !== 'done'
  let resolvePhotos: string[] = []
  if (finishing && item.concernId && c.role === 'staff') {
    const [concern] = await db.select({ status: concerns.status }).from(concerns).where(eq(concerns.id, item.concernId))
    if (concern?.status === 'in_progress') {
      resolvePhotos = attached.length ? attached.map((p) => p.id) : await latestPhotoIds(db, id)
      if (!resolvePhotos.length) throw fieldError('photoIds', '关联的诉求将随之办结，请上传一张办理后的照片')
    }
  }
  const note = c.note ?? autoNote(item, check.status, check.progress, c.change.reason)

  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(trackedItems)
      .set({
        status: check.status,
        progress: check.progress,
        shelvedReason: check.status === 'shelved' ? (c.change.reason ?? item.shelvedReason) : null,
        completedAt: check.status === 'done' ? (item.completedAt ?? now) : null,
        lastUpdateAt: now,
        updatedAt: now,
      })
      .where(and(eq(trackedItems.id, id), eq(trackedItems.status, item.status), eq(trackedItems.progress, item.progress)))
      .returning({ id: trackedItems.id })
    if (!updated) throw new AppError('TRACKED_CHANGED')
    const [update] = await tx
      .insert(trackedUpdates)
      .values({
        itemId: id,
        authorId: actor.userId,
        authorRole: c.role,
        authorOrg: c.role === 'partner' ? item.partyName : null,
        note,
        fromStatus: item.status,
        status: check.status,
        progress: check.progress,
        createdAt: now,
      })
      .returning({ id: trackedUpdates.id })
    if (attached.length)
      await tx.insert(trackedUpdatePhotos).values(attached.map((p, position) => ({ updateId: update.id, photoId: p.id, position })))
    if (resolvePhotos.length && item.concernId)
      await moveConcernByCouncil(
        tx,
        actor,
        item.concernId,
        [
          {
            action: 'resolve',
            note: `决议事项已完成：${note}`,
            patch: { resolvedAt: now },
            photoIds: resolvePhotos,
            data: { trackedItemId: id },
          },
        ],
        now,
      )
    // A project's needs are 已解决 when it is done, 项目实施中 again when it is reopened.
    if (check.status !== item.status && item.projectId) await projectItemMoved(tx, item.projectId, check.status, now)
    if (check.status !== item.status && item.topicId) {
      // The resident who proposed the topic hears how its resolution is going.
      const [topic] = await tx
        .select({ proposerId: councilTopics.proposerId })
        .from(councilTopics)
        .where(eq(councilTopics.id, item.topicId))
      if (topic && topic.proposerId !== actor.userId)
        await notify(tx, {
          userIds: [topic.proposerId],
          sessionId: item.sessionId ?? undefined,
          title: `决议事项${trackedStatusLabels[check.status]}：${item.title}`,
          body: `${note}（进度 ${check.progress}%）`,
        })
    }
  })
  return getTrackedItem(deps, actor.userId, id)
}

/** Staff change an item's status and/or progress (已搁置 with a reason), with an optional note and photos. */
export async function patchTrackedItem(deps: Deps, actor: Actor, id: string, input: z.output<typeof TrackedItemPatch>) {
  const seen = await visibleItem(deps.database.db, actor, id)
  if (!seen.canManage) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以修改跟踪事项')
  return applyChange(deps, actor, id, {
    change: { status: input.status, progress: input.progress, reason: input.reason },
    note: input.note,
    photoIds: input.photoIds,
    role: 'staff',
  })
}

/**
 * A progress update with photos: staff, the worker named responsible, or the partner named as the
 * party. Only staff confirm 已完成: a partner's 100 % leaves the item 进行中 for the community to check.
 */
export async function postTrackedUpdate(deps: Deps, actor: Actor, id: string, input: z.output<typeof TrackedUpdateInput>) {
  const seen = await visibleItem(deps.database.db, actor, id)
  if (!seen.canPostUpdate) throw new AppError('FORBIDDEN', '只有负责这件事的单位或社区工作人员可以更新进展')
  const item = seen.row.item
  const staff = seen.canManage || seen.audience === 'staff'
  let change: TrackedChange = { progress: input.progress }
  if (!staff && input.progress !== undefined) {
    if (item.status === 'done' || item.status === 'shelved')
      throw new AppError('TRACKED_TRANSITION_NOT_ALLOWED', `事项${trackedStatusLabels[item.status]}，进度由社区更新`)
    change = { status: 'in_progress', progress: input.progress }
  }
  return applyChange(deps, actor, id, { change, note: input.note, photoIds: input.photoIds, role: staff ? 'staff' : 'partner' })
}
