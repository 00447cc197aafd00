import { and, eq, inArray, sql } from 'drizzle-orm'
import { linkable, needStatusLabels } from '../../domain/needs/needs.js'
import type { Tx } from '../../db/client.js'
import { needs } from '../../db/schema/index.js'
import { AppError } from '../http/errors.js'

/**
 * What 项目清单 does to needs, inside its own transaction: take needs into a project (each of the
 * community, open or offered to a council, and in no other project) and move them as the project's
 * tracked item moves (已解决 when done, back to 项目实施中 when reopened).
 */
export async function takeNeedsIntoProject(tx: Tx, communityId: string, needIds: string[], now: Date) {
  const rows = await tx
    .select({ id: needs.id, title: needs.title, status: needs.status })
    .from(needs)
    .where(and(eq(needs.communityId, communityId), inArray(needs.id, needIds)))
    .for('update')
  if (rows.length !== needIds.length)
    throw new AppError('NOT_FOUND', '需求不存在', {
      where: 'body',
      fields: [{ path: 'needIds', message: '只能选择本社区需求清单里的需求' }],
    })
  const taken = rows.find((r) => !linkable(r.status))
  if (taken) {
    const message = `「${taken.title}」${needStatusLabels[taken.status]}，不能再列入项目`
    throw new AppError('NEED_NOT_LINKABLE', message, { where: 'body', fields: [{ path: 'needIds', message }] })
  }
  await tx.update(needs).set({ status: 'in_project', updatedAt: now }).where(inArray(needs.id, needIds))
  return rows
}

/** The project's needs follow its tracked item: `met` or back to `in_project` (needs staff closed stay closed). */
export async function moveProjectNeeds(tx: Tx, needIds: string[], status: 'in_project' | 'met', now: Date) {
  if (!needIds.length) return
  await tx
    .update(needs)
    .set({ status, updatedAt: now })
    .where(and(inArray(needs.id, needIds), inArray(needs.status, ['in_project', 'met'])))
}

/** Needs taken out of a project go back to where they were: 已上议事会 when offered as a topic, else 征集中. */
export async function releaseNeeds(tx: Tx, needIds: string[], now: Date) {
  if (!needIds.length) return
  await tx
    .update(needs)
    .set({ status: sql`(case when ${needs.topicId} is null then 'open' else 'on_agenda' end)::need_status`, updatedAt: now })
    .where(and(inArray(needs.id, needIds), inArray(needs.status, ['in_project', 'met'])))
}
