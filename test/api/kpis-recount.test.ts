import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultLimits } from '../../domain/concerns/milestones.js'
import { contributions } from '../../domain/kpis/contributions.js'
import { addCounters, type Counters, counterScalarKeys, emptyCounters, isZero } from '../../domain/kpis/formulas.js'
import { concerns, kpiCommunityMonthly, kpiDaily, kpiMonthly } from '../../db/schema/index.js'
import { demo } from '../../db/seed.js'
import { type DemoKey, startTestApp, type TestApp } from '../helpers/app.js'
import { act, uploadId, wenan } from '../helpers/concerns.js'

/**
 * The aggregate rows the figures are read from must always equal a recount from scratch: every
 * concern's contributions (domain/kpis/contributions.ts, from its stored fields) summed by
 * community, grid, worker, partner, category and day. Checked after random sequences of raises,
 * 签收, declines, merges, reassignments, arrivals, resolutions, ratings (reopening once),
 * auto-closes and clock moves — and after racing transitions. The lists behind each figure
 * must have exactly the figure's numerator and denominator.
 */
let t: TestApp
let clock = new Date('2026-11-02T01:00:00Z').getTime() // Monday 09:00 in Beijing
const cron = 'cron-secret-for-tests-0123'
let photo: string

beforeAll(async () => {
  t = await startTestApp({ now: () => new Date(clock), env: { CRON_SECRET: cron, AUTO_CLOSE_DAYS: '3' } })
  photo = await uploadId(t, 'liu')
})
afterAll(async () => {
  await t?.close()
})

const keyOf = (
  r: { communityId: string; gridId: string | null; workerId: string | null; partner: string | null; category: string },
  day: string,
) => [r.communityId, r.gridId ?? '-', r.workerId ?? '-', r.partner ?? '-', r.category, day].join('|')

/** The figures recounted from the concerns alone (merged ones count nothing). */
async function recount(): Promise<Map<string, Counters>> {
  const rows = await t.database.db.select().from(concerns)
  const out = new Map<string, Counters>()
  for (const r of rows) {
    const days = contributions(
      {
        status: r.status,
        receivedAt: r.createdAt,
        acknowledgedAt: r.acknowledgedAt,
        resolvedAt: r.resolvedAt,
        reopenCount: r.reopenCount,
        rating: r.rating,
        ratedAt: r.ratedAt,
        deadlines: { acknowledge: r.acknowledgeDueAt, resolve: r.dueAt },
      },
      defaultLimits[r.category],
    )
    for (const { day, counters } of days) {
      const key = keyOf({ ...r, workerId: r.assigneeUserId, partner: r.assigneeOrg }, day)
      out.set(key, addCounters(out.get(key) ?? emptyCounters(), counters))
    }
  }
  return out
}

const pick = <T extends object, K extends keyof T>(o: T, keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>

async function stored(table: typeof kpiDaily | typeof kpiMonthly = kpiDaily): Promise<Map<string, Counters>> {
  return storedRows(await t.database.db.select().from(table), (r) => keyOf(r, r.day))
}

/** A community's months, every category, grid, worker and partner together. */
async function storedCommunityMonths(): Promise<Map<string, Counters>> {
  return storedRows(await t.database.db.select().from(kpiCommunityMonthly), (r) => `${r.communityId}|${r.day}`)
}

function storedRows<R extends Pick<typeof kpiDaily.$inferSelect, keyof Counters>>(rows: R[], key: (r: R) => string) {
  const out = new Map<string, Counters>()
  for (const r of rows) {
    const c: Counters = {
      ...emptyCounters(),
      ...pick(r, counterScalarKeys),
      ratings: r.ratings,
      ackMinutes: r.ackMinutes,
      resolveMinutes: r.resolveMinutes,
    }
    if (!isZero(c)) out.set(key(r), c)
  }
  return out
}

/** The recount summed per month, keyed by the month's first day as the monthly rows are. */
function byMonth(days: Map<string, Counters>): Map<string, Counters> {
  const out = new Map<string, Counters>()
  for (const [key, c] of days) {
    const month = `${key.slice(0, -2)}01`
    out.set(month, addCounters(out.get(month) ?? emptyCounters(), c))
  }
  for (const [key, c] of out) if (isZero(c)) out.delete(key)
  return out
}

/** The monthly recount summed per community and month. */
function byCommunityMonth(months: Map<string, Counters>): Map<string, Counters> {
  const out = new Map<string, Counters>()
  for (const [key, c] of months) {
    const k = `${key.split('|')[0]}|${key.slice(-10)}`
    out.set(k, addCounters(out.get(k) ?? emptyCounters(), c))
  }
  return out
}

async function expectAggregatesEqualRecount() {
  const [want, got, months, communityMonths] = await Promise.all([recount(), stored(), stored(kpiMonthly), storedCommunityMonths()])
  expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...want].sort()))
  expect(Object.fromEntries([...months].sort())).toEqual(Object.fromEntries([...byMonth(want)].sort()))
  expect(Object.fromEntries([...communityMonths].sort())).toEqual(Object.fromEntries([...byCommunityMonth(byMonth(want))].sort()))
}

/** Every drill-down list of the community has exactly the figure's numerator and denominator. */
async function expectListsMatchFigures(from: string, to: string) {
  const token = await t.tokenFor('chen')
  const q = `scope=community&id=${wenan}&from=${from}&to=${to}`
  const figures = await (await t.call('GET', `/api/kpis?${q}`, { token })).json()
  const c = figures.counts
  const expected: Record<string, [number, number]> = {
    response: [c.ackOnTime, c.received],
    resolution: [c.resolvedNotReopened, c.due],
    onTime: [c.onTime, c.due],
    reopen: [c.reopened, c.resolved],
    satisfaction: [c.ratings.very_satisfied + c.ratings.satisfied + c.ratings.basically_satisfied, c.rated],
  }
  for (const [measure, [hits, all]] of Object.entries(expected)) {
    // The lists counted item by item, page by page (`total` is read from the aggregates, so it is checked too).
    const listed = async (outcome: string) => {
      let n = 0
      let cursor = ''
      let total = -1
      do {
        const page = await (await t.call('GET', `/api/kpis/concerns?${q}&measure=${measure}${outcome}&limit=7${cursor}`, { token })).json()
        n += page.items.length
        total = page.total
        cursor = page.nextCursor ? `&cursor=${encodeURIComponent(page.nextCursor)}` : ''
      } while (cursor)
      expect(total, `${measure}${outcome} total`).toBe(n)
      return n
    }
    expect([measure, await listed('&outcome=hit'), await listed('')]).toEqual([measure, hits, all])
    expect(await listed('&outcome=miss')).toBe(all - hits)
  }
}

type Step =
  | { kind: 'raise'; category: 'facilities' | 'utilities' | 'noise'; building: number }
  | {
      kind: 'acknowledge' | 'decline' | 'start' | 'arrive' | 'resolve' | 'assignWorker' | 'assignPartner' | 'merge'
      pick: number
      by: DemoKey
    }
  | { kind: 'rate'; pick: number; rating: number }
  | { kind: 'wait'; minutes: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('raise' as const),
      category: fc.constantFrom('facilities', 'utilities', 'noise'),
      building: fc.integer({ min: 0, max: 6 }),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constantFrom('acknowledge', 'decline', 'start', 'arrive', 'resolve', 'assignWorker', 'assignPartner', 'merge'),
      pick: fc.nat(),
      by: fc.constantFrom<DemoKey>('liu', 'ma', 'chen'),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('rate' as const), pick: fc.nat(), rating: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 1, max: 6 * 24 * 60 }) }) },
)

async function run(s: Step, ids: string[]) {
  if (s.kind === 'wait') {
    clock += s.minutes * 60_000
    await t.call('GET', '/api/jobs/tick', { headers: { authorization: `Bearer ${cron}` } })
    return
  }
  if (s.kind === 'raise') {
    const place = s.building ? { kind: 'building', buildingId: demo.building('wenan', s.building) } : { kind: 'text', text: '小区中心花园' }
    const res = await t.call('POST', '/api/concerns', {
      token: await t.tokenFor('wang'),
      body: { communityId: wenan, category: s.category, description: '随机生成的诉求，用来核对三率的计数', place },
    })
    expect(res.status).toBe(201)
    ids.push(((await res.json()) as { id: string }).id)
    clock += 60_000
    return
  }
  if (!ids.length) return
  const id = ids[s.pick % ids.length]
  let res: Response
  if (s.kind === 'rate') {
    res = await t.call('POST', `/api/concerns/${id}/rating`, {
      token: await t.tokenFor('wang'),
      body: { rating: s.rating, solved: s.rating > 2 },
    })
  } else if (s.kind === 'arrive') {
    res = await t.call('POST', `/api/concerns/${id}/arrive`, { token: await t.tokenFor(s.by), body: {} })
  } else if (s.kind === 'acknowledge') {
    res = await t.call('POST', `/api/concerns/${id}/acknowledge`, { token: await t.tokenFor(s.by), body: {} })
  } else {
    const body: Record<string, unknown> =
      s.kind === 'decline'
        ? { action: 'decline', reason: '不属于社区职责范围' }
        : s.kind === 'resolve'
          ? { action: 'resolve', note: '已处理完毕', photoIds: [photo] }
          : s.kind === 'assignWorker'
            ? { action: 'assign', assignee: { kind: 'worker', userId: demo.user.ma } }
            : s.kind === 'assignPartner'
              ? { action: 'assign', assignee: { kind: 'partner', orgName: '安居物业' } }
              : s.kind === 'merge'
                ? { action: 'merge', targetId: ids[(s.pick + 1) % ids.length] }
                : { action: 'start' }
    res = await act(t, s.kind === 'resolve' ? 'liu' : s.by, id, body)
  }
  // A step the concern's state does not allow is refused cleanly, never half-done.
  expect([200, 400, 403, 409]).toContain(res.status)
  clock += 7 * 60_000
}

describe('kpi aggregates', () => {
  it('equal a full recount after any sequence of transitions, reopenings, merges and ratings', async () => {
    // First a history that surely passes every kind of change, then random ones.
    const ids: string[] = []
    const script: Step[] = [
      ...[1, 3, 0, 4, 5].map((building, i): Step => ({ kind: 'raise', category: i % 2 ? 'utilities' : 'noise', building })),
      { kind: 'acknowledge', pick: 0, by: 'liu' },
      { kind: 'decline', pick: 2, by: 'chen' },
      { kind: 'merge', pick: 3, by: 'chen' },
      { kind: 'acknowledge', pick: 1, by: 'liu' },
      { kind: 'assignPartner', pick: 1, by: 'chen' },
      { kind: 'arrive', pick: 1, by: 'liu' },
      { kind: 'resolve', pick: 1, by: 'liu' },
      { kind: 'rate', pick: 1, rating: 1 },
      { kind: 'assignWorker', pick: 1, by: 'chen' },
      { kind: 'start', pick: 1, by: 'ma' },
      { kind: 'resolve', pick: 1, by: 'liu' },
      { kind: 'rate', pick: 1, rating: 3 },
      { kind: 'start', pick: 0, by: 'liu' },
      { kind: 'resolve', pick: 0, by: 'liu' },
      { kind: 'wait', minutes: 5 * 24 * 60 },
    ]
    for (const s of script) await run(s, ids)
    const statuses = (await t.database.db.select({ status: concerns.status, reopenCount: concerns.reopenCount }).from(concerns)).map(
      (r) => `${r.status}${r.reopenCount ? '+reopened' : ''}`,
    )
    expect(statuses.sort()).toEqual(['closed', 'closed+reopened', 'declined', 'merged', 'submitted'])
    await expectAggregatesEqualRecount()

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        const ids: string[] = []
        for (const s of steps) await run(s, ids)
        await expectAggregatesEqualRecount()
      }),
      { numRuns: 5 },
    )
    await expectListsMatchFigures('2026-10-01', '2027-03-31')
    await expectListsMatchFigures('2026-11-02', '2026-11-08')
  })

  it('rely on the order PostgreSQL writes a statement’s parts in: main part first, then the with parts last to first', async () => {
    // functions/kpis/aggregate.ts writes a raise's three counter rows in one statement and orders
    // its parts by this, so it locks rows in the same order as every other change (no deadlock).
    const { db } = t.database
    for (const name of ['order_a', 'order_b', 'order_c']) await db.execute(sql.raw(`create table ${name} (x int, check (x < 0))`))
    const failing = async (statement: string) => {
      const error = await db.execute(sql.raw(statement)).then(
        () => null,
        (e: Error & { cause?: { message?: string } }) => `${e.message} ${e.cause?.message ?? ''}`,
      )
      return /order_[abc](?=_x_check)/.exec(error ?? '')?.[0]
    }
    expect(
      await failing('with k0 as (insert into order_a values (1)), k1 as (insert into order_b values (1)) insert into order_c values (1)'),
    ).toBe('order_c')
    await db.execute(sql.raw('alter table order_c drop constraint order_c_x_check'))
    expect(
      await failing('with k0 as (insert into order_a values (1)), k1 as (insert into order_b values (1)) insert into order_c values (1)'),
    ).toBe('order_b')
    // A raise's counters are all `with` parts of the statement taking its number: the parts alone
    // after the main part, last to first.
    for (const name of ['order_b', 'order_c']) await db.execute(sql.raw(`truncate ${name}`))
    await db.execute(sql.raw('alter table order_c add constraint order_c_x_check check (x < 0)'))
    const threeParts =
      'with k0 as (insert into order_a values (1)), k1 as (insert into order_b values (1)), k2 as (insert into order_c values (1)) select 1'
    expect(await failing(threeParts)).toBe('order_c')
    await db.execute(sql.raw('alter table order_c drop constraint order_c_x_check'))
    expect(await failing(threeParts)).toBe('order_b')
    await db.execute(sql.raw('drop table order_a, order_b, order_c'))
  })

  it('stay equal when the same concerns are moved by several people at once', async () => {
    const ids: string[] = []
    for (let i = 0; i < 6; i++) await run({ kind: 'raise', category: i % 2 ? 'utilities' : 'facilities', building: (i % 6) + 1 }, ids)
    const race = (kind: Extract<Step, { pick: number; by: DemoKey }>['kind'], by: DemoKey[]) =>
      Promise.all(ids.flatMap((_, pick) => by.map((who) => run({ kind, pick, by: who }, ids))))
    // New raises (one statement over the three counter tables) race the 签收 of concerns of the
    // same categories and day (two steps per table): the same rows, locked in the same order.
    await Promise.all([
      race('acknowledge', ['liu', 'chen', 'ma']),
      ...Array.from({ length: 6 }, (_, i) => run({ kind: 'raise', category: i % 2 ? 'utilities' : 'facilities', building: i + 1 }, ids)),
    ])
    await race('assignWorker', ['liu', 'chen'])
    await race('arrive', ['ma', 'chen'])
    await race('resolve', ['liu', 'chen'])
    await Promise.all(ids.flatMap((_, pick) => [1, 5].map((rating) => run({ kind: 'rate', pick, rating }, ids))))
    await expectAggregatesEqualRecount()
  })
})
