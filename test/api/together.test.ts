import { asc, desc, eq, getTableColumns, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DbHandle } from '../../db/client.js'
import { communities, residencyClaims, resources, streets } from '../../db/schema/index.js'
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
