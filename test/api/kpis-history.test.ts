import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { asc, count, eq, inArray, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultLimits } from '../../domain/concerns/milestones.js'
import { contributions } from '../../domain/kpis/contributions.js'
import { addCounters, type Counters, counterScalarKeys, emptyCounters, isZero } from '../../domain/kpis/formulas.js'
import type { DbHandle } from '../../db/client.js'
import { concernCounters, concernEvents, concerns, kpiCommunityMonthly, kpiDaily, kpiMonthly } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { seedHistory } from '../../db/seed-history.js'
import { rebuildKpis } from '../../functions/kpis/index.js'
import { openTestDb } from '../helpers/db.js'
import { startTestApp, type TestApp } from '../helpers/app.js'

/**
 * The seeded year of history (db/seed-history.ts): the same rows every time for the same clock,
 * written once, with aggregates that equal a recount and 三率 a street office would believe.
 */
const now = new Date('2026-11-20T04:00:00Z')
let t: TestApp
let other: DbHandle

beforeAll(async () => {
  t = await startTestApp({ now: () => now })
  other = await openTestDb()
  expect(await seedHistory(t.database.db, { now })).toBeGreaterThan(2000)
  await rebuildKpis(t.database.db)
  await seedHistory(other.db, { now })
}, 120_000)
afterAll(async () => {
  await t?.close()
  await other?.close()
})

/** A digest of every history row (concerns and events) in a stable order. */
async function digest(handle: DbHandle) {
  const rows = await handle.db.select().from(concerns).orderBy(asc(concerns.id))
  const events = await handle.db.select().from(concernEvents).orderBy(asc(concernEvents.id))
  return createHash('sha256')
    .update(JSON.stringify([rows, events]))
    .digest('hex')
}

const keyOf = (
  r: { communityId: string; gridId: string | null; workerId: string | null; partner: string | null; category: string },
  day: string,
) => [r.communityId, r.gridId ?? '-', r.workerId ?? '-', r.partner ?? '-', r.category, day].join('|')

describe('a year of seeded history', () => {
  it('is the same rows on two databases seeded with the same clock', async () => {
    expect(await digest(other)).toBe(await digest(t.database))
  })

  it('is written once: seeding again adds nothing', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(concerns)
    expect(await seedHistory(t.database.db, { now })).toBe(0)
    const [after] = await t.database.db.select({ n: count() }).from(concerns)
    expect(after.n).toBe(before.n)
  })

  it('spreads a few thousand concerns over twelve months in the three communities, with every kind of ending', async () => {
    const rows = await t.database.db
      .select({ communityId: concerns.communityId, status: concerns.status, n: count() })
      .from(concerns)
      .groupBy(concerns.communityId, concerns.status)
    const by = (id: string) => rows.filter((r) => r.communityId === id).reduce((s, r) => s + r.n, 0)
    expect(by(demo.community.wenan)).toBeGreaterThan(1000)
    expect(by(demo.community.minzhu)).toBeGreaterThan(500)
    expect(by(demo.community.xinghua)).toBeGreaterThan(300)
    const statuses = new Set(rows.map((r) => r.status))
    for (const s of ['closed', 'declined', 'merged', 'in_progress', 'submitted']) expect(statuses).toContain(s)
    const [reopened] = await t.database.db.select({ n: count() }).from(concerns).where(sql`${concerns.reopenCount} > 0`)
    expect(reopened.n).toBeGreaterThan(20)
    const months = await t.database.db
      .selectDistinct({ m: sql<string>`to_char(${concerns.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM')` })
      .from(concerns)
    expect(months.length).toBeGreaterThanOrEqual(12)
  })

  it('gives 3号楼 concerns to 第一网格 and 刘网格, and every concern a gapless public number', async () => {
    const [g] = await t.database.db
      .select({ grid: concerns.gridId, worker: concerns.assigneeUserId })
      .from(concerns)
      .where(
        sql`${concerns.buildingId} = ${demo.building('wenan', 3)} and ${concerns.status} = 'closed' and ${concerns.assigneeOrg} is null`,
      )
      .limit(1)
    expect(g).toEqual({ grid: demo.grid('wenan-1'), worker: demo.user.liu })
    const counters = await t.database.db.select().from(concernCounters).where(eq(concernCounters.communityId, demo.community.wenan))
    const [numbered] = await t.database.db.select({ n: count() }).from(concerns).where(eq(concerns.communityId, demo.community.wenan))
    expect(counters.reduce((s, c) => s + c.last, 0)).toBe(numbered.n)
  })

  it('has aggregates, daily and monthly, equal to a recount of the concerns', async () => {
    const recount = new Map<string, Counters>()
    for (const r of await t.database.db.select().from(concerns)) {
      const c = { ...r, receivedAt: r.createdAt, deadlines: { acknowledge: r.acknowledgeDueAt, resolve: r.dueAt } }
      for (const { day, counters } of contributions(c, defaultLimits[r.category])) {
        const key = keyOf({ ...r, workerId: r.assigneeUserId, partner: r.assigneeOrg }, day)
        recount.set(key, addCounters(recount.get(key) ?? emptyCounters(), counters))
      }
    }
    const stored = async (table: typeof kpiDaily | typeof kpiMonthly) => {
      const out = new Map<string, Counters>()
      for (const r of await t.database.db.select().from(table)) {
        const c: Counters = { ...emptyCounters(), ratings: r.ratings, ackMinutes: r.ackMinutes, resolveMinutes: r.resolveMinutes }
        for (const k of counterScalarKeys) c[k] = r[k]
        if (!isZero(c)) out.set(keyOf(r, r.day), c)
      }
      return out
    }
    const daily = await stored(kpiDaily)
    expect(daily.size).toBeGreaterThan(1000)
    expect(daily).toEqual(recount)
    const months = new Map<string, Counters>()
    for (const [key, c] of recount)
      months.set(`${key.slice(0, -2)}01`, addCounters(months.get(`${key.slice(0, -2)}01`) ?? emptyCounters(), c))
    expect(await stored(kpiMonthly)).toEqual(months)
    const wholeCommunity = new Map<string, Counters>()
    for (const [key, c] of months) {
      const k = `${key.split('|')[0]}|${key.slice(-10)}`
      wholeCommunity.set(k, addCounters(wholeCommunity.get(k) ?? emptyCounters(), c))
    }
    const communityRows = new Map<string, Counters>()
    for (const r of await t.database.db.select().from(kpiCommunityMonthly)) {
      const c: Counters = { ...emptyCounters(), ratings: r.ratings, ackMinutes: r.ackMinutes, resolveMinutes: r.resolveMinutes }
      for (const k of counterScalarKeys) c[k] = r[k]
      communityRows.set(`${r.communityId}|${r.day}`, c)
    }
    expect(communityRows).toEqual(wholeCommunity)
  })

  /** A migration's backfill of `table` (its INSERT part) gives the rows the rebuild wrote. */
  async function expectBackfillEqualsRebuild(table: typeof kpiMonthly | typeof kpiCommunityMonthly, file: string, name: string) {
    const { db } = t.database
    const sorted = async () => (await db.select().from(table)).map((r) => JSON.stringify(r)).sort()
    const rebuilt = await sorted()
    expect(rebuilt.length).toBeGreaterThan(12)
    const migration = readFileSync(`db/migrations/${file}`, 'utf8').split('--> statement-breakpoint')
    const backfill = migration.find((part) => part.includes(`INSERT INTO "${name}"`))!
    await db.transaction(async (tx) => {
      await tx.delete(table)
      await tx.execute(sql.raw(backfill))
    })
    expect(await sorted()).toEqual(rebuilt)
  }

  it('gets the same monthly rows from migration 0009’s backfill of the daily ones as from the rebuild', async () => {
    await expectBackfillEqualsRebuild(kpiMonthly, '0009_kpi_monthly.sql', 'kpi_monthly')
  })

  it('gets the same community months from migration 0014’s backfill of the monthly rows as from the rebuild', async () => {
    await expectBackfillEqualsRebuild(kpiCommunityMonthly, '0014_kpi_community_monthly.sql', 'kpi_community_monthly')
  })

  it('gives 文安路社区 plausible 三率 for last month and the year (between 50% and 100%)', async () => {
    const chen = await t.tokenFor('chen')
    for (const [from, to] of [
      ['2026-10-01', '2026-10-31'],
      ['2025-12-01', '2026-11-20'],
    ]) {
      const res = await t.call('GET', `/api/kpis?scope=community&id=${demo.community.wenan}&from=${from}&to=${to}`, { token: chen })
      expect(res.status).toBe(200)
      const { rates, counts } = await res.json()
      expect(counts.received).toBeGreaterThan(50)
      for (const figure of ['response', 'resolution', 'satisfaction', 'composite']) {
        expect(rates[figure].value, `${figure} ${from}`).toBeGreaterThan(0.5)
        expect(rates[figure].value, `${figure} ${from}`).toBeLessThan(1)
      }
    }
  })

  it('leaves nothing for the deadline job to announce about the past', async () => {
    const past = new Date(now.getTime() - 86400_000)
    const [pending] = await t.database.db
      .select({ n: count() })
      .from(concerns)
      .where(
        sql`${concerns.acknowledgedAt} is null and ${concerns.acknowledgeDueAt} < ${past} and ${concerns.acknowledgeOverdueNotifiedAt} is null
          and ${inArray(concerns.status, ['submitted'])}`,
      )
    expect(pending.n).toBe(0)
  })
})
