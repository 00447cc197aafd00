import { and, desc, eq } from 'drizzle-orm'
import type { z } from 'zod'
import type { AuditPage, AuditQuery } from '../../domain/schemas/privacy.js'
import type { Db } from '../../db/client.js'
import { auditLog, users } from '../../db/schema/index.js'
import { afterCursor, toPage } from '../http/cursor.js'

/** A community's audit log, newest first, keyset-paged on (created_at, id). */
export async function listAudit(db: Db, communityId: string, query: z.output<typeof AuditQuery>): Promise<z.output<typeof AuditPage>> {
  const rows = await db
    .select({
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
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.communityId, communityId), afterCursor(query.cursor, { at: auditLog.createdAt, id: auditLog.id }, 'desc')))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(query.limit + 1)
  return toPage(rows, query.limit, (r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actor: { id: r.actorId, name: r.actorName ?? '已注销用户', role: r.actorRole },
    action: r.action,
    subject: { type: r.subjectType, id: r.subjectId },
    data: r.data ?? null,
  }))
}
