import { and, eq, inArray } from 'drizzle-orm'
import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { NeedInput } from '../../domain/schemas/needs.js'
import type { Tx } from '../../db/client.js'
import { buildings, concerns, councilTopics, needs, needSources } from '../../db/schema/index.js'
import { staffIds, communityContext } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { assertTextPasses } from '../wechat/text-check.js'
import { getNeed } from './lists.js'

type Input = z.output<typeof NeedInput>

/** Sources and buildings must be this community's: another community's concern is "not found", by field. */
async function checkLinks(tx: Tx, communityId: string, input: Input) {
  if (input.buildingIds.length) {
    const own = await tx
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(eq(buildings.communityId, communityId), inArray(buildings.id, input.buildingIds)))
    if (own.length !== input.buildingIds.length) throw fieldError('buildingIds', '只能选择本社区的楼栋')
  }
  if (input.concernIds.length) {
    const own = await tx
      .select({ id: concerns.id })
      .from(concerns)
      .where(and(eq(concerns.communityId, communityId), inArray(concerns.id, input.concernIds)))
    if (own.length !== input.concernIds.length)
      throw new AppError('NOT_FOUND', '关联的诉求不存在', {
        where: 'body',
        fields: [{ path: 'concernIds', message: '只能关联本社区的诉求' }],
      })
  }
  if (input.topicIds.length) {
    const own = await tx
      .select({ id: councilTopics.id })
      .from(councilTopics)
      .where(and(eq(councilTopics.communityId, communityId), inArray(councilTopics.id, input.topicIds)))
    if (own.length !== input.topicIds.length)
      throw new AppError('NOT_FOUND', '关联的议题不存在', {
        where: 'body',
        fields: [{ path: 'topicIds', message: '只能关联本社区的议题' }],
      })
  }
}

/**
 * Staff raise a need (open at once, usually from concerns or topics); a verified resident proposes
 * one, which waits for staff review and tells them so.
 */
export async function raiseNeed(deps: Deps, actor: Actor, communityId: string, input: Input) {
  const { db } = deps.database
  const ctx = await communityContext(db, communityId)
  if (!ctx) throw new AppError('NOT_FOUND', '社区不存在')
  const staff = can(actor, 'needs.manage', ctx)
  if (!staff && !can(actor, 'needs.participate', ctx)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能提出需求')
  if (!staff && (input.concernIds.length || input.topicIds.length))
    throw fieldError(input.concernIds.length ? 'concernIds' : 'topicIds', '由社区工作人员从诉求或议题整理需求')
  if (!staff) await assertTextPasses(deps, actor.userId, `${input.title}\n${input.description}`)
  const now = deps.now()
  const row = await db.transaction(async (tx) => {
    await checkLinks(tx, communityId, input)
    const [created] = await tx
      .insert(needs)
      .values({
        communityId,
        title: input.title,
        description: input.description,
        category: input.category,
        groups: input.groups,
        buildingIds: input.buildingIds,
        raisedBy: actor.userId,
        raisedByStaff: staff,
        status: staff ? 'open' : 'pending_review',
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    const sources = [
      ...input.concernIds.map((concernId) => ({ needId: created.id, concernId })),
      ...input.topicIds.map((topicId) => ({ needId: created.id, topicId })),
    ]
    if (sources.length) await tx.insert(needSources).values(sources)
    if (!staff)
      await notify(tx, {
        userIds: await staffIds(tx, communityId),
        title: `居民提出需求：${input.title}`,
        body: '请在需求清单中审核',
      })
    return created
  })
  return getNeed(deps, actor.userId, row.id)
}
