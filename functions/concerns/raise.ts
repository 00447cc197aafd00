import { createHash, randomUUID } from 'node:crypto'
import { and, eq, sql, type WithSubquery } from 'drizzle-orm'
import { categories } from '../../domain/concerns/categories.js'
import { addLimit } from '../../domain/concerns/milestones.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { can } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { RaiseConcernInput } from '../../domain/schemas/concerns.js'
import {
  concernCounters,
  concernEvents,
  concernPhotos,
  concerns,
  follows,
  idempotencyKeys,
  type ConcernRow,
} from '../../db/schema/index.js'
import type { Db, Tx } from '../../db/client.js'
import type { Deps } from '../context.js'
import { AppError, fieldError } from '../http/errors.js'
import { notify } from '../notifications/index.js'
import { actorJson, actorOf } from '../auth/index.js'
import { dispatchFacts, dispatchFrom, limitOverridesValue, limitsFrom } from '../grids/index.js'
import { kpiRaiseParts } from '../kpis/index.js'
import { assertTextPassesAs } from '../wechat/text-check.js'
import { ownPhotos } from '../photos/index.js'

function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()
}

function requestHash(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex')
}

type Place = Partial<Pick<ConcernRow, 'householdId' | 'buildingId' | 'placeText' | 'latitude' | 'longitude'>>

/**
 * Everything a raise reads before its transaction, in one statement (decision 037): the actor, the
 * community's code and milestone limits, the author's openid for WeChat's text check, the building
 * of the place — a home the author has verified or a building of the community, null otherwise —
 * and where the concern goes (the building's grid and its workers, the community's staff).
 */
async function raiseContext(db: Db, userId: string, input: z.output<typeof RaiseConcernInput>) {
  const { communityId, place } = input
  const building =
    place.kind === 'household'
      ? sql`(select u.building_id from residency_claims rc join households h on h.id = rc.household_id join units u on u.id = h.unit_id
          where rc.user_id = ${userId} and rc.household_id = ${place.householdId} and rc.community_id = ${communityId}
            and rc.status = 'verified' limit 1)`
      : place.kind === 'building'
        ? sql`(select b.id from buildings b where b.id = ${place.buildingId} and b.community_id = ${communityId})`
        : null
  const [row] = await db
    .select({
      actor: actorJson(userId),
      code: sql<string | null>`(select code from communities where id = ${communityId})`,
      openid: sql<string | null>`(select openid from users where id = ${userId})`,
      limits: limitOverridesValue(communityId),
      buildingId: building ? sql<string | null>`${building}` : sql<null>`null`,
      dispatch: dispatchFacts(communityId, building),
    })
    .from(sql`(values (1)) as one`)
  return row
}

/** Where the concern is, checked: a home the author has verified, a building of the community, or a public place. */
function placeOf(input: z.output<typeof RaiseConcernInput>, buildingId: string | null): Place {
  if (input.place.kind === 'household') {
    if (!buildingId) throw fieldError('place.householdId', '只能选择您已认证的房屋')
    return { householdId: input.place.householdId }
  }
  if (input.place.kind === 'building') {
    if (!buildingId) throw fieldError('place.buildingId', '该楼栋不属于这个社区')
    return { buildingId: input.place.buildingId }
  }
  return { placeText: input.place.text, latitude: input.place.latitude ?? null, longitude: input.place.longitude ?? null }
}

/**
 * Takes the Idempotency-Key for this request, or finds the concern an earlier request with the
 * same key and the same content created (its id: a replay). Another content under the key is
 * refused; a first request still running answers 409.
 */
async function claimKey(tx: Tx, userId: string, key: string, hash: string): Promise<string | null> {
  // A concurrent retry with the same key waits here for the first to commit, then finds its result.
  const [fresh] = await tx
    .insert(idempotencyKeys)
    .values({ userId, key, requestHash: hash })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
  if (fresh) return null
  const [seen] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
  if (!seen || seen.requestHash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED')
  if (!seen.concernId) throw new AppError('CONCERN_CHANGED', '上一次提交还在处理中，请稍后刷新')
  return seen.concernId
}

/**
 * The concern's public number (`WA-2026-000123`), gapless per community and year, and its 三率
 * counters (收到 1), in one statement: the counter row and the community's counter rows are locked
 * from here to the commit, so they are taken last and together. Call it last in the transaction
 * but for the notice. (PostgreSQL runs the main part — the counter — first, then the counters'
 * `with` parts in the order every change locks them.)
 */
async function takePublicNo(tx: Tx, created: ConcernRow, code: string, year: number): Promise<string> {
  const prefix = `${code}-${year}-`
  const counter = sql`counter as (
      insert into ${concernCounters} (community_id, year, last) values (${created.communityId}, ${year}, 1)
      on conflict (community_id, year) do update set last = ${concernCounters}.last + 1
      returning last
    )`
  const numbered = (await tx.execute(sql`
    with ${sql.join([...kpiRaiseParts(tx, created), counter], sql`, `)}
    update ${concerns} set public_no = ${prefix} || lpad(counter.last::text, 6, '0')
    from counter where ${concerns.id} = ${created.id}
    returning public_no`)) as unknown as { rows: { public_no: string }[] } // every driver answers with `rows`
  return numbered.rows[0].public_no
}

/**
 * What is written with the concern, in the same statement as its insert (data-modifying `with`s;
 * their foreign keys to the new concern are checked at the statement's end): its photos in order,
 * the author's follow, the submit event, and the Idempotency-Key pointed at it. One round trip
 * instead of up to four.
 */
function alongside(tx: Tx, c: { id: string; userId: string; at: Date; photoIds: string[]; idempotencyKey: string | undefined }) {
  const at = c.at.toISOString()
  const ctes: WithSubquery[] = [
    tx.$with('author_follows', {}).as(sql`insert into ${follows} (concern_id, user_id, created_at) values (${c.id}, ${c.userId}, ${at})`),
    tx.$with('submitted', {}).as(
      sql`insert into ${concernEvents} (concern_id, actor_id, actor_role, action, to_status, created_at)
          values (${c.id}, ${c.userId}, 'author', 'submit', 'submitted', ${at})`,
    ),
  ]
  if (c.photoIds.length) {
    ctes.push(
      tx.$with('photos', {}).as(
        sql`insert into ${concernPhotos} (concern_id, photo_id, position)
          select ${c.id}::uuid, p, i - 1 from unnest(string_to_array(${c.photoIds.join(',')}, ',')::uuid[]) with ordinality t(p, i)`,
      ),
    )
  }
  if (c.idempotencyKey) {
    ctes.push(
      tx
        .$with('key_used', {})
        .as(sql`update ${idempotencyKeys} set concern_id = ${c.id} where user_id = ${c.userId} and key = ${c.idempotencyKey}`),
    )
  }
  return ctes
}

/**
 * 提诉求: the actor and the lookups in one statement, then the guards (membership, the place, own
 * photos, WeChat's text check); then in one transaction the Idempotency-Key, the concern routed to
 * its grid, photos, the author's follow, the event, the 三率 aggregates, the public number and the notice.
 */
export async function raiseConcern(
  deps: Deps,
  userId: string,
  input: z.output<typeof RaiseConcernInput>,
  idempotencyKey: string | undefined,
): Promise<{ id: string; replayed: boolean }> {
  const { db } = deps.database
  const now = deps.now()
  const context = await raiseContext(db, userId, input)
  const actor = actorOf(userId, context.actor)
  if (!can(actor, 'concern.raise', { communityId: input.communityId }) || !context.code) throw new AppError('NOT_A_MEMBER')
  const place = placeOf(input, context.buildingId)
  const attached = await ownPhotos(db, actor.userId, input.photoIds)
  await assertTextPassesAs(deps, context.openid, input.description, place.placeText)

  // 网格 dispatch: a flat's concern goes by its building too.
  const dispatch = dispatchFrom(context.dispatch, context.buildingId)
  const limits = limitsFrom(input.category, context.limits)
  const hash = requestHash(input)
  const year = chinaYear(now)
  const code = context.code
  return db.transaction(async (tx) => {
    if (idempotencyKey) {
      const replayed = await claimKey(tx, actor.userId, idempotencyKey, hash)
      if (replayed) return { id: replayed, replayed: true }
    }
    const id = randomUUID()
    const [created] = await tx
      .with(...alongside(tx, { id, userId: actor.userId, at: now, photoIds: attached.map((p) => p.id), idempotencyKey }))
      .insert(concerns)
      .values({
        id,
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
    // The grid's workers, or the community's staff when no grid takes it.
    const told = dispatch.notify.filter((id) => id !== actor.userId)
    const publicNo = await takePublicNo(tx, created, code, year)
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
