import { and, eq, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { ResourcePatch } from '../../domain/schemas/needs.js'
import { resources } from '../../db/schema/index.js'
import { communityAllowing } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { assertTextPasses } from '../wechat/text-check.js'
import { resourceView } from './resources.js'

/**
 * The resource and whether the actor may change it: staff of its community, or the resident who
 * offered it. Anyone who cannot see the community gets 404; others who can, 403.
 */
async function resourceToChange(deps: Deps, actor: Actor, resourceId: string) {
  const { db } = deps.database
  const [row] = await db.select().from(resources).where(eq(resources.id, resourceId))
  if (!row) throw new AppError('NOT_FOUND', '资源不存在')
  const ctx = await communityAllowing(db, actor, row.communityId, 'needs.view').catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'FORBIDDEN' ? new AppError('NOT_FOUND', '资源不存在') : err
  })
  const staff = can(actor, 'resources.manage', ctx)
  const offerer = row.ownerKind === 'resident' && row.createdBy === actor.userId
  if (!staff && !offerer) throw new AppError('FORBIDDEN', '只有提供资源的居民和社区工作人员可以修改或撤回')
  return { row, staff }
}

/** 修改: staff change any field; the resident who offered it changes their own (still as 居民, text checked). */
export async function editResource(deps: Deps, actor: Actor, resourceId: string, patch: z.output<typeof ResourcePatch>) {
  const { row, staff } = await resourceToChange(deps, actor, resourceId)
  if (row.withdrawnAt) throw new AppError('RESOURCE_WITHDRAWN')
  if (!staff && patch.ownerKind && patch.ownerKind !== 'resident')
    throw fieldError('ownerKind', '居民只能以个人身份提供资源；单位的资源请联系社区登记')
  const text = [patch.title, patch.description, patch.availability].filter(Boolean).join('\n')
  if (!staff && text) await assertTextPasses(deps, actor.userId, text)
  const [updated] = await deps.database.db
    .update(resources)
    .set({ ...patch, updatedAt: deps.now() })
    .where(and(eq(resources.id, resourceId), isNull(resources.withdrawnAt)))
    .returning()
  if (!updated) throw new AppError('RESOURCE_WITHDRAWN')
  return resourceView(updated, actor, staff)
}

/**
 * 撤回: the resource leaves the list and cannot be matched by new projects; projects already using
 * it keep it (their record stands). Withdrawing twice changes nothing.
 */
export async function withdrawResource(deps: Deps, actor: Actor, resourceId: string) {
  const { row, staff } = await resourceToChange(deps, actor, resourceId)
  if (row.withdrawnAt) return resourceView(row, actor, staff)
  const [updated] = await deps.database.db
    .update(resources)
    .set({ withdrawnAt: deps.now() })
    .where(and(eq(resources.id, resourceId), isNull(resources.withdrawnAt)))
    .returning()
  return resourceView(updated ?? row, actor, staff)
}
