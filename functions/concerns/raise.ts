import { createHash, randomUUID } from 'node:crypto'
import { categories } from '../../domain/concerns/categories.js'
import { addLimit } from '../../domain/concerns/milestones.js'
import { concernStatusLabels } from '../../domain/concerns/labels.js'
import { can } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { RaiseConcernInput } from '../../domain/schemas/concerns.js'
import type { ConcernRow } from '../../db/schema/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError, pgErrorCode } from '../http/errors.js'
import { actorOf } from '../auth/index.js'
import { dispatchFrom, limitsFrom } from '../grids/index.js'
import { kpiRaiseParts } from '../kpis/index.js'
import { assertTextPassesAs } from '../wechat/text-check.js'
import { ownPhotos } from '../photos/index.js'
import { type KeySeen, keySeenAgain, raiseContext, runRaise } from './raise-sql.js'

function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()
}

function requestHash(input: unknown): string {
  return createHash('sha256').update(JSON.stringify(input)).digest('hex')
}

type Place = Pick<ConcernRow, 'householdId' | 'buildingId' | 'placeText' | 'latitude' | 'longitude'>

/** Where the concern is, checked: a home the author has verified, a building of the community, or a public place. */
function placeOf(input: z.output<typeof RaiseConcernInput>, buildingId: string | null): Place {
  const none = { householdId: null, buildingId: null, placeText: null, latitude: null, longitude: null }
  if (input.place.kind === 'household') {
    if (!buildingId) throw fieldError('place.householdId', '只能选择您已认证的房屋')
    return { ...none, householdId: input.place.householdId }
  }
  if (input.place.kind === 'building') {
    if (!buildingId) throw fieldError('place.buildingId', '该楼栋不属于这个社区')
    return { ...none, buildingId: input.place.buildingId }
  }
  return { ...none, placeText: input.place.text, latitude: input.place.latitude ?? null, longitude: input.place.longitude ?? null }
}

/**
 * An earlier request with the same Idempotency-Key: the same content is a replay (its concern's
 * id); other content under the key is refused. A key is stored with its concern, in one statement.
 */
function replayOf(seen: KeySeen, hash: string): string {
  if (seen.hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED')
  return seen.concernId
}

/**
 * 提诉求: the actor and the lookups in one statement (with what an earlier request under the same
 * Idempotency-Key made: a replay answers with it), then the guards (membership, the place, own
 * photos, WeChat's text check), then every write in one statement (`raiseStatement`): the concern
 * routed to its grid with its public number, photos, the author's follow, the event, the key, the
 * notice and the 三率 counters. A concurrent request with the same key loses on the key and
 * answers with the winner's concern.
 */
export async function raiseConcern(
  deps: Deps,
  userId: string,
  input: z.output<typeof RaiseConcernInput>,
  idempotencyKey: string | undefined,
): Promise<{ id: string; replayed: boolean }> {
  const { db } = deps.database
  const now = deps.now()
  const { place: where } = input
  const placeId = where.kind === 'household' ? where.householdId : where.kind === 'building' ? where.buildingId : null
  const key = idempotencyKey ?? null
  const context = await raiseContext(db, { userId, communityId: input.communityId, kind: where.kind, placeId, key })
  const hash = requestHash(input)
  if (context.key) return { id: replayOf(context.key, hash), replayed: true }
  const actor = actorOf(userId, context.actor)
  if (!can(actor, 'concern.raise', { communityId: input.communityId }) || !context.code) throw new AppError('NOT_A_MEMBER')
  const place = placeOf(input, context.buildingId)
  const attached = await ownPhotos(db, actor.userId, input.photoIds)
  await assertTextPassesAs(deps, context.openid, input.description, place.placeText)

  // 网格 dispatch: a flat's concern goes by its building too; the grid's workers, or the community's staff, are told.
  const dispatch = dispatchFrom(context.dispatch, context.buildingId)
  const gridId = dispatch.to === 'grid' ? dispatch.gridId : null
  const acknowledgeDueAt = addLimit(now, limitsFrom(input.category, context.limits).acknowledge)
  const id = randomUUID()
  const at = now.toISOString()
  const year = chinaYear(now)
  const kpi = kpiRaiseParts({
    communityId: input.communityId,
    gridId,
    assigneeUserId: null,
    assigneeOrg: null,
    category: input.category,
    status: 'submitted',
    createdAt: now,
    acknowledgedAt: null,
    acknowledgeDueAt,
    dueAt: null,
    resolvedAt: null,
    reopenCount: 0,
    rating: null,
    ratedAt: null,
  })
  const values = {
    id,
    communityId: input.communityId,
    userId: actor.userId,
    year,
    prefix: `${context.code}-${year}-`,
    category: input.category,
    description: input.description,
    ...place,
    visibility: input.visibility,
    anonymous: input.anonymous,
    gridId,
    at,
    acknowledgeDueAt: acknowledgeDueAt.toISOString(),
    photoIds: attached.map((ph) => ph.id).join(','),
    photoCount: attached.length,
    key,
    hash,
    notify: dispatch.notify.filter((u) => u !== actor.userId).join(','),
    body: `${categories[input.category].label}：${[...input.description].slice(0, 40).join('')}`,
    payload: JSON.stringify({
      template: 'concern_status',
      status: 'submitted',
      statusLabel: concernStatusLabels.submitted,
      at,
      concernId: id,
    }),
  }
  try {
    await runRaise(db, values, kpi)
  } catch (err) {
    // The same key's first request committed while this one ran: its concern is the answer.
    const seen = key && pgErrorCode(err) === '23505' ? await keySeenAgain(db, actor.userId, key) : null
    if (seen) return { id: replayOf(seen, hash), replayed: true }
    throw err
  }
  return { id, replayed: false }
}
