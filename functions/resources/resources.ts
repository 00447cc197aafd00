import { and, desc, eq, getTableColumns, isNull } from 'drizzle-orm'
import type { z } from 'zod'
import { resourceKindLabels, resourceOwnerKindLabels } from '../../domain/needs/needs.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { Resource, ResourceInput, ResourcesQuery } from '../../domain/schemas/needs.js'
import { resources } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { communityAllowing, readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { assertTextPasses } from '../wechat/text-check.js'

type Row = typeof resources.$inferSelect
const resourceShape = jsonShape(getTableColumns(resources))

/**
 * One resource as this viewer sees it: the contact (name and phone) only for staff and for the
 * resident who offered it; a resident owner is shown as 居民, never by name.
 */
export function resourceView(r: Row, actor: Actor, staff: boolean): z.output<typeof Resource> {
  const mine = r.createdBy === actor.userId && r.ownerKind === 'resident'
  return {
    id: r.id,
    communityId: r.communityId,
    ownerKind: r.ownerKind,
    ownerKindLabel: resourceOwnerKindLabels[r.ownerKind],
    ownerName: r.ownerKind === 'resident' && !staff && !mine ? '居民' : r.ownerName,
    kind: r.kind,
    kindLabel: resourceKindLabels[r.kind],
    title: r.title,
    description: r.description,
    availability: r.availability,
    contact: staff || mine ? { name: r.contactName, phone: r.contactPhone } : null,
    mine,
    createdAt: r.createdAt.toISOString(),
    withdrawnAt: r.withdrawnAt ? r.withdrawnAt.toISOString() : null,
  }
}

/** The community's 资源清单 (withdrawn ones left out): its residents, staff and partners see it; contacts only as above. */
export async function listResources(deps: Deps, userId: string, communityId: string, q: z.output<typeof ResourcesQuery>) {
  const { db } = deps.database
  const list = db
    .select({ r: resourceShape.object })
    .from(resources)
    .where(and(eq(resources.communityId, communityId), isNull(resources.withdrawnAt), q.kind ? eq(resources.kind, q.kind) : undefined))
    .orderBy(desc(resources.createdAt))
    .limit(200)
  const { actor, ctx, rows } = await readInCommunity(db, userId, communityId, 'needs.view', { rows: allOf(list) })
  const staff = can(actor, 'resources.manage', ctx)
  return { items: rows.map((r) => resourceView(resourceShape.decode(r), actor, staff)) }
}

/** Staff record any owner's resource; a verified resident offers their own (owner kind 居民). */
export async function createResource(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof ResourceInput>) {
  const { db } = deps.database
  const ctx = await communityAllowing(db, actor, communityId, 'needs.view')
  const staff = can(actor, 'resources.manage', ctx)
  if (!staff && !can(actor, 'needs.participate', ctx)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能提供资源')
  if (!staff && input.ownerKind !== 'resident') throw fieldError('ownerKind', '居民只能以个人身份提供资源；单位的资源请联系社区登记')
  if (!staff) await assertTextPasses(deps, actor.userId, `${input.title}\n${input.description}\n${input.availability}`)
  const [row] = await db
    .insert(resources)
    .values({ ...input, communityId, createdBy: actor.userId, createdAt: deps.now() })
    .returning()
  return resourceView(row, actor, staff)
}
