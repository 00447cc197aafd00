import { asc, eq, getTableColumns } from 'drizzle-orm'
import type { z } from 'zod'
import type { Actor } from '../../domain/permissions.js'
import { hasRole } from '../../domain/permissions.js'
import type { ItemInput, ItemPatch } from '../../domain/schemas/points.js'
import { pointsItems } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { communityAllowing, readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { itemView } from './views.js'

const itemShape = jsonShape(getTableColumns(pointsItems))

/**
 * 爱心超市 items: residents see the active ones, staff all of them; staff add and change them. One
 * statement with the actor reads every item; who sees the inactive ones is decided after the checks.
 */
export async function listItems(deps: Deps, userId: string, communityId: string) {
  const { db } = deps.database
  const list = db
    .select({ r: itemShape.object })
    .from(pointsItems)
    .where(eq(pointsItems.communityId, communityId))
    .orderBy(asc(pointsItems.price), asc(pointsItems.createdAt))
  const { actor, rows } = await readInCommunity(db, userId, communityId, 'points.view', { rows: allOf(list) })
  const staff = hasRole(actor, communityId, 'worker', 'admin')
  return {
    items: rows
      .map(itemShape.decode)
      .filter((item) => staff || item.active)
      .map(itemView),
  }
}

export async function createItem(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof ItemInput>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'points.manage')
  const [row] = await db
    .insert(pointsItems)
    .values({ communityId, ...input, description: input.description ?? '', createdAt: deps.now(), updatedAt: deps.now() })
    .returning()
  return itemView(row)
}

/** Staff change an item; a changed price applies to redemptions from now on (reserved ones keep theirs). */
export async function updateItem(deps: Deps, actor: Actor, itemId: string, patch: z.output<typeof ItemPatch>) {
  const { db } = deps.database
  const [item] = await db.select().from(pointsItems).where(eq(pointsItems.id, itemId))
  if (!item) throw new AppError('NOT_FOUND', '物品不存在')
  await itemAllowing(deps, actor, item.communityId)
  const [row] = await db
    .update(pointsItems)
    .set({ ...patch, updatedAt: deps.now() })
    .where(eq(pointsItems.id, itemId))
    .returning()
  return itemView(row)
}

/** Someone who cannot see the community's shop gets 404 for its items; its residents 403. */
async function itemAllowing(deps: Deps, actor: Actor, communityId: string) {
  const { db } = deps.database
  try {
    await communityAllowing(db, actor, communityId, 'points.view')
  } catch {
    throw new AppError('NOT_FOUND', '物品不存在')
  }
  await communityAllowing(db, actor, communityId, 'points.manage')
}
