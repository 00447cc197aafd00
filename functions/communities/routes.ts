import { and, asc, eq, sql } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import { Id } from '../../domain/schemas/common.js'
import { BuildingList, CommunityList, CommunitySummary, HouseholdOptionList, HouseholdsQuery } from '../../domain/schemas/communities.js'
import type { Db } from '../../db/client.js'
import { buildings, communities, districts, households, streets, units } from '../../db/schema/index.js'
import { requireUser } from '../auth/middleware.js'
import type { AppEnv } from '../context.js'
import { AppError } from '../http/errors.js'
import { paramsOf, queryOf } from '../http/validate.js'
import { op } from '../openapi.js'

export const communitiesApi = new Hono<AppEnv>()
communitiesApi.use('*', requireUser)

const CommunityParams = z.object({ communityId: Id })

/** Communities with their counts in one round trip (each count is an index-only scan). */
function summaries(db: Db) {
  return db
    .select({
      id: communities.id,
      name: communities.name,
      code: communities.code,
      streetName: streets.name,
      districtName: districts.name,
      buildingCount: sql<number>`(select count(*)::int from buildings b where b.community_id = ${communities.id})`,
      householdCount: sql<number>`(select count(*)::int from households h where h.community_id = ${communities.id})`,
      verifiedResidentCount: sql<number>`(select count(distinct rc.user_id)::int from residency_claims rc where rc.community_id = ${communities.id} and rc.status = 'verified')`,
    })
    .from(communities)
    .innerJoin(streets, eq(streets.id, communities.streetId))
    .innerJoin(districts, eq(districts.id, streets.districtId))
}

communitiesApi.get('/', async (c) => {
  const items = await summaries(c.var.deps.database.db).orderBy(asc(communities.code))
  return c.json({ items })
})

communitiesApi.get('/:communityId', paramsOf(CommunityParams), async (c) => {
  const { communityId } = c.req.valid('param')
  const [row] = await summaries(c.var.deps.database.db).where(eq(communities.id, communityId))
  if (!row) throw new AppError('NOT_FOUND', '社区不存在')
  return c.json(row)
})

communitiesApi.get('/:communityId/buildings', paramsOf(CommunityParams), async (c) => {
  const { communityId } = c.req.valid('param')
  const { db } = c.var.deps.database
  const rows = await db
    .select({ id: buildings.id, name: buildings.name, unitId: units.id, unitName: units.name })
    .from(buildings)
    .leftJoin(units, eq(units.buildingId, buildings.id))
    .where(eq(buildings.communityId, communityId))
    .orderBy(asc(buildings.sortKey), asc(buildings.name), asc(units.sortKey), asc(units.name))
  if (!rows.length) {
    const [exists] = await db.select({ id: communities.id }).from(communities).where(eq(communities.id, communityId))
    if (!exists) throw new AppError('NOT_FOUND', '社区不存在')
  }
  const byId = new Map<string, { id: string; name: string; units: { id: string; name: string }[] }>()
  for (const r of rows) {
    const b = byId.get(r.id) ?? { id: r.id, name: r.name, units: [] }
    if (r.unitId && r.unitName) b.units.push({ id: r.unitId, name: r.unitName })
    byId.set(r.id, b)
  }
  return c.json({ items: [...byId.values()] })
})

communitiesApi.get('/:communityId/households', paramsOf(CommunityParams), queryOf(HouseholdsQuery), async (c) => {
  const { communityId } = c.req.valid('param')
  const { unitId } = c.req.valid('query')
  const items = await c.var.deps.database.db
    .select({ id: households.id, room: households.room, areaM2: households.areaM2 })
    .from(households)
    .where(and(eq(households.communityId, communityId), eq(households.unitId, unitId)))
    .orderBy(sql`length(${households.room})`, asc(households.room))
  if (!items.length) throw new AppError('NOT_FOUND', '该单元不存在或不属于这个社区')
  return c.json({ items })
})

export const communitiesDocs = [
  op({ method: 'get', path: '/api/communities', tag: 'communities', summary: '社区列表', auth: true, response: CommunityList }),
  op({
    method: 'get',
    path: '/api/communities/:communityId',
    tag: 'communities',
    summary: '社区概况',
    auth: true,
    response: CommunitySummary,
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/buildings',
    tag: 'communities',
    summary: '楼栋与单元',
    auth: true,
    response: BuildingList,
    errors: [404],
  }),
  op({
    method: 'get',
    path: '/api/communities/:communityId/households',
    tag: 'communities',
    summary: '某单元的房屋（门牌与面积）',
    auth: true,
    query: HouseholdsQuery,
    response: HouseholdOptionList,
    errors: [404],
  }),
]
