import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Category } from '../../domain/concerns/categories.js'
import { emptyCounters, formulaLines, type Rates } from '../../domain/kpis/formulas.js'
import { rank } from '../../domain/kpis/ranking.js'
import { kpiFigures, rateView } from '../../domain/kpis/report.js'
import type { Actor } from '../../domain/permissions.js'
import type { Db } from '../../db/client.js'
import { communities, grids, kpiDaily, memberships, users } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { seedHistory } from '../../db/seed-history.js'
import { loadActor } from '../../functions/auth/middleware.js'
import { loadConfig } from '../../functions/config.js'
import type { Deps } from '../../functions/context.js'
import { buildDeps } from '../../functions/deps.js'
import { getKpis, periodOf, sumCounters } from '../../functions/kpis/figures.js'
import { rebuildKpis } from '../../functions/kpis/index.js'
import { getRanking } from '../../functions/kpis/ranking.js'
import { settingsOf } from '../../functions/kpis/settings.js'
import { startTestApp, type TestApp } from '../helpers/app.js'

/**
 * The dashboard and the ranking each read everything in one statement (decision 027). Over the
 * seeded year, for periods of every shape (whole months, loose days before, after and on both
 * sides, one day, a year), with and without a category, with the default and with set settings,
 * they must give exactly what the several statements before gave: the reference below is that
 * code (the unit, the settings, the sums and the names each read on their own).
 */
const now = new Date('2026-11-20T04:00:00Z')
let t: TestApp
let deps: Deps
let official: Actor
let chen: Actor

beforeAll(async () => {
  t = await startTestApp({ now: () => now })
  await seedHistory(t.database.db, { now })
  await rebuildKpis(t.database.db)
  deps = buildDeps(loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), t.database, pino({ level: 'silent' }), () => now)
  official = (await loadActor(t.database.db, demo.user.wangjd))!
  chen = (await loadActor(t.database.db, demo.user.chen))!
}, 120_000)
afterAll(async () => {
  await t?.close()
})

const periods: [string, string][] = [
  ['2026-10-01', '2026-10-31'],
  ['2026-10-05', '2026-10-20'],
  ['2026-09-15', '2026-11-10'],
  ['2026-08-01', '2026-10-17'],
  ['2026-07-09', '2026-09-30'],
  ['2025-12-01', '2026-11-20'],
  ['2026-11-20', '2026-11-20'],
]
const categories: (Category | null)[] = [null, 'utilities']

type Scope = 'street' | 'community' | 'grid' | 'worker' | 'partner'
const units: [Scope, string, () => Actor][] = [
  ['street', demo.streetId, () => official],
  ['community', demo.community.wenan, () => chen],
  ['grid', demo.grid('wenan-1'), () => chen],
  ['worker', demo.user.liu, () => chen],
  ['partner', '安居物业', () => chen],
]

/** The figures as the several statements gave them: the unit's name, then its sums and the street's settings. */
async function referenceFigures(db: Db, scope: Scope, id: string, from: string, to: string, category: Category | null) {
  const period = periodOf(from, to)
  const where: Record<Scope, SQL> = {
    street: eq(kpiDaily.streetId, id),
    community: eq(kpiDaily.communityId, id),
    grid: eq(kpiDaily.gridId, id),
    worker: eq(kpiDaily.workerId, id),
    partner: eq(kpiDaily.partner, id),
  }
  const [sums, settings] = await Promise.all([sumCounters(db, where[scope], period, category), settingsOf(db, demo.streetId)])
  return { settings, ...kpiFigures(sums.get('') ?? emptyCounters(), settings) }
}

type Level = 'community' | 'grid' | 'worker'

async function referenceUnits(db: Db, level: Level): Promise<Array<{ id: string; name: string }>> {
  if (level === 'community') {
    return db
      .select({ id: communities.id, name: communities.name })
      .from(communities)
      .where(eq(communities.streetId, demo.streetId))
      .orderBy(asc(communities.name))
  }
  if (level === 'grid') {
    const rows = await db
      .select({ id: grids.id, grid: grids.name, community: communities.name })
      .from(grids)
      .innerJoin(communities, eq(communities.id, grids.communityId))
      .where(and(eq(communities.streetId, demo.streetId), isNull(grids.deletedAt)))
      .orderBy(asc(communities.name), asc(grids.name))
    return rows.map((r) => ({ id: r.id, name: `${r.community} · ${r.grid}` }))
  }
  const rows = await db
    .selectDistinct({ id: users.id, name: users.nickname })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(communities.streetId, demo.streetId), inArray(memberships.role, ['worker', 'admin'])))
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
}

const fourRates = (r: Rates) => ({
  response: rateView(r.response),
  resolution: rateView(r.resolution),
  satisfaction: rateView(r.satisfaction),
  composite: rateView(r.composite),
})

/** The ranking as the several statements gave it: the units, the sums per unit, the settings. */
async function referenceRanking(db: Db, level: Level, from: string, to: string, category: Category | null) {
  const period = periodOf(from, to)
  const group = { community: sql`${kpiDaily.communityId}`, grid: sql`${kpiDaily.gridId}`, worker: sql`${kpiDaily.workerId}` }[level]
  const [list, sums, settings] = await Promise.all([
    referenceUnits(db, level),
    sumCounters(db, eq(kpiDaily.streetId, demo.streetId), period, category, group),
    settingsOf(db, demo.streetId),
  ])
  const result = rank(
    list.map((u) => ({ key: u, counters: sums.get(u.id) ?? emptyCounters() })),
    settings,
  )
  return {
    street: { id: demo.streetId, name: '人民路街道' },
    level,
    period: { from: period.from, to: period.to, label: period.label },
    category,
    settings,
    formula: formulaLines(settings),
    ranked: result.ranked.map((r) => ({ rank: r.rank, unit: r.key, sample: r.sample, rates: fourRates(r.rates) })),
    apart: result.apart.map((r) => ({ unit: r.key, sample: r.sample, reason: r.reason, rates: fourRates(r.rates) })),
  }
}

async function expectSameAsBefore() {
  const { db } = t.database
  let received = 0
  for (const [from, to] of periods) {
    for (const category of categories) {
      for (const [scope, id, actor] of units) {
        const got = await getKpis(deps, actor().userId, { scope, id, from, to, ...(category ? { category } : {}) })
        const { scope: unit, period, category: asked, ...figures } = got
        expect([unit.kind, unit.id, period.from, period.to, asked]).toEqual([scope, id, from, to, category])
        expect(figures, `${scope} ${from}…${to} ${category}`).toEqual(await referenceFigures(db, scope, id, from, to, category))
        received += got.counts.received
      }
      for (const level of ['community', 'grid', 'worker'] as const) {
        const got = await getRanking(deps, official.userId, { street: demo.streetId, level, from, to, ...(category ? { category } : {}) })
        expect(got, `${level} ${from}…${to} ${category}`).toEqual(await referenceRanking(db, level, from, to, category))
      }
    }
  }
  // The comparison is about figures, not zeros.
  expect(received).toBeGreaterThan(1000)
}

describe('the dashboard and the ranking in one statement', () => {
  it('give what the several statements gave, for every shape of period, with the default settings', async () => {
    await expectSameAsBefore()
  })

  it('give the same with settings the street has set', async () => {
    const token = await t.tokenFor('wangjd')
    const input = { weights: { response: 30, resolution: 30, satisfaction: 40 }, basicSatisfiedPercent: 80, minSample: 3 }
    expect((await t.call('PUT', `/api/streets/${demo.streetId}/settings`, { token, body: input })).status).toBe(200)
    await expectSameAsBefore()
  })

  it('name the street and the community as before, and refuse as before', async () => {
    const month = { from: '2026-10-01', to: '2026-10-31' }
    expect((await getKpis(deps, official.userId, { scope: 'street', id: demo.streetId, ...month })).scope.name).toBe('人民路街道')
    expect((await getKpis(deps, chen.userId, { scope: 'community', id: demo.community.wenan, ...month })).scope.name).toBe('文安路社区')
    const missing = '00000000-0000-4000-8000-000000000000'
    await expect(getKpis(deps, official.userId, { scope: 'street', id: missing, ...month })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(getKpis(deps, chen.userId, { scope: 'street', id: demo.streetId, ...month })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(getKpis(deps, official.userId, { scope: 'community', id: missing, ...month })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(getKpis(deps, chen.userId, { scope: 'community', id: demo.community.minzhu, ...month })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    const ranking = { level: 'community' as const, ...month }
    await expect(getRanking(deps, official.userId, { street: missing, ...ranking })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    await expect(getRanking(deps, chen.userId, { street: demo.streetId, ...ranking })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
