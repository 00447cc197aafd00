import { and, asc, eq, inArray } from 'drizzle-orm'
import { concernEventLabels } from '../../domain/concerns/labels.js'
import { availableActions, type ConcernAction, type ConcernRole, type ConcernStatus } from '../../domain/concerns/lifecycle.js'
import { roleLabels } from '../../domain/labels.js'
import type { Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { concernEvents, concernPhotos, cosigns, eventPhotos, follows, photos, users } from '../../db/schema/index.js'
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

  const [author, photoRows, events, cosigned, following] = await Promise.all([
    db.select({ nickname: users.nickname }).from(users).where(eq(users.id, row.authorId)),
    db
      .select({
        id: photos.id,
        url: photos.url,
        width: photos.width,
        height: photos.height,
        moderation: photos.moderation,
        uploadedBy: photos.uploadedBy,
      })
      .from(concernPhotos)
      .innerJoin(photos, eq(photos.id, concernPhotos.photoId))
      .where(eq(concernPhotos.concernId, id))
      .orderBy(asc(concernPhotos.position)),
    db
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
      })
      .from(concernEvents)
      .leftJoin(users, eq(users.id, concernEvents.actorId))
      .where(eq(concernEvents.concernId, id))
      .orderBy(asc(concernEvents.createdAt), asc(concernEvents.id)),
    db
      .select({ u: cosigns.userId })
      .from(cosigns)
      .where(and(eq(cosigns.concernId, id), eq(cosigns.userId, actor.userId))),
    db
      .select({ u: follows.userId })
      .from(follows)
      .where(and(eq(follows.concernId, id), eq(follows.userId, actor.userId))),
  ])
  const eventIds = events.map((e) => e.id)
  const evPhotos = eventIds.length
    ? await db
        .select({
          eventId: eventPhotos.eventId,
          id: photos.id,
          url: photos.url,
          width: photos.width,
          height: photos.height,
          moderation: photos.moderation,
        })
        .from(eventPhotos)
        .innerJoin(photos, eq(photos.id, eventPhotos.photoId))
        .where(inArray(eventPhotos.eventId, eventIds))
        .orderBy(asc(eventPhotos.position))
    : []

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
      photos: evPhotos.filter((p) => p.eventId === e.id).map((p) => photoView(p, privileged)),
      at: e.createdAt.toISOString(),
    }
  })

  const summary = toSummary(row, { userId: actor.userId, privileged }, now)
  return {
    ...summary,
    description: row.description,
    author: { role: 'resident' as const, name: residentName(author[0]?.nickname ?? '', nameOpts) },
    photos: photoRows.map((p) => photoView(p, privileged || p.uploadedBy === actor.userId)),
    anonymous: row.anonymous,
    assignee: row.assigneeOrg ?? (row.assigneeUserId ? await assigneeName(db, row.assigneeUserId) : null),
    mergedInto: row.mergedIntoId && row.mergedIntoNo ? { id: row.mergedIntoId, publicNo: row.mergedIntoNo } : null,
    rating: row.rating,
    ratingComment: row.ratingComment,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    viewer: { cosigned: cosigned.length > 0, following: following.length > 0, actions: actionsFor(row.status, roles) },
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

async function assigneeName(db: Db, userId: string): Promise<string> {
  const [u] = await db.select({ nickname: users.nickname }).from(users).where(eq(users.id, userId))
  return u ? `社区工作者 ${u.nickname}` : '社区工作者'
}
