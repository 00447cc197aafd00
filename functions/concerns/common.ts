import { and, eq } from 'drizzle-orm'
import { categories } from '../../domain/concerns/categories.js'
import { concernNoticeName, concernStatusLabels } from '../../domain/concerns/labels.js'
import type { ConcernStatus } from '../../domain/concerns/lifecycle.js'
import type { Actor } from '../../domain/permissions.js'
import type { Db, Tx } from '../../db/client.js'
import { concerns, follows, memberships, type ConcernRow } from '../../db/schema/index.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { maySee, partnerOrgs, rolesFor } from './access.js'
import { concernRows, type ConcernListRow } from './views.js'

/** What the concern use cases share: loading a concern the actor may see, who hears of a step, the notice. */

export async function followerIds(tx: Tx, concernId: string): Promise<string[]> {
  const rows = await tx.select({ userId: follows.userId }).from(follows).where(eq(follows.concernId, concernId))
  return rows.map((r) => r.userId)
}

/** People behind an assignment: the worker, or every member of the partner organisation. */
export async function assigneeIds(tx: Tx, c: Pick<ConcernRow, 'communityId' | 'assigneeUserId' | 'assigneeOrg'>): Promise<string[]> {
  if (c.assigneeUserId) return [c.assigneeUserId]
  if (!c.assigneeOrg) return []
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, c.communityId), eq(memberships.role, 'partner'), eq(memberships.orgName, c.assigneeOrg)))
  return rows.map((r) => r.userId)
}

export async function tellAbout(
  tx: Tx,
  c: Pick<ConcernRow, 'id' | 'publicNo' | 'category' | 'description'>,
  to: ConcernStatus,
  userIds: string[],
  body: string,
  now: Date,
) {
  await notify(tx, {
    userIds,
    concernId: c.id,
    title: `${concernNoticeName(categories[c.category].label, c.description)}${concernStatusLabels[to]}`,
    body: `${body}（${c.publicNo}）`,
    message: { template: 'concern_status', publicNo: c.publicNo, status: to, statusLabel: concernStatusLabels[to], at: now.toISOString() },
  })
}

/** The whole row, locked until the transaction ends: what a change is compared with (figures, races). */
export async function lockConcern(tx: Tx, id: string): Promise<ConcernRow> {
  const [row] = await tx.select().from(concerns).where(eq(concerns.id, id)).for('update')
  if (!row) throw new AppError('NOT_FOUND', '诉求不存在')
  return row
}

/** The concern, or null when there is none with this id (a database failure still throws). */
export async function findConcern(db: Db, id: string): Promise<ConcernListRow | null> {
  const [row] = await concernRows(db).where(eq(concerns.id, id))
  return row ?? null
}

async function loadConcern(db: Db, id: string): Promise<ConcernListRow> {
  const row = await findConcern(db, id)
  if (!row) throw new AppError('NOT_FOUND', '诉求不存在')
  return row
}

/** Loads a concern the actor may see (404 otherwise: a private concern's existence is private too). */
export async function visibleConcern(db: Db, actor: Actor, id: string) {
  const row = await loadConcern(db, id)
  const orgs = partnerOrgs(actor, row.communityId)
  const roles = rolesFor(actor, row, orgs)
  if (!maySee(row, roles)) throw new AppError('NOT_FOUND', '诉求不存在')
  return { row, roles, orgs }
}
