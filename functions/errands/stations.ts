import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { z } from 'zod'
import { can, type Actor } from '../../domain/permissions.js'
import type { StationInput, StationPatch } from '../../domain/schemas/errands.js'
import type { Db, Tx } from '../../db/client.js'
import { buildings, errandStations, households, memberships, residencyClaims, units, users } from '../../db/schema/index.js'
import { allOf, jsonShape } from '../../db/together.js'
import { communityAllowing, communityContext, readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError, pgErrorCode } from '../http/errors.js'
import { ownStationPart } from './access.js'
import { stationView, stationViews } from './views.js'

/** A station with its helper (null fields when the account is gone) and the names of its buildings by id. */
const stationRead = jsonShape({
  station: errandStations,
  helper: { id: users.id, nickname: users.nickname },
  buildingNames: sql<Record<string, string> | null>`(select json_object_agg(${buildings.id}, ${buildings.name})
    from ${buildings} where ${buildings.id} = any(${errandStations.buildingIds}))`,
})

/**
 * The community's 代办站: residents see the active ones (without the helper's name), staff all.
 * One statement: the actor, the community, my station and every station, left to the checks after it.
 */
export async function listStations(deps: Deps, userId: string, communityId: string) {
  const { db } = deps.database
  const all = db
    .select({ r: stationRead.object })
    .from(errandStations)
    .leftJoin(users, eq(users.id, errandStations.helperId))
    .where(eq(errandStations.communityId, communityId))
    .orderBy(asc(errandStations.createdAt))
  const { actor, ctx, own, rows } = await readInCommunity(db, userId, communityId, 'community.view', {
    own: ownStationPart(db, [communityId], userId),
    rows: allOf(all),
  })
  const staff = can(actor, 'errands.manage', ctx)
  if (!staff && !own && !can(actor, 'errands.ask', ctx)) throw new AppError('FORBIDDEN', '认证本社区的房屋后才能查看代办站')
  const items = rows
    .map((r) => stationRead.decode(r))
    .filter(({ station }) => staff || station.active)
    .map(({ station, helper, buildingNames }) =>
      stationView(station, new Map(Object.entries(buildingNames ?? {})), helper.id ? helper : null, actor, staff),
    )
  return { items }
}

const candidateShape = jsonShape({ id: users.id, nickname: users.nickname, building: buildings.name })

/** Who may keep a station: the community's verified residents, with where they live (staff pick one). */
export async function stationCandidates(deps: Deps, userId: string, communityId: string) {
  const { db } = deps.database
  const list = db
    .selectDistinctOn([users.id], { r: candidateShape.object })
    .from(residencyClaims)
    .innerJoin(users, eq(users.id, residencyClaims.userId))
    .innerJoin(households, eq(households.id, residencyClaims.householdId))
    .innerJoin(units, eq(units.id, households.unitId))
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .where(and(eq(residencyClaims.communityId, communityId), eq(residencyClaims.status, 'verified')))
    .orderBy(users.id)
    .limit(500)
  const { rows } = await readInCommunity(db, userId, communityId, 'errands.manage', { rows: allOf(list) })
  return { items: rows.map((r) => candidateShape.decode(r)).sort((a, b) => a.nickname.localeCompare(b.nickname, 'zh-CN')) }
}

async function checkBuildings(db: Db | Tx, communityId: string, ids: string[] | undefined) {
  if (!ids?.length) return
  const own = await db
    .select({ id: buildings.id })
    .from(buildings)
    .where(and(eq(buildings.communityId, communityId), inArray(buildings.id, ids)))
  if (own.length !== ids.length) throw fieldError('buildingIds', '只能选择本社区的楼栋')
}

/** A helper must belong to the community: a verified resident, or one of its members. */
async function checkHelper(db: Db | Tx, communityId: string, helperId: string) {
  const [resident] = await db
    .select({ id: residencyClaims.id })
    .from(residencyClaims)
    .where(and(eq(residencyClaims.communityId, communityId), eq(residencyClaims.userId, helperId), eq(residencyClaims.status, 'verified')))
    .limit(1)
  if (resident) return
  const [member] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, helperId)))
    .limit(1)
  if (!member) throw fieldError('helperId', '代办站须由本社区的认证居民或成员开设')
}

/** Staff set up a station for a helper of the community (one per helper). */
export async function createStation(deps: Deps, actor: Actor, communityId: string, input: z.output<typeof StationInput>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'errands.manage')
  await checkHelper(db, communityId, input.helperId)
  await checkBuildings(db, communityId, input.buildingIds)
  const now = deps.now()
  try {
    const [row] = await db
      .insert(errandStations)
      .values({ ...input, communityId, createdBy: actor.userId, createdAt: now, updatedAt: now })
      .returning()
    return (await stationViews(db, actor, [row], true))[0]
  } catch (err) {
    if (pgErrorCode(err) === '23505') throw new AppError('STATION_HELPER_TAKEN')
    throw err
  }
}

/** Staff edit a station: its name, label, buildings, what it helps with, whether it serves now. */
export async function updateStation(deps: Deps, actor: Actor, stationId: string, patch: z.output<typeof StationPatch>) {
  const { db } = deps.database
  const [row] = await db.select().from(errandStations).where(eq(errandStations.id, stationId))
  const ctx = row ? await communityContext(db, row.communityId) : null
  if (!row || !ctx) throw new AppError('NOT_FOUND', '代办站不存在')
  if (!can(actor, 'errands.manage', ctx)) {
    if (can(actor, 'errands.ask', ctx) || row.helperId === actor.userId) throw new AppError('FORBIDDEN')
    throw new AppError('NOT_FOUND', '代办站不存在')
  }
  await checkBuildings(db, row.communityId, patch.buildingIds)
  const [updated] = await db
    .update(errandStations)
    .set({ ...patch, updatedAt: deps.now() })
    .where(eq(errandStations.id, stationId))
    .returning()
  return (await stationViews(db, actor, [updated], true))[0]
}
