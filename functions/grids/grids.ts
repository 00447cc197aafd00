import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { sharedBuildings } from '../../domain/grids/dispatch.js'
import type { Actor } from '../../domain/permissions.js'
import type { z } from 'zod'
import type { Grid, GridInput, GridPatch } from '../../domain/schemas/grids.js'
import type { Db, Tx } from '../../db/client.js'
import { buildings, concerns, gridBuildings, grids, gridWorkers, memberships, users } from '../../db/schema/index.js'
import { allOf, jsonShape, together } from '../../db/together.js'
import { communityAllowing, readInCommunity } from '../communities/index.js'
import type { Deps } from '../context.js'
import { AppError, fieldError, pgErrorCode } from '../http/errors.js'
import { overdueNow } from './overdue.js'

type GridView = z.output<typeof Grid>

const buildingShape = jsonShape({ id: buildings.id, name: buildings.name })
const workerShape = jsonShape({ userId: users.id, name: users.nickname })

/** A grid as a row of JSON, its buildings, workers and open work read beside it (`now` times the overdue ones). */
function gridShape(db: Db, now: Date) {
  return jsonShape({
    id: grids.id,
    communityId: grids.communityId,
    name: grids.name,
    openConcernCount: sql<number>`(select count(*)::int from ${concerns} c where c.grid_id = ${grids.id}
      and c.status in ('submitted', 'accepted', 'assigned', 'on_agenda', 'deliberated', 'in_progress', 'reopened'))`,
    overdueCount: sql<number>`(select count(*)::int from ${concerns} c where c.grid_id = ${grids.id} and ${overdueNow(sql`c`, now)})`,
    buildings: allOf(
      db
        .select({ r: buildingShape.object })
        .from(gridBuildings)
        .innerJoin(buildings, eq(buildings.id, gridBuildings.buildingId))
        .where(eq(gridBuildings.gridId, grids.id))
        .orderBy(asc(buildings.sortKey), asc(buildings.name)),
    ),
    workers: allOf(
      db
        .select({ r: workerShape.object })
        .from(gridWorkers)
        .innerJoin(users, eq(users.id, gridWorkers.userId))
        .where(eq(gridWorkers.gridId, grids.id))
        .orderBy(asc(users.nickname)),
    ),
  })
}

/** The grids of a community (deleted ones left out) as a part of one statement, and how to read them back. */
function gridsPart(db: Db, communityId: string, now: Date, only?: string) {
  const shape = gridShape(db, now)
  const part = allOf(
    db
      .select({ r: shape.object })
      .from(grids)
      .where(and(eq(grids.communityId, communityId), isNull(grids.deletedAt), only ? eq(grids.id, only) : undefined))
      .orderBy(asc(grids.name)),
  )
  const decode = (rows: unknown[]): GridView[] =>
    rows.map((r) => {
      const g = shape.decode(r)
      return { ...g, buildings: g.buildings as GridView['buildings'], workers: g.workers as GridView['workers'] }
    })
  return { part, decode }
}

/** The grids of a community (deleted ones left out) with their buildings, workers and open work, in one statement. */
async function gridViews(db: Db, communityId: string, now: Date, only?: string): Promise<GridView[]> {
  const { part, decode } = gridsPart(db, communityId, now, only)
  return decode((await together(db, { items: part })).items)
}

/** The community's grids and its buildings in none, in one statement with the actor and the community (decision 039). */
export async function listGrids(deps: Deps, userId: string, communityId: string) {
  const { db } = deps.database
  const grid = gridsPart(db, communityId, deps.now())
  const unassigned = db
    .select({ r: buildingShape.object })
    .from(buildings)
    .where(
      and(
        eq(buildings.communityId, communityId),
        sql`not exists (select 1 from ${gridBuildings} gb join ${grids} g on g.id = gb.grid_id
          where gb.building_id = ${buildings.id} and g.deleted_at is null)`,
      ),
    )
    .orderBy(asc(buildings.sortKey), asc(buildings.name))
  const read = await readInCommunity(db, userId, communityId, 'grid.view', { items: grid.part, unassigned: allOf(unassigned) })
  return { items: grid.decode(read.items), unassignedBuildings: read.unassigned.map(buildingShape.decode) }
}

/** Buildings must be the community's, workers its workers or admins; a building in another grid is refused by name. */
async function checkMembers(tx: Tx, communityId: string, gridId: string | null, buildingIds?: string[], workerIds?: string[]) {
  if (buildingIds?.length) {
    const own = await tx
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(eq(buildings.communityId, communityId), inArray(buildings.id, buildingIds)))
    if (own.length !== buildingIds.length) throw fieldError('buildingIds', '只能选择本社区的楼栋')
    const others = await tx
      .select({ gridId: gridBuildings.gridId, buildingId: gridBuildings.buildingId, name: buildings.name, gridName: grids.name })
      .from(gridBuildings)
      .innerJoin(grids, eq(grids.id, gridBuildings.gridId))
      .innerJoin(buildings, eq(buildings.id, gridBuildings.buildingId))
      .where(inArray(gridBuildings.buildingId, buildingIds))
    const taken = sharedBuildings(
      { id: gridId ?? '', buildingIds },
      others.map((o) => ({ id: o.gridId, buildingIds: [o.buildingId], workerIds: [] })),
    )
    if (taken.length) {
      const names = others.filter((o) => taken.includes(o.buildingId)).map((o) => `${o.name}（${o.gridName}）`)
      throw new AppError('GRID_BUILDING_TAKEN', `${names.join('、')}已在其他网格，请先从原网格移出`, {
        where: 'body',
        fields: [{ path: 'buildingIds', message: `${names.join('、')}已在其他网格` }],
      })
    }
  }
  if (workerIds?.length) {
    const staff = await tx
      .selectDistinct({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          eq(memberships.communityId, communityId),
          inArray(memberships.role, ['worker', 'admin']),
          inArray(memberships.userId, workerIds),
        ),
      )
    if (staff.length !== workerIds.length) throw fieldError('workerIds', '网格员须是本社区的工作人员')
  }
}

async function setMembers(tx: Tx, gridId: string, communityId: string, buildingIds?: string[], workerIds?: string[]) {
  if (buildingIds) {
    await tx.delete(gridBuildings).where(eq(gridBuildings.gridId, gridId))
    if (buildingIds.length) await tx.insert(gridBuildings).values(buildingIds.map((buildingId) => ({ gridId, communityId, buildingId })))
  }
  if (workerIds) {
    await tx.delete(gridWorkers).where(eq(gridWorkers.gridId, gridId))
    if (workerIds.length) await tx.insert(gridWorkers).values(workerIds.map((userId) => ({ gridId, userId })))
  }
}

/** A unique violation is a race with another save: the same name, or a building taken meanwhile. */
function conflictOf(err: unknown): never {
  if (pgErrorCode(err) === '23505') {
    const text =
      String((err as { message?: string }).message ?? '') + String((err as { cause?: { message?: string } }).cause?.message ?? '')
    if (text.includes('grids_community_name_uq')) throw fieldError('name', '本社区已有同名网格', 'GRID_NAME_TAKEN')
    throw new AppError('GRID_BUILDING_TAKEN', '所选楼栋刚被划入其他网格，请刷新后重试', {
      where: 'body',
      fields: [{ path: 'buildingIds', message: '楼栋已在其他网格' }],
    })
  }
  throw err
}

export async function createGrid(deps: Deps, actor: Actor, communityId: string, input: Omit<z.output<typeof GridInput>, 'communityId'>) {
  const { db } = deps.database
  await communityAllowing(db, actor, communityId, 'grid.manage')
  const id = await db
    .transaction(async (tx) => {
      await checkMembers(tx, communityId, null, input.buildingIds, input.workerIds)
      const [created] = await tx.insert(grids).values({ communityId, name: input.name, createdAt: deps.now() }).returning({ id: grids.id })
      await setMembers(tx, created.id, communityId, input.buildingIds, input.workerIds)
      return created.id
    })
    .catch(conflictOf)
  return (await gridViews(db, communityId, deps.now(), id))[0]
}

/** A grid the actor may see (staff of its community or its street's officials), else 404: one answer for every verb. */
async function liveGrid(db: Db, actor: Actor, id: string) {
  const [grid] = await db
    .select({ id: grids.id, communityId: grids.communityId })
    .from(grids)
    .where(and(eq(grids.id, id), isNull(grids.deletedAt)))
  if (!grid) throw new AppError('NOT_FOUND', '网格不存在')
  await communityAllowing(db, actor, grid.communityId, 'grid.view').catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'FORBIDDEN' ? new AppError('NOT_FOUND', '网格不存在') : err
  })
  return grid
}

/** Rename, or replace the buildings or the workers; concerns already routed stay with the grid they went to. */
export async function updateGrid(deps: Deps, actor: Actor, id: string, input: z.output<typeof GridPatch>) {
  const { db } = deps.database
  const grid = await liveGrid(db, actor, id)
  await communityAllowing(db, actor, grid.communityId, 'grid.manage')
  await db
    .transaction(async (tx) => {
      await checkMembers(tx, grid.communityId, id, input.buildingIds, input.workerIds)
      if (input.name !== undefined) await tx.update(grids).set({ name: input.name }).where(eq(grids.id, id))
      await setMembers(tx, id, grid.communityId, input.buildingIds, input.workerIds)
    })
    .catch(conflictOf)
  return (await gridViews(db, grid.communityId, deps.now(), id))[0]
}

/**
 * Deleting a grid frees its buildings (their next concerns go to the community inbox) and its
 * workers; the grid itself stays in the history its concerns and figures refer to.
 */
export async function deleteGrid(deps: Deps, actor: Actor, id: string) {
  const { db } = deps.database
  const grid = await liveGrid(db, actor, id)
  await communityAllowing(db, actor, grid.communityId, 'grid.manage')
  await db.transaction(async (tx) => {
    await tx.update(grids).set({ deletedAt: deps.now() }).where(eq(grids.id, id))
    await setMembers(tx, id, grid.communityId, [], [])
  })
}
