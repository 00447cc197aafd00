import { asc, desc, eq, getTableColumns, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../../db/client.js'
import { runPrepared } from '../../db/prepared.js'
import { communities, residencyClaims, resources, streets, users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { allOf, firstOf, jsonShape, together } from '../../db/together.js'
import { openTestDb } from '../helpers/db.js'

/**
 * Several reads in one statement (db/together.ts) give back exactly what drizzle gives for the same
 * fields read on their own: the same keys, dates as Date, nulls, numbers, JSON columns, whole tables
 * and nested objects — so a read can move into one statement without changing what it returns.
 */
let handle: DbHandle
beforeAll(async () => {
  handle = await openTestDb()
}, 120_000)
afterAll(async () => {
  await handle?.close()
})

describe('reads together in one statement', () => {
  it('returns what drizzle returns for the same fields, in the same order', async () => {
    const { db } = handle
    const fields = {
      id: residencyClaims.id,
      status: residencyClaims.status,
      createdAt: residencyClaims.createdAt,
      reviewedAt: residencyClaims.reviewedAt,
      reason: residencyClaims.reason,
      place: { communityId: residencyClaims.communityId, name: communities.name },
      nameLength: sql<number>`length(${communities.name}) + 1`.mapWith(Number),
    }
    const base = () => db.select(fields).from(residencyClaims).innerJoin(communities, eq(communities.id, residencyClaims.communityId))
    const plain = await base().orderBy(desc(residencyClaims.createdAt), asc(residencyClaims.id)).limit(30)
    const shape = jsonShape(fields)
    // drizzle's builders change in place: one per use.
    const list = (where = sql`true`) =>
      db
        .select({ r: shape.object })
        .from(residencyClaims)
        .innerJoin(communities, eq(communities.id, residencyClaims.communityId))
        .where(where)
        .orderBy(desc(residencyClaims.createdAt), asc(residencyClaims.id))
        .limit(30)
    const row = await together(db, { items: allOf(list()), first: firstOf(list()), none: allOf(list(sql`false`)) })
    expect(plain.length).toBeGreaterThan(3)
    expect(row.items.map(shape.decode)).toEqual(plain)
    expect(shape.decode(row.first)).toEqual(plain[0])
    expect(row.none).toEqual([])
    expect(plain.some((p) => p.reviewedAt === null) && plain.some((p) => p.reviewedAt !== null)).toBe(true)
    expect(plain[0].createdAt).toBeInstanceOf(Date)
  })

  it('reads a whole table and JSON columns back unchanged', async () => {
    const { db } = handle
    const plain = await db.select().from(streets).where(eq(streets.id, demo.streetId))
    const shape = jsonShape(getTableColumns(streets))
    const row = await together(db, {
      street: firstOf(db.select({ r: shape.object }).from(streets).where(eq(streets.id, demo.streetId))),
      missing: firstOf(db.select({ r: shape.object }).from(streets).where(sql`false`)),
    })
    expect(shape.decode(row.street)).toEqual(plain[0])
    expect(row.missing).toBeNull()
  })

  it('builds objects wider than one json_build_object call takes', async () => {
    const { db } = handle
    const wide = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`k${i}`, sql<number>`${i}::int`]))
    const shape = jsonShape({ ...wide, title: resources.title })
    const row = await together(db, { r: firstOf(db.select({ r: shape.object }).from(resources).limit(1)) })
    const decoded = shape.decode(row.r) as Record<string, unknown>
    expect(decoded.k59).toBe(59)
    expect(typeof decoded.title).toBe('string')
  })
})

/**
 * A named statement (db/prepared.ts) reads its rows itself when every column is flat: each row must
 * be exactly what drizzle makes of the same select — dates as Date, nulls from a left join, numbers
 * mapped, a subquery's value — and a select with a nested object keeps drizzle's own mapping.
 */
describe('named statements read rows as drizzle does', () => {
  const flat = {
    id: residencyClaims.id,
    status: residencyClaims.status,
    createdAt: residencyClaims.createdAt,
    reviewedAt: residencyClaims.reviewedAt,
    communityName: communities.name,
    nickname: users.nickname,
    nameLength: sql<number>`length(${communities.name}) + 1`.mapWith(Number),
    claims: sql<number>`(select count(*) from residency_claims c where c.user_id = ${residencyClaims.userId})`.mapWith(Number),
    reviewedDay: sql<Date | null>`${residencyClaims.reviewedAt}`.mapWith(residencyClaims.reviewedAt),
  }
  const select = (community: unknown) =>
    handle.db
      .select(flat)
      .from(residencyClaims)
      .leftJoin(communities, eq(communities.id, residencyClaims.communityId))
      .leftJoin(users, eq(users.id, residencyClaims.reviewedBy))
      .where(eq(residencyClaims.communityId, community as string))
      .orderBy(asc(residencyClaims.createdAt), asc(residencyClaims.id))

  it('gives the same rows for a flat select with left joins, on every run', async () => {
    for (const community of [demo.community.wenan, demo.community.minzhu, demo.community.wenan]) {
      const mine = await runPrepared<Record<string, unknown>>(handle.db, 'test_flat_rows', () => select(sql.placeholder('community')), {
        community,
      })
      const drizzles = await select(community)
      expect(mine).toEqual(drizzles)
      expect(mine.length).toBeGreaterThan(0)
    }
    const rows = await select(demo.community.wenan)
    // The cases the mapping must keep: a Date, a null from the left join, a mapped number.
    expect(rows.some((r) => r.reviewedAt === null) && rows.some((r) => r.reviewedAt instanceof Date)).toBe(true)
    expect(rows.some((r) => r.nickname === null)).toBe(true)
    expect(typeof rows[0].nameLength).toBe('number')
  })

  it('keeps drizzle mapping for a nested object, a left join with nothing becoming null', async () => {
    const nested = () =>
      handle.db
        .select({ id: residencyClaims.id, reviewer: { id: users.id, nickname: users.nickname } })
        .from(residencyClaims)
        .leftJoin(users, eq(users.id, residencyClaims.reviewedBy))
        .where(eq(residencyClaims.communityId, sql.placeholder('community')))
        .orderBy(asc(residencyClaims.createdAt), asc(residencyClaims.id))
    const mine = await runPrepared<{ reviewer: unknown }>(handle.db, 'test_nested_rows', nested, { community: demo.community.wenan })
    expect(mine).toEqual(await nested().execute({ community: demo.community.wenan }))
    expect(mine.some((r) => r.reviewer === null)).toBe(true)
  })
})
