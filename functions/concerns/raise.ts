import { createHash, randomUUID } from 'node:crypto'
import { and, eq, sql } from 'drizzle-orm'
import { categories } from '../../domain/concerns/categories.js'
import { addLimit } from '../../domain/concerns/milestones.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { can, type Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { RaiseConcernInput } from '../../domain/schemas/concerns.js'
import {
  buildings,
  communities,
  concernCounters,
  concernEvents,
  concernPhotos,
  concerns,
  follows,
  idempotencyKeys,
  residencyClaims,
  type ConcernRow,
} from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { buildingOfHousehold } from '../communities/index.js'
import { dispatchConcern, milestoneLimitsOf } from '../grids/index.js'
import { applyKpiChange } from '../kpis/index.js'
import { assertTextPasses } from '../wechat/text-check.js'
import { ownPhotos } from '../photos/index.js'

function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()
}

function requestHash(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex')
}

export async function raiseConcern(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof RaiseConcernInput>,
  idempotencyKey: string | undefined,
): Promise<{ id: string; replayed: boolean }> {
  const { db } = deps.database
  const now = deps.now()
  if (!can(actor, 'concern.raise', { communityId: input.communityId })) throw new AppError('NOT_A_MEMBER')

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

  // 网格 dispatch: a flat's concern goes by its building too.
  const buildingId = place.buildingId ?? (place.householdId ? await buildingOfHousehold(db, place.householdId) : null)
  const limits = await milestoneLimitsOf(db, input.communityId, input.category)
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
    const dispatch = await dispatchConcern(tx, input.communityId, buildingId)
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
        gridId: dispatch.to === 'grid' ? dispatch.gridId : null,
        acknowledgeDueAt: addLimit(now, limits.acknowledge),
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
    await applyKpiChange(tx, null, created)
    // The grid's workers, or the community's staff when no grid takes it.
    const told = dispatch.notify.filter((id) => id !== actor.userId)
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
      userIds: told,
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
