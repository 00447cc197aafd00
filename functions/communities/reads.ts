import { and, asc, eq, exists, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { buildings, communities, districts, households, streets, units } from '../../db/schema/index.js'
import { allOf, firstOf, jsonShape } from '../../db/together.js'
import { AppError } from '../http/errors.js'
import { readSignedIn } from './read-with.js'

/** A community with its counts (each count is an index-only scan). */
const summaryShape = jsonShape({
  id: communities.id,
  name: communities.name,
  code: communities.code,
  streetName: streets.name,
  districtName: districts.name,
  buildingCount: sql<number>`(select count(*)::int from buildings b where b.community_id = ${communities.id})`,
  householdCount: sql<number>`(select count(*)::int from households h where h.community_id = ${communities.id})`,
  verifiedResidentCount: sql<number>`(select count(distinct rc.user_id)::int from residency_claims rc where rc.community_id = ${communities.id} and rc.status = 'verified')`,
})

function summaries(db: Db) {
  return db
    .select({ r: summaryShape.object })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .innerJoin(districts, eq(districts.id, streets.districtId))
}

/** Every community with its counts, in one statement with the actor (decision 039). */
export async function listCommunities(db: Db, userId: string) {
  const { items } = await readSignedIn(db, userId, { items: allOf(summaries(db).orderBy(asc(communities.code))) })
  return { items: items.map(summaryShape.decode) }
}

/** One community with its counts; 404 for no such community. */
export async function communitySummary(db: Db, userId: string, communityId: string) {
  const { row } = await readSignedIn(db, userId, { row: firstOf(summaries(db).where(eq(communities.id, communityId))) })
  if (!row) throw new AppError('NOT_FOUND', '社区不存在')
  return summaryShape.decode(row)
}

const buildingShape = jsonShape({ id: buildings.id, name: buildings.name, unitId: units.id, unitName: units.name })

/** The community's buildings with their units, in order; 404 for no such community. */
export async function listBuildings(db: Db, userId: string, communityId: string) {
  const rows = db
    .select({ r: buildingShape.object })
    .from(buildings)
    .leftJoin(units, eq(units.buildingId, buildings.id))
    .where(eq(buildings.communityId, communityId))
    .orderBy(asc(buildings.sortKey), asc(buildings.name), asc(units.sortKey), asc(units.name))
  const known = exists(db.select({ one: sql`1` }).from(communities).where(eq(communities.id, communityId)))
  const read = await readSignedIn(db, userId, { rows: allOf(rows), known: sql<boolean>`${known}` })
  if (!read.known) throw new AppError('NOT_FOUND', '社区不存在')
  const byId = new Map<string, { id: string; name: string; units: { id: string; name: string }[] }>()
  for (const r of read.rows.map(buildingShape.decode)) {
    const b = byId.get(r.id) ?? { id: r.id, name: r.name, units: [] }
    if (r.unitId && r.unitName) b.units.push({ id: r.unitId, name: r.unitName })
    byId.set(r.id, b)
  }
  return { items: [...byId.values()] }
}

const householdShape = jsonShape({ id: households.id, room: households.room, areaM2: households.areaM2 })

/** The households of one unit of the community, by room number; 404 when the unit is not the community's. */
export async function listHouseholds(db: Db, userId: string, communityId: string, unitId: string) {
  const list = db
    .select({ r: householdShape.object })
    .from(households)
    .where(and(eq(households.communityId, communityId), eq(households.unitId, unitId)))
    .orderBy(sql`length(${households.room})`, asc(households.room))
  const { items } = await readSignedIn(db, userId, { items: allOf(list) })
  if (!items.length) throw new AppError('NOT_FOUND', '该单元不存在或不属于这个社区')
  return { items: items.map(householdShape.decode) }
}
