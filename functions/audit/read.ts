import { and, desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import { can } from '../../domain/permissions.js'
import type { AuditPage, AuditQuery } from '../../domain/schemas/privacy.js'
import type { Db } from '../../db/client.js'
import { auditLog, users } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { readSignedInChecked } from '../communities/index.js'
import { afterCursor, toPage } from '../http/cursor.js'
import { AppError } from '../http/errors.js'

const entryShape = jsonShape({
  id: auditLog.id,
  createdAt: auditLog.createdAt,
  actorId: auditLog.actorId,
  actorName: users.nickname,
  actorRole: auditLog.actorRole,
  action: auditLog.action,
  subjectType: auditLog.subjectType,
  subjectId: auditLog.subjectId,
  data: auditLog.data,
})

/**
 * A community's audit log, newest first, keyset-paged on (created_at, id): its admins only. One
 * statement with the actor (decision 039); the right is checked before the query, as before.
 */
export async function listAudit(
  db: Db,
  userId: string,
  communityId: string,
  queryOf: () => z.output<typeof AuditQuery>,
): Promise<z.output<typeof AuditPage>> {
  const { rows } = await readSignedInChecked(
    db,
    userId,
    (actor) => {
      if (!can(actor, 'community.administer', { communityId })) throw new AppError('FORBIDDEN')
    },
    () => {
      const query = queryOf()
      const page = db
        .select({ r: entryShape.object })
        .from(auditLog)
        .leftJoin(users, eq(users.id, auditLog.actorId))
        .where(and(eq(auditLog.communityId, communityId), afterCursor(query.cursor, { at: auditLog.createdAt, id: auditLog.id }, 'desc')))
        .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
        .limit(query.limit + 1)
      return { rows: allOf(page) }
    },
  )
  return toPage(rows.map(entryShape.decode), queryOf().limit, (r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actor: { id: r.actorId, name: r.actorName ?? '已注销用户', role: r.actorRole },
    action: r.action,
    subject: { type: r.subjectType, id: r.subjectId },
    data: r.data ?? null,
  }))
}
