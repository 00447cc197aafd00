import { eq, sql } from 'drizzle-orm'
import { concernEventLabels } from '../../domain/concerns/labels.js'
import { availableActions, type ConcernAction, type ConcernRole, type ConcernStatus } from '../../domain/concerns/lifecycle.js'
import { roleLabels } from '../../domain/labels.js'
import type { Db } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { concerns, type PhotoRow } from '../../db/schema/index.js'
import { actorFrom, actorJson } from '../auth/index.js'
import type { Deps } from '../context.js'
import { AppError } from '../http/errors.js'
import { photoView } from '../photos/index.js'
import { maySee, partnerOrgs, residentName, rolesFor } from './access.js'
import { concernRows, milestoneStandings, toSummary } from './views.js'

function actionsFor(status: ConcernStatus, roles: ConcernRole[]): ConcernAction[] {
  return availableActions(status, roles).filter((a) => a !== 'auto_close' && a !== 'deliberate')
}

/**
 * A concern as `userId` may see it (404 otherwise), with its timeline: the actor, the concern, what
 * surrounds it and the timeline in one prepared statement (decision 037).
 */
export async function getConcernDetail(deps: Deps, userId: string, id: string) {
  const { db } = deps.database
  const now = deps.now()
  const [found] = await runPrepared<DetailRow>(db, 'concern_detail', () => detailStatement(db), { id, userId })
  const actor = await actorFrom(db, userId, found)
  if (!found) throw new AppError('NOT_FOUND', '诉求不存在')
  const { actor: _, around, events, ...row } = found
  const roles = rolesFor(actor, row, partnerOrgs(actor, row.communityId))
  if (!maySee(row, roles)) throw new AppError('NOT_FOUND', '诉求不存在')
  const privileged = roles.includes('staff') || roles.includes('assignee')
  const viewerIsAuthor = roles.includes('author')

  const nameOpts = { anonymous: row.anonymous, viewerIsAuthor, viewerIsStaff: privileged }
  const timeline = events.map((e) => {
    const actorView = eventActor(e, row.authorId, userId, nameOpts)
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
      // JSON carries PostgreSQL's text of the time (microseconds, the session's offset): the same instant.
      at: new Date(e.createdAt).toISOString(),
    }
  })

  const summary = toSummary(row, { userId, privileged }, now)
  return {
    ...summary,
    milestones: milestoneStandings(row, now),
    description: row.description,
    author: { role: 'resident' as const, name: residentName(around.author ?? '', nameOpts) },
    photos: around.photos.map((p) => photoView(p, privileged || p.uploadedBy === userId)),
    anonymous: row.anonymous,
    assignee: row.assigneeOrg ?? (row.assigneeUserId ? `社区工作者 ${around.assignee ?? ''}`.trim() : null),
    mergedInto: row.mergedIntoId && row.mergedIntoNo ? { id: row.mergedIntoId, publicNo: row.mergedIntoNo } : null,
    rating: row.rating,
    ratingComment: row.ratingComment,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    closedAt: row.closedAt?.toISOString() ?? null,
    viewer: { cosigned: around.cosigned, following: around.following, actions: actionsFor(row.status, roles) },
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

interface Around {
  author: string | null
  assignee: string | null
  photos: PhotoJson[]
  cosigned: boolean
  following: boolean
}

interface EventJson {
  id: string
  action: string
  actorId: string | null
  actorRole: string
  actorName: string | null
  fromStatus: string | null
  toStatus: string | null
  note: string | null
  data: unknown
  createdAt: string
  photos: Omit<PhotoJson, 'uploadedBy'>[]
}

/**
 * The concern with the actor (`actorJson`), what surrounds it — the author's and the assignee's
 * names, its photos, whether the viewer co-signed and follows it — and its timeline, oldest first,
 * each step with who took it and its photos. Plain SQL in the subqueries: drizzle leaves columns
 * unqualified inside a sql template (tables named in db/schema/concerns.ts, photos.ts, users.ts).
 */
function detailStatement(db: Db) {
  const viewer = sql.placeholder('userId')
  return concernRows(db, {
    actor: actorJson(viewer),
    around: sql<Around>`json_build_object(
      'author', (select a.nickname from users a where a.id = ${concerns.authorId}),
      'assignee', (select a.nickname from users a where a.id = ${concerns.assigneeUserId}),
      'photos', coalesce((
        select json_agg(json_build_object('id', p.id, 'url', p.url, 'width', p.width, 'height', p.height,
          'moderation', p.moderation, 'uploadedBy', p.uploaded_by) order by cp.position)
        from concern_photos cp join photos p on p.id = cp.photo_id where cp.concern_id = ${concerns.id}), '[]'::json),
      'cosigned', exists (select 1 from cosigns c where c.concern_id = ${concerns.id} and c.user_id = ${viewer}),
      'following', exists (select 1 from follows f where f.concern_id = ${concerns.id} and f.user_id = ${viewer}))`,
    events: sql<EventJson[]>`coalesce((
      select json_agg(json_build_object('id', e.id, 'action', e.action, 'actorId', e.actor_id, 'actorRole', e.actor_role,
        'actorName', u.nickname, 'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note, 'data', e.data,
        'createdAt', e.created_at, 'photos', coalesce((
          select json_agg(json_build_object('id', p.id, 'url', p.url, 'width', p.width, 'height', p.height,
            'moderation', p.moderation) order by ep.position)
          from event_photos ep join photos p on p.id = ep.photo_id where ep.event_id = e.id), '[]'::json))
        order by e.created_at, e.id)
      from concern_events e left join users u on u.id = e.actor_id where e.concern_id = ${concerns.id}), '[]'::json)`,
  }).where(eq(concerns.id, sql.placeholder('id')))
}

type DetailRow = Awaited<ReturnType<ReturnType<typeof detailStatement>['execute']>>[number]
