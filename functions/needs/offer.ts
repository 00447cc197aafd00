import { and, eq, inArray } from 'drizzle-orm'
import type { Actor } from '../../domain/permissions.js'
import { can } from '../../domain/permissions.js'
import { needs } from '../../db/schema/index.js'
import { offerTopic } from '../councils/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { visibleRound } from './rounds.js'

/**
 * Staff offer ranked needs as topics of the round's session: each becomes a pending topic (staff
 * then place it on the agenda as any topic) and the need is `on_agenda`, linked to its topic.
 * Offering a need again returns its topic.
 */
export async function offerNeeds(deps: Deps, actor: Actor, roundId: string, needIds: string[]) {
  const { db } = deps.database
  const { round, ctx } = await visibleRound(db, actor, roundId)
  if (!can(actor, 'needs.manage', ctx)) throw new AppError('FORBIDDEN', '只有本社区的工作人员可以把需求提交议事会')
  const now = deps.now()
  const topics = await db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(needs)
      .where(and(eq(needs.communityId, round.communityId), inArray(needs.id, needIds)))
      .for('update')
    if (rows.length !== needIds.length)
      throw new AppError('NOT_FOUND', '需求不存在', { where: 'body', fields: [{ path: 'needIds', message: '只能选择本社区的需求' }] })
    const out: { needId: string; topicId: string }[] = []
    for (const id of needIds) {
      const need = rows.find((r) => r.id === id)!
      if (need.topicId && need.status === 'on_agenda') {
        out.push({ needId: id, topicId: need.topicId })
        continue
      }
      if (need.status !== 'open') throw new AppError('NEED_NOT_OPEN', `「${need.title}」不在征集中，不能提交议事会`)
      const topicId = await offerTopic(tx, {
        sessionId: round.sessionId,
        communityId: round.communityId,
        staffId: actor.userId,
        title: need.title,
        reason: need.description,
        source: { needId: id },
        now,
      })
      await tx.update(needs).set({ status: 'on_agenda', topicId, updatedAt: now }).where(eq(needs.id, id))
      out.push({ needId: id, topicId })
    }
    return out
  })
  return { topics }
}
