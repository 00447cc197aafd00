import { createHash, randomUUID } from 'node:crypto'
import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import { categories, dueAt } from '../../domain/concerns/categories.js'
import { concernEventLabels, concernStatusLabels } from '../../domain/concerns/labels.js'
import {
  availableActions,
  checkTransition,
  openStatuses,
  type ConcernAction,
  type ConcernRole,
  type ConcernStatus,
} from '../../domain/concerns/lifecycle.js'
import { rankSimilar } from '../../domain/concerns/similar.js'
import { roleLabels } from '../../domain/labels.js'
import { hasRole, type Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { BoardQuery, InboxQuery, RaiseConcernInput, RateInput, SimilarQuery, TransitionInput } from '../../domain/schemas/concerns.js'
import type { Db } from '../../db/client.js'
import {
  buildings,
  communities,
  households,
  concernCounters,
  concernEvents,
  concernPhotos,
  concerns,
  cosigns,
  eventPhotos,
  follows,
  idempotencyKeys,
  memberships,
  photos,
  residencyClaims,
  units,
  users,
  type ConcernRow,
} from '../../db/schema.js'
import type { Deps } from '../context.js'
import { decodeCursor, toPage } from '../http/cursor.js'
import { AppError } from '../http/errors.js'
import { notify } from '../notifications/service.js'
import { ownPhotos, photoView } from '../photos/service.js'
import { maySee, partnerOrgs, residentName, rolesFor } from './access.js'
import { concernRows, toSummary, type ConcernListRow } from './views.js'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

const SIMILAR_WINDOW_DAYS = 60

function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()
}

function requestHash(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex')
}

async function openidOf(db: Db, userId: string): Promise<string | null> {
  const [u] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, userId))
  return u?.openid ?? null
}

/** Residents' words go through the content check before anyone else can read them. */
async function assertTextPasses(deps: Deps, userId: string, ...texts: (string | undefined | null)[]) {
  const text = texts.filter(Boolean).join('\n')
  if (!text) return
  if (!(await deps.contentCheck.textPasses(text, await openidOf(deps.database.db, userId)))) throw new AppError('CONTENT_REFUSED')
}

async function staffUserIds(tx: Tx | Db, communityId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), inArray(memberships.role, ['worker', 'admin'])))
  return rows.map((r) => r.userId)
}

async function followerIds(tx: Tx, concernId: string): Promise<string[]> {
  const rows = await tx.select({ userId: follows.userId }).from(follows).where(eq(follows.concernId, concernId))
  return rows.map((r) => r.userId)
}

/** People behind an assignment: the worker, or every member of the partner organisation. */
async function assigneeIds(tx: Tx, c: Pick<ConcernRow, 'communityId' | 'assigneeUserId' | 'assigneeOrg'>): Promise<string[]> {
  if (c.assigneeUserId) return [c.assigneeUserId]
  if (!c.assigneeOrg) return []
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, c.communityId), eq(memberships.role, 'partner'), eq(memberships.orgName, c.assigneeOrg)))
  return rows.map((r) => r.userId)
}

async function tellAbout(tx: Tx, c: Pick<ConcernRow, 'id' | 'publicNo'>, to: ConcernStatus, userIds: string[], body: string, now: Date) {
  await notify(tx, {
    userIds,
    concernId: c.id,
    title: `诉求 ${c.publicNo} ${concernStatusLabels[to]}`,
    body,
    message: { template: 'concern_status', publicNo: c.publicNo, status: to, statusLabel: concernStatusLabels[to], at: now.toISOString() },
  })
}

// ── Raise ────────────────────────────────────────────────────────────────────────────────────────

export async function raiseConcern(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof RaiseConcernInput>,
  idempotencyKey: string | undefined,
): Promise<{ id: string; replayed: boolean }> {
  const { db } = deps.database
  const now = deps.now()
  if (!actor.memberships.some((m) => m.communityId === input.communityId)) throw new AppError('NOT_A_MEMBER')

  const place: Partial<Pick<ConcernRow, 'householdId' | 'buildingId' | 'placeText' | 'latitude' | 'longitude'>> = {}
  if (input.place.kind === 'household') {
    const [claim] = await db
      .select({ id: residencyClaims.id })
      .from(residencyClaims)
      .where(
        and(
          eq(residencyClaims.userId, actor.userId),
          eq(residencyClaims.householdId, input.place.householdId),
          eq(residencyClaims.communityId, input.communityId),
          eq(residencyClaims.status, 'verified'),
        ),
      )
    if (!claim) throw fieldError('place.householdId', '只能选择您已认证的房屋')
    place.householdId = input.place.householdId
  } else if (input.place.kind === 'building') {
    const [b] = await db
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(eq(buildings.id, input.place.buildingId), eq(buildings.communityId, input.communityId)))
    if (!b) throw fieldError('place.buildingId', '该楼栋不属于这个社区')
    place.buildingId = input.place.buildingId
  } else {
    place.placeText = input.place.text
    place.latitude = input.place.latitude ?? null
    place.longitude = input.place.longitude ?? null
  }
  const attached = await ownPhotos(db, actor.userId, input.photoIds)
  await assertTextPasses(deps, actor.userId, input.description, place.placeText)

  const hash = requestHash(input)
  const year = chinaYear(now)
  const [community] = await db.select({ code: communities.code }).from(communities).where(eq(communities.id, input.communityId))
  return db.transaction(async (tx) => {
    if (idempotencyKey) {
      // A concurrent retry with the same key waits here for the first to commit, then finds its result.
      const [fresh] = await tx
        .insert(idempotencyKeys)
        .values({ userId: actor.userId, key: idempotencyKey, requestHash: hash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key })
      if (!fresh) {
        const [seen] = await tx
          .select()
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, idempotencyKey)))
        if (!seen || seen.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED')
        if (!seen.concernId) throw new AppError('CONCERN_CHANGED', '上一次提交还在处理中，请稍后刷新')
        return { id: seen.concernId, replayed: true }
      }
    }
    const [created] = await tx
      .insert(concerns)
      .values({
        communityId: input.communityId,
        // The public number is taken last (below), so the counter row stays locked only briefly.
        publicNo: `#${randomUUID()}`,
        authorId: actor.userId,
        category: input.category,
        description: input.description,
        ...place,
        visibility: input.visibility,
        anonymous: input.anonymous,
        photoCount: attached.length,
        followCount: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (attached.length) {
      await tx.insert(concernPhotos).values(attached.map((p, position) => ({ concernId: created.id, photoId: p.id, position })))
    }
    await tx.insert(follows).values({ concernId: created.id, userId: actor.userId, createdAt: now })
    await tx.insert(concernEvents).values({
      concernId: created.id,
      actorId: actor.userId,
      actorRole: 'author',
      action: 'submit',
      toStatus: 'submitted',
      createdAt: now,
    })
    if (idempotencyKey) {
      await tx
        .update(idempotencyKeys)
        .set({ concernId: created.id })
        .where(and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, idempotencyKey)))
    }
    const staff = (await staffUserIds(tx, input.communityId)).filter((id) => id !== actor.userId)
    // Gapless per community and year: the counter row is locked from here to the commit, so the
    // number is taken and written in one round trip.
    const prefix = `${community.code}-${year}-`
    const numbered = (await tx.execute(sql`
      with counter as (
        insert into ${concernCounters} (community_id, year, last) values (${input.communityId}, ${year}, 1)
        on conflict (community_id, year) do update set last = ${concernCounters}.last + 1
        returning last
      )
      update ${concerns} set public_no = ${prefix} || lpad(counter.last::text, 6, '0')
      from counter where ${concerns.id} = ${created.id}
      returning public_no`)) as unknown as { rows: { public_no: string }[] } // every driver answers with `rows`
    const publicNo = numbered.rows[0].public_no
    await notify(tx, {
      userIds: staff,
      concernId: created.id,
      title: `新诉求 ${publicNo}`,
      body: `${categories[input.category].label}：${[...input.description].slice(0, 40).join('')}`,
      message: {
        template: 'concern_status',
        publicNo,
        status: 'submitted',
        statusLabel: concernStatusLabels.submitted,
        at: now.toISOString(),
      },
    })
    return { id: created.id, replayed: false }
  })
}

function fieldError(path: string, message: string) {
  return new AppError('VALIDATION_FAILED', message, { where: 'body', fields: [{ path, message }] })
}

// ── Read ─────────────────────────────────────────────────────────────────────────────────────────

async function loadConcern(db: Db, id: string): Promise<ConcernListRow> {
  const [row] = await concernRows(db).where(eq(concerns.id, id))
  if (!row) throw new AppError('NOT_FOUND', '诉求不存在')
  return row
}

/** Loads a concern the actor may see (404 otherwise: a private concern's existence is private too). */
async function visibleConcern(db: Db, actor: Actor, id: string) {
  const row = await loadConcern(db, id)
  const orgs = await partnerOrgs(db, actor, row.communityId)
  const roles = rolesFor(actor, row, orgs)
  if (!maySee(row, roles)) throw new AppError('NOT_FOUND', '诉求不存在')
  return { row, roles, orgs }
}

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
    const data = (e.data ?? {}) as { orgName?: string; staffRole?: string }
    const actorView =
      e.actorRole === 'system'
        ? { role: 'system' as const, name: '系统' }
        : e.actorRole === 'partner'
          ? { role: 'partner' as const, name: data.orgName ?? '共建单位' }
          : e.actorRole === 'staff'
            ? {
                role: 'staff' as const,
                name: `${roleLabels[(data.staffRole as 'worker') ?? 'worker'] ?? '社区工作者'} ${e.actorName ?? ''}`.trim(),
              }
            : {
                role: 'resident' as const,
                name:
                  e.actorId === row.authorId
                    ? residentName(e.actorName ?? '', nameOpts)
                    : residentName(e.actorName ?? '', {
                        anonymous: true,
                        viewerIsAuthor: e.actorId === actor.userId,
                        viewerIsStaff: privileged,
                      }),
              }
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

async function assigneeName(db: Db, userId: string): Promise<string> {
  const [u] = await db.select({ nickname: users.nickname }).from(users).where(eq(users.id, userId))
  return u ? `社区工作者 ${u.nickname}` : '社区工作者'
}

function keysetBefore(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined
  const c = decodeCursor(cursor)
  return or(lt(concerns.createdAt, c.createdAt), and(eq(concerns.createdAt, c.createdAt), lt(concerns.id, c.id)))
}

function statusFilter(status: 'open' | 'resolved' | 'all'): SQL | undefined {
  if (status === 'open') return inArray(concerns.status, [...openStatuses])
  if (status === 'resolved') return inArray(concerns.status, ['resolved', 'closed'])
  return undefined
}

/** The 诉求 board: public concerns of a community, mine, or those I follow; newest first. */
export async function listBoard(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof BoardQuery>) {
  const { db } = deps.database
  const staff = hasRole(actor, communityId, 'worker', 'admin')
  const scope: SQL =
    q.scope === 'mine'
      ? eq(concerns.authorId, actor.userId)
      : q.scope === 'following'
        ? sql`exists (select 1 from follows f where f.concern_id = ${concerns.id} and f.user_id = ${actor.userId})`
        : and(eq(concerns.visibility, 'public'), ne(concerns.status, 'merged'))!
  const conditions = [
    eq(concerns.communityId, communityId),
    scope,
    statusFilter(q.status),
    q.category ? eq(concerns.category, q.category) : undefined,
    keysetBefore(q.cursor),
  ].filter(Boolean) as SQL[]
  let rows = await concernRows(db)
    .where(and(...conditions))
    .orderBy(desc(concerns.createdAt), desc(concerns.id))
    .limit(q.limit + 1)
  // Followed concerns that turned private stay visible only to those allowed to see them.
  if (q.scope === 'following' && !staff) rows = rows.filter((r) => r.visibility === 'public' || r.authorId === actor.userId)
  return toPage(rows, q.limit, (r) => toSummary(r, { userId: actor.userId, privileged: staff }, deps.now()))
}

/** The staff inbox (workers, admins) or a partner's list of what is assigned to their organisation. */
export async function listInbox(deps: Deps, actor: Actor, communityId: string, q: z.output<typeof InboxQuery>) {
  const { db } = deps.database
  const now = deps.now()
  const staff = hasRole(actor, communityId, 'worker', 'admin')
  const orgs = staff ? [] : await partnerOrgs(db, actor, communityId)
  if (!staff && !orgs.length) throw new AppError('FORBIDDEN', '只有本社区的工作人员和共建单位可以查看工单')
  const conditions = [
    eq(concerns.communityId, communityId),
    staff ? undefined : inArray(concerns.assigneeOrg, orgs),
    q.status ? eq(concerns.status, q.status) : undefined,
    q.category ? eq(concerns.category, q.category) : undefined,
    q.overdue ? and(lt(concerns.dueAt, now), isNull(concerns.resolvedAt), inArray(concerns.status, [...openStatuses])) : undefined,
    q.mine ? eq(concerns.assigneeUserId, actor.userId) : undefined,
    keysetBefore(q.cursor),
  ].filter(Boolean) as SQL[]
  const rows = await concernRows(db)
    .where(and(...conditions))
    .orderBy(desc(concerns.createdAt), desc(concerns.id))
    .limit(q.limit + 1)
  return toPage(rows, q.limit, (r) => toSummary(r, { userId: actor.userId, privileged: true }, now))
}

/** Up to five open concerns like the one being written: same community and category, last 60 days. */
export async function findSimilar(deps: Deps, actor: Actor, q: z.output<typeof SimilarQuery>) {
  const { db } = deps.database
  const now = deps.now()
  let buildingId = q.buildingId ?? null
  if (!buildingId && q.householdId) {
    const [h] = await db
      .select({ buildingId: units.buildingId })
      .from(households)
      .innerJoin(units, eq(units.id, households.unitId))
      .where(eq(households.id, q.householdId))
    buildingId = h?.buildingId ?? null
  }
  const since = new Date(now.getTime() - SIMILAR_WINDOW_DAYS * 86400_000)
  const candidates = await concernRows(db)
    .where(
      and(
        eq(concerns.communityId, q.communityId),
        eq(concerns.category, q.category),
        gt(concerns.createdAt, since),
        inArray(concerns.status, [...openStatuses]),
        or(eq(concerns.visibility, 'public'), eq(concerns.authorId, actor.userId)),
      ),
    )
    .orderBy(desc(concerns.createdAt))
    .limit(300)
  const ranked = rankSimilar(
    q.description,
    candidates.map((c) => ({ ...c, sameBuilding: !!buildingId && c.buildingId === buildingId })),
  )
  const staff = hasRole(actor, q.communityId, 'worker', 'admin')
  return { items: ranked.map((r) => toSummary(r, { userId: actor.userId, privileged: staff }, now)) }
}

export async function staffDirectory(db: Db, communityId: string) {
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role, orgName: memberships.orgName, name: users.nickname })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, communityId), inArray(memberships.role, ['worker', 'admin', 'partner'])))
    .orderBy(asc(memberships.role), asc(users.nickname))
  return {
    workers: rows.filter((r) => r.role !== 'partner').map((r) => ({ userId: r.userId, name: r.name, role: r.role as 'worker' | 'admin' })),
    partners: [...new Set(rows.filter((r) => r.role === 'partner' && r.orgName).map((r) => r.orgName!))].map((orgName) => ({ orgName })),
  }
}

// ── Co-sign and follow: counts exact under concurrency (unique row + atomic counter, one transaction)

export async function setCosign(deps: Deps, actor: Actor, id: string, on: boolean) {
  const { db } = deps.database
  const { row, roles } = await visibleConcern(db, actor, id)
  if (on) {
    if (roles.includes('author')) throw new AppError('TRANSITION_NOT_ALLOWED', '不能附议自己提交的诉求')
    if (row.visibility !== 'public') throw new AppError('TRANSITION_NOT_ALLOWED', '仅公开的诉求可以附议')
    if (!actor.memberships.some((m) => m.communityId === row.communityId)) throw new AppError('FORBIDDEN', '只有本社区居民可以附议')
    if (!openStatuses.includes(row.status)) throw new AppError('TRANSITION_NOT_ALLOWED', '这条诉求已办结，不能再附议')
  }
  const now = deps.now()
  return db.transaction(async (tx) => {
    if (on) {
      const added = await tx
        .insert(cosigns)
        .values({ concernId: id, userId: actor.userId, createdAt: now })
        .onConflictDoNothing()
        .returning()
      if (added.length)
        await tx
          .update(concerns)
          .set({ cosignCount: sql`${concerns.cosignCount} + 1` })
          .where(eq(concerns.id, id))
      // Co-signing also follows it, so the co-signer hears of each step.
      const followed = await tx
        .insert(follows)
        .values({ concernId: id, userId: actor.userId, createdAt: now })
        .onConflictDoNothing()
        .returning()
      if (followed.length)
        await tx
          .update(concerns)
          .set({ followCount: sql`${concerns.followCount} + 1` })
          .where(eq(concerns.id, id))
    } else {
      const removed = await tx
        .delete(cosigns)
        .where(and(eq(cosigns.concernId, id), eq(cosigns.userId, actor.userId)))
        .returning()
      if (removed.length)
        await tx
          .update(concerns)
          .set({ cosignCount: sql`${concerns.cosignCount} - 1` })
          .where(eq(concerns.id, id))
    }
    const [c] = await tx.select({ n: concerns.cosignCount }).from(concerns).where(eq(concerns.id, id))
    return { cosigned: on, cosignCount: c.n }
  })
}

export async function setFollow(deps: Deps, actor: Actor, id: string, on: boolean) {
  const { db } = deps.database
  await visibleConcern(db, actor, id)
  const now = deps.now()
  return db.transaction(async (tx) => {
    if (on) {
      const added = await tx
        .insert(follows)
        .values({ concernId: id, userId: actor.userId, createdAt: now })
        .onConflictDoNothing()
        .returning()
      if (added.length)
        await tx
          .update(concerns)
          .set({ followCount: sql`${concerns.followCount} + 1` })
          .where(eq(concerns.id, id))
    } else {
      const removed = await tx
        .delete(follows)
        .where(and(eq(follows.concernId, id), eq(follows.userId, actor.userId)))
        .returning()
      if (removed.length)
        await tx
          .update(concerns)
          .set({ followCount: sql`${concerns.followCount} - 1` })
          .where(eq(concerns.id, id))
    }
    const [c] = await tx.select({ n: concerns.followCount }).from(concerns).where(eq(concerns.id, id))
    return { following: on, followCount: c.n }
  })
}

// ── Transitions ──────────────────────────────────────────────────────────────────────────────────

function failTransition(result: Extract<ReturnType<typeof checkTransition>, { ok: false }>): never {
  if (result.code === 'ROLE_NOT_ALLOWED') throw new AppError('FORBIDDEN', result.message)
  if (result.code === 'INPUT_MISSING') throw fieldError(result.field ?? 'body', result.message)
  throw new AppError('TRANSITION_NOT_ALLOWED', result.message)
}

/** A staff or assignee action on a concern: guards, then one transaction with the event and notices. */
export async function transitionConcern(deps: Deps, actor: Actor, id: string, input: z.output<typeof TransitionInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { row, roles, orgs } = await visibleConcern(db, actor, id)
  const attached = await ownPhotos(db, actor.userId, input.photoIds)
  const check = checkTransition(input.action, row.status, roles, {
    reason: input.reason,
    targetId: input.targetId,
    assignee: input.assignee,
    note: input.note,
    photoCount: attached.length,
  })
  if (!check.ok) failTransition(check)

  const patch: Partial<typeof concerns.$inferInsert> = { status: check.to, updatedAt: now }
  let target: ConcernListRow | null = null
  if (input.action === 'accept') {
    patch.acceptedAt = now
    patch.dueAt = dueAt(row.category, now)
  } else if (input.action === 'assign' && input.assignee) {
    if (input.assignee.kind === 'worker') {
      const [m] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, input.assignee.userId),
            eq(memberships.communityId, row.communityId),
            inArray(memberships.role, ['worker', 'admin']),
          ),
        )
      if (!m) throw new AppError('ASSIGNEE_INVALID')
      patch.assigneeUserId = input.assignee.userId
      patch.assigneeOrg = null
    } else {
      const partners = (await staffDirectory(db, row.communityId)).partners.map((p) => p.orgName)
      if (!partners.includes(input.assignee.orgName)) throw new AppError('ASSIGNEE_INVALID')
      patch.assigneeOrg = input.assignee.orgName
      patch.assigneeUserId = null
    }
  } else if (input.action === 'merge') {
    target = input.targetId ? await loadConcern(db, input.targetId).catch(() => null) : null
    if (!target || target.id === row.id || target.communityId !== row.communityId || !openStatuses.includes(target.status)) {
      throw new AppError('MERGE_TARGET_INVALID')
    }
    patch.mergedIntoId = target.id
  } else if (input.action === 'resolve') {
    patch.resolvedAt = now
  }
  const note = input.action === 'decline' ? input.reason : input.note
  const actorRole = roles.includes('staff') ? 'staff' : 'partner'
  const staffRole = actor.memberships.find((m) => m.communityId === row.communityId && (m.role === 'admin' || m.role === 'worker'))?.role

  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(concerns)
      .set(patch)
      .where(and(eq(concerns.id, id), eq(concerns.status, row.status)))
      .returning()
    if (!updated) throw new AppError('CONCERN_CHANGED')
    const data: Record<string, unknown> = actorRole === 'partner' ? { orgName: row.assigneeOrg ?? orgs[0] } : { staffRole }
    if (input.assignee) data.assignee = input.assignee
    if (target) data.target = { id: target.id, publicNo: target.publicNo }
    const [event] = await tx
      .insert(concernEvents)
      .values({
        concernId: id,
        actorId: actor.userId,
        actorRole,
        action: input.action,
        fromStatus: row.status,
        toStatus: check.to,
        note: note ?? null,
        data,
        createdAt: now,
      })
      .returning({ id: concernEvents.id })
    if (attached.length)
      await tx.insert(eventPhotos).values(attached.map((p, position) => ({ eventId: event.id, photoId: p.id, position })))

    if (target) await mergeInto(tx, actor, row, target, now)

    const audience = new Set([...(await followerIds(tx, id)), row.authorId])
    if (input.action === 'assign') for (const u of await assigneeIds(tx, updated)) audience.add(u)
    audience.delete(actor.userId)
    const body =
      input.action === 'decline'
        ? `不予受理：${input.reason}`
        : input.action === 'merge' && target
          ? `已合并到诉求 ${target.publicNo}，后续进展请在那里查看`
          : input.action === 'assign'
            ? `已派给 ${updated.assigneeOrg ?? '社区工作者'} 办理`
            : (note ?? concernEventLabels[input.action] ?? '')
    await tellAbout(tx, updated, check.to, [...audience], body, now)
  })
  return getConcernDetail(deps, actor, id)
}

/** Co-signers and followers move to the target; its counts are recounted from the rows. */
async function mergeInto(tx: Tx, actor: Actor, from: ConcernListRow, target: ConcernListRow, now: Date) {
  const supporters = await tx.select({ userId: cosigns.userId }).from(cosigns).where(eq(cosigns.concernId, from.id))
  const newCosigners = new Set([...supporters.map((s) => s.userId), from.authorId])
  newCosigners.delete(target.authorId)
  if (newCosigners.size) {
    await tx
      .insert(cosigns)
      .values([...newCosigners].map((userId) => ({ concernId: target.id, userId, createdAt: now })))
      .onConflictDoNothing()
  }
  const followers = await followerIds(tx, from.id)
  if (followers.length) {
    await tx
      .insert(follows)
      .values(followers.map((userId) => ({ concernId: target.id, userId, createdAt: now })))
      .onConflictDoNothing()
  }
  await tx
    .update(concerns)
    .set({
      cosignCount: sql`(select count(*)::int from cosigns where concern_id = ${target.id})`,
      followCount: sql`(select count(*)::int from follows where concern_id = ${target.id})`,
      updatedAt: now,
    })
    .where(eq(concerns.id, target.id))
  await tx.insert(concernEvents).values({
    concernId: target.id,
    actorId: actor.userId,
    actorRole: 'staff',
    action: 'merged_in',
    fromStatus: target.status,
    toStatus: target.status,
    note: `合并了诉求 ${from.publicNo}`,
    data: { source: { id: from.id, publicNo: from.publicNo } },
    createdAt: now,
  })
}

/** The author rates the result: satisfied closes it; 1–2 stars or "not solved" reopens it once. */
export async function rateConcern(deps: Deps, actor: Actor, id: string, input: z.output<typeof RateInput>) {
  const { db } = deps.database
  const now = deps.now()
  const { row, roles } = await visibleConcern(db, actor, id)
  const check = checkTransition('rate', row.status, roles, { rating: input.rating, solved: input.solved, reopenCount: row.reopenCount })
  if (!check.ok) failTransition(check)
  await assertTextPasses(deps, actor.userId, input.comment)
  const reopened = check.to === 'reopened'
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(concerns)
      .set({
        status: check.to,
        rating: input.rating,
        ratingComment: input.comment ?? null,
        solved: input.solved,
        updatedAt: now,
        ...(reopened ? { reopenCount: sql`${concerns.reopenCount} + 1`, resolvedAt: null } : { closedAt: now }),
      })
      .where(and(eq(concerns.id, id), eq(concerns.status, 'resolved')))
      .returning()
    if (!updated) throw new AppError('CONCERN_CHANGED')
    await tx.insert(concernEvents).values({
      concernId: id,
      actorId: actor.userId,
      actorRole: 'author',
      action: 'rate',
      fromStatus: 'resolved',
      toStatus: check.to,
      note: input.comment ?? null,
      data: { rating: input.rating, solved: input.solved },
      createdAt: now,
    })
    // A reopened concern goes back to whoever handled it; staff hear of every rating.
    const audience = new Set([...(await staffUserIds(tx, row.communityId)), ...(await assigneeIds(tx, updated))])
    audience.delete(actor.userId)
    await tellAbout(
      tx,
      updated,
      check.to,
      [...audience],
      `居民评价 ${input.rating} 星${input.solved ? '' : '（未解决）'}${input.comment ? `：${input.comment}` : ''}`,
      now,
    )
  })
  return getConcernDetail(deps, actor, id)
}

// ── Scheduled: auto-close and overdue notices ────────────────────────────────────────────────────

/** Resolved concerns nobody rated within `days` close as confirmed by default. */
export async function autoCloseResolved(deps: Deps, days: number, batch = 500): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  const cutoff = new Date(now.getTime() - days * 86400_000)
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(concerns)
      .set({ status: 'closed', closedAt: now, updatedAt: now })
      .where(
        inArray(
          concerns.id,
          tx
            .select({ id: concerns.id })
            .from(concerns)
            .where(and(eq(concerns.status, 'resolved'), lt(concerns.resolvedAt, cutoff)))
            .limit(batch),
        ),
      )
      .returning()
    for (const c of closed) {
      await tx.insert(concernEvents).values({
        concernId: c.id,
        actorRole: 'system',
        action: 'auto_close',
        fromStatus: 'resolved',
        toStatus: 'closed',
        note: `办结后 ${days} 天未评价，视为确认`,
        createdAt: now,
      })
      await tellAbout(tx, c, 'closed', [c.authorId], `办结后 ${days} 天未评价，已自动结案`, now)
    }
    return closed.length
  })
}

/** Tells the handler (or the staff) once when a concern passes its deadline. */
export async function noticeOverdue(deps: Deps, batch = 500): Promise<number> {
  const { db } = deps.database
  const now = deps.now()
  return db.transaction(async (tx) => {
    const due = await tx
      .update(concerns)
      .set({ overdueNotifiedAt: now })
      .where(
        inArray(
          concerns.id,
          tx
            .select({ id: concerns.id })
            .from(concerns)
            .where(
              and(
                lt(concerns.dueAt, now),
                isNull(concerns.resolvedAt),
                isNull(concerns.overdueNotifiedAt),
                inArray(concerns.status, [...openStatuses]),
              ),
            )
            .limit(batch),
        ),
      )
      .returning()
    for (const c of due) {
      const handlers = await assigneeIds(tx, c)
      const to = handlers.length ? handlers : await staffUserIds(tx, c.communityId)
      await notify(tx, {
        userIds: to,
        concernId: c.id,
        title: `诉求 ${c.publicNo} 已逾期`,
        body: `办理期限 ${c.dueAt?.toISOString().slice(0, 10)} 已过，请尽快处理`,
        message: { template: 'concern_status', publicNo: c.publicNo, status: c.status, statusLabel: '已逾期', at: now.toISOString() },
      })
    }
    return due.length
  })
}

// ── Moved on by a council (议事会) ───────────────────────────────────────────────────────────────

export interface CouncilStep {
  action: Extract<ConcernAction, 'accept' | 'send_to_council' | 'deliberate' | 'start'>
  note: string
  /** Extra columns, e.g. the responsible party and the resolution's deadline when work starts. */
  patch?: Partial<typeof concerns.$inferInsert>
  data?: Record<string, unknown>
}

/**
 * Moves a concern along the steps a council takes (accept → on_agenda when its topic is put on
 * the agenda; deliberated → in_progress when a resolution is recorded), inside the caller's
 * transaction, through the same lifecycle rules, events and notices as any staff transition.
 * Steps the concern's status does not allow are skipped (e.g. already on an agenda, or already
 * being worked on); returns the steps taken.
 */
export async function moveConcernByCouncil(
  tx: Tx,
  actor: Actor,
  concernId: string,
  steps: CouncilStep[],
  now: Date,
): Promise<ConcernAction[]> {
  const taken: ConcernAction[] = []
  const [locked] = await tx.select().from(concerns).where(eq(concerns.id, concernId)).for('update')
  if (!locked) return taken
  let current: ConcernRow = locked
  const staffRole = actor.memberships.find(
    (m) => m.communityId === current.communityId && (m.role === 'admin' || m.role === 'worker'),
  )?.role
  for (const step of steps) {
    const check = checkTransition(step.action, current.status, ['staff'])
    if (!check.ok) continue
    // Steps taken together are a millisecond apart, so the timeline (by time, then id) keeps their order.
    const at = new Date(now.getTime() + taken.length)
    const patch: Partial<typeof concerns.$inferInsert> = { status: check.to, updatedAt: at, ...step.patch }
    if (step.action === 'accept') {
      patch.acceptedAt = at
      patch.dueAt = dueAt(current.category, at)
    }
    const [updated] = await tx.update(concerns).set(patch).where(eq(concerns.id, concernId)).returning()
    await tx.insert(concernEvents).values({
      concernId,
      actorId: actor.userId,
      actorRole: 'staff',
      action: step.action,
      fromStatus: current.status,
      toStatus: check.to,
      note: step.note,
      data: { staffRole, ...step.data },
      createdAt: at,
    })
    const audience = new Set([...(await followerIds(tx, concernId)), current.authorId])
    if (step.action === 'start') for (const u of await assigneeIds(tx, updated)) audience.add(u)
    audience.delete(actor.userId)
    await tellAbout(tx, updated, check.to, [...audience], step.note, at)
    current = updated
    taken.push(step.action)
  }
  return taken
}
