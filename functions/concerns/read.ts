import { asc, eq, sql } from 'drizzle-orm'
import { concernEventLabels } from '../../domain/concerns/labels.js'
import { availableActions, type ConcernAction, type ConcernRole, type ConcernStatus } from '../../domain/concerns/lifecycle.js'
import { roleLabels } from '../../domain/labels.js'
import type { Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { concernEvents, type PhotoRow, users } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { photoView } from '../photos/index.js'
import { residentName } from './access.js'
import { toSummary } from './views.js'
import { visibleConcern } from './common.js'

function actionsFor(status: ConcernStatus, roles: ConcernRole[]): ConcernAction[] {
  return availableActions(status, roles).filter((a) => a !== 'auto_close' && a !== 'deliberate')
}

export async function getConcernDetail(deps: Deps, actor: Actor, id: string) {
  const { db } = deps.database
  const now = deps.now()
  const { row, roles } = await visibleConcern(db, actor, id)
  const privileged = roles.includes('staff') || roles.includes('assignee')
  const viewerIsAuthor = roles.includes('author')

  // Two statements beside the concern itself: what the viewer sees around it, and its timeline.
  const [[around], events] = await Promise.all([aroundConcern(db, row, actor.userId), timelineRows(db, id)])

  const nameOpts = { anonymous: row.anonymous, viewerIsAuthor, viewerIsStaff: privileged }
  const timeline = events.map((e) => {
    const actorView = eventActor(e, row.authorId, actor.userId, nameOpts)
    const label = e.action === 'rate' && e.toStatus === 'reopened' ? concernEventLabels.reopen : (concernEventLabels[e.action] ?? e.action)
    return {
      id: e.id,
      action: e.action,
      label,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: actorView,
      note: e.note,
      photos: e.photos.map((p) => photoView(p, privileged)),
      at: e.createdAt.toISOString(),
    }
  })

  const summary = toSummary(row, { userId: actor.userId, privileged }, now)
  return {
    ...summary,
    description: row.description,
    author: { role: 'resident' as const, name: residentName(around?.author ?? '', nameOpts) },
    photos: (around?.photos ?? []).map((p) => photoView(p, privileged || p.uploadedBy === actor.userId)),
    anonymous: row.anonymous,
    assignee: row.assigneeOrg ?? (row.assigneeUserId ? `社区工作者 ${around?.assignee ?? ''}`.trim() : null),
    mergedInto: row.mergedIntoId && row.mergedIntoNo ? { id: row.mergedIntoId, publicNo: row.mergedIntoNo } : null,
    rating: row.rating,
    ratingComment: row.ratingComment,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    viewer: { cosigned: !!around?.cosigned, following: !!around?.following, actions: actionsFor(row.status, roles) },
    timeline,
  }
}

/** Who took a step on the timeline, as this viewer may see them (residents other than the author stay anonymous to other residents). */
function eventActor(
  e: { actorRole: string; actorId: string | null; actorName: string | null; data: unknown },
  authorId: string,
  viewerId: string,
  nameOpts: { anonymous: boolean; viewerIsAuthor: boolean; viewerIsStaff: boolean },
) {
  const data = (e.data ?? {}) as { orgName?: string; staffRole?: string }
  if (e.actorRole === 'system') return { role: 'system' as const, name: '系统' }
  if (e.actorRole === 'partner') return { role: 'partner' as const, name: data.orgName ?? '共建单位' }
  if (e.actorRole === 'staff') {
    return {
      role: 'staff' as const,
      name: `${roleLabels[(data.staffRole as 'worker') ?? 'worker'] ?? '社区工作者'} ${e.actorName ?? ''}`.trim(),
    }
  }
  return {
    role: 'resident' as const,
    name:
      e.actorId === authorId
        ? residentName(e.actorName ?? '', nameOpts)
        : residentName(e.actorName ?? '', {
            anonymous: true,
            viewerIsAuthor: e.actorId === viewerId,
            viewerIsStaff: nameOpts.viewerIsStaff,
          }),
  }
}

type PhotoJson = Pick<PhotoRow, 'id' | 'url' | 'width' | 'height' | 'moderation' | 'uploadedBy'>

/**
 * In one statement: the author's and the assignee's names, the concern's photos, and whether the
 * viewer co-signed and follows it. Plain SQL in the subqueries: drizzle leaves columns unqualified
 * inside a sql template (tables named in db/schema/concerns.ts, photos.ts, users.ts).
 */
function aroundConcern(db: Db, row: { id: string; authorId: string; assigneeUserId: string | null }, viewerId: string) {
  return db
    .select({
      author: users.nickname,
      assignee: sql<string | null>`(select a.nickname from users a where a.id = ${row.assigneeUserId})`,
      photos: sql<PhotoJson[]>`coalesce((
        select json_agg(json_build_object('id', p.id, 'url', p.url, 'width', p.width, 'height', p.height,
          'moderation', p.moderation, 'uploadedBy', p.uploaded_by) order by cp.position)
        from concern_photos cp join photos p on p.id = cp.photo_id where cp.concern_id = ${row.id}), '[]'::json)`,
      cosigned: sql<boolean>`exists (select 1 from cosigns c where c.concern_id = ${row.id} and c.user_id = ${viewerId})`,
      following: sql<boolean>`exists (select 1 from follows f where f.concern_id = ${row.id} and f.user_id = ${viewerId})`,
    })
    .from(users)
    .where(eq(users.id, row.authorId))
}

/** The timeline, oldest first, each step with who took it and its photos. */
function timelineRows(db: Db, concernId: string) {
  return db
    .select({
      id: concernEvents.id,
      action: concernEvents.action,
      actorId: concernEvents.actorId,
      actorRole: concernEvents.actorRole,
      actorName: users.nickname,
      fromStatus: concernEvents.fromStatus,
      toStatus: concernEvents.toStatus,
      note: concernEvents.note,
      data: concernEvents.data,
      createdAt: concernEvents.createdAt,
      photos: sql<Omit<PhotoJson, 'uploadedBy'>[]>`coalesce((
        select json_agg(json_build_object('id', p.id, 'url', p.url, 'width', p.width, 'height', p.height,
          'moderation', p.moderation) order by ep.position)
        from event_photos ep join photos p on p.id = ep.photo_id where ep.event_id = ${concernEvents.id}), '[]'::json)`,
    })
    .from(concernEvents)
    .leftJoin(users, eq(users.id, concernEvents.actorId))
    .where(eq(concernEvents.concernId, concernId))
    .orderBy(asc(concernEvents.createdAt), asc(concernEvents.id))
}
