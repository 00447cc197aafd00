import { eq, sql } from 'drizzle-orm'
import type { Category } from '../domain/concerns/categories.js'
import { fromChinaLocal, toChinaLocal } from '../domain/councils/china-time.js'
import type { Db, Tx } from './client.js'
import { type HistoryCommunity, type PlannedConcern, planConcern } from './history-plan.js'
import { dayWeight, prng, receivedOn } from './history-random.js'
import { concernCounters, concernEvents, concerns, follows, users } from './schema/index.js'
import { demo, seedId } from './seed.js'

/**
 * A year of concerns for the demo (issue 11): a few thousand concerns over the twelve months
 * before `now` in 文安路社区 (by its two grids), 民主社区 and 兴华社区, with their timelines, planned by
 * db/history-plan.ts and written in multi-row inserts. Idempotent: a database that has the history
 * is left alone. The caller rebuilds the 三率's aggregates afterwards (functions/kpis `rebuildKpis`),
 * since these rows did not go through the use cases. Not part of `seedDemo`: API tests stay fast.
 */

const surnames = ['张', '王', '李', '赵', '刘', '陈', '杨', '孙', '周', '吴', '郑', '冯', '韩', '曹', '邓', '许'] as const
const givens = ['桂芝', '玉兰', '建华', '志强', '秀珍', '德福', '丽娟', '海燕', '国庆', '春梅', '文涛', '淑芬'] as const

type Key = 'wenan' | 'minzhu' | 'xinghua'

const authorsOf = (key: Key) => Array.from({ length: 24 }, (_, i) => seedId('history-user', key, String(i)))

/** Who works where, from the demo seed: 文安路社区's grids, 民主社区's worker, 兴华社区's director. */
function historyCommunities(): Array<HistoryCommunity & { key: Key; code: string }> {
  const g1 = { gridId: demo.grid('wenan-1'), workerId: demo.user.liu }
  const g2 = { gridId: demo.grid('wenan-2'), workerId: demo.user.ma }
  return [
    {
      key: 'wenan',
      code: 'WA',
      buildings: 6,
      grids: { 1: g1, 2: g1, 3: g1, 4: g2, 5: g2, 6: g2 },
      desk: { userId: demo.user.chen, role: 'admin' },
      assignWorker: demo.user.liu,
      partner: { orgName: '安居物业', userId: demo.user.anju },
      authors: [demo.user.wang, demo.user.zhao, ...authorsOf('wenan')],
      count: 1500,
      lateness: 1,
    },
    {
      key: 'minzhu',
      code: 'MZ',
      buildings: 4,
      grids: {},
      desk: { userId: demo.user.wu, role: 'worker' },
      assignWorker: demo.user.wu,
      authors: [demo.user.zhou, ...authorsOf('minzhu')],
      count: 900,
      lateness: 0.7,
    },
    {
      key: 'xinghua',
      code: 'XH',
      buildings: 3,
      grids: {},
      desk: { userId: demo.user.he, role: 'admin' },
      authors: authorsOf('xinghua'),
      count: 600,
      lateness: 2,
    },
  ]
}

/** The year before `now`: from the China midnight 365 days back. */
function yearBefore(now: Date): Date {
  const t = toChinaLocal(new Date(now.getTime() - 365 * 86400_000))
  return fromChinaLocal(t.year, t.month, t.day)
}

/** Plans one community's year, in receipt order. */
export function planCommunity(cm: HistoryCommunity, now: Date, seed: number): PlannedConcern[] {
  const rng = prng(seed)
  const start = yearBefore(now)
  const weights = Array.from({ length: 366 }, (_, d) => dayWeight(start, d))
  const perWeight = cm.count / weights.reduce((a, b) => a + b, 0)
  const out: PlannedConcern[] = []
  const mergeTarget = (category: Category, at: Date) => {
    for (let i = out.length - 1; i >= 0 && i >= out.length - 40; i--) {
      const t = out[i]
      const open = t.acceptedAt && t.acceptedAt < at && (!t.resolvedAt || t.resolvedAt > at) && t.status !== 'closed'
      if (t.category === category && open && at.getTime() - t.createdAt.getTime() < 3 * 86400_000) return i
    }
    return null
  }
  for (let d = 0; d < weights.length; d++) {
    const n = Math.floor(weights[d] * perWeight + rng.next())
    const times = Array.from({ length: n }, () => receivedOn(rng, start, d))
      .filter((t) => t < now)
      .sort((a, b) => a.getTime() - b.getTime())
    for (const at of times) out.push(planConcern({ rng, community: cm, now, mergeTarget }, at))
  }
  return out
}

/** The status a planned concern had at `at` (its last event by then). */
function statusAt(c: PlannedConcern, at: Date) {
  let s = c.events[0].toStatus
  for (const e of c.events) if (e.createdAt <= at) s = e.toStatus
  return s
}

/** When the deadline job would have told the worker about each milestone it passed (so it is not told again). */
function overdueMarks(c: PlannedConcern, now: Date) {
  const open = !['declined', 'merged', 'closed'].includes(c.status)
  const mark = (due: Date | null, done: Date | null) => {
    if (!due) return null
    const told = new Date(due.getTime() + 3 * 60_000)
    const by = done ?? (open ? now : c.updatedAt)
    return told < by ? told : null
  }
  return {
    acknowledgeOverdueNotifiedAt: mark(c.acknowledgeDueAt, c.acknowledgedAt),
    arriveOverdueNotifiedAt: mark(c.arriveDueAt, c.arrivedAt ?? c.resolvedAt),
    overdueNotifiedAt: mark(c.dueAt, c.resolvedAt),
  }
}

async function insertChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size))
}

/** Writes one community's planned year: concerns, their events and the authors' follows. */
async function writeCommunity(tx: Tx, cm: HistoryCommunity & { key: Key; code: string }, plan: PlannedConcern[], now: Date) {
  const communityId = demo.community[cm.key]
  const ids = plan.map((_, i) => seedId('history', cm.key, String(i)))
  const counters = await tx.select().from(concernCounters).where(eq(concernCounters.communityId, communityId))
  const last = new Map(counters.map((c) => [c.year, c.last]))
  const numbers = plan.map((c) => {
    const year = toChinaLocal(c.createdAt).year
    const n = (last.get(year) ?? 0) + 1
    last.set(year, n)
    return `${cm.code}-${year}-${String(n).padStart(6, '0')}`
  })
  const ref = (i: number) => ({ id: ids[i], publicNo: numbers[i] })
  for (const [i, c] of plan.entries()) {
    if (c.mergedInto === null) continue
    const merge = c.events[c.events.length - 1]
    merge.data = { ...merge.data, target: ref(c.mergedInto) }
    const target = plan[c.mergedInto]
    const status = statusAt(target, merge.createdAt)
    target.events.push({
      ...merge,
      action: 'merged_in',
      fromStatus: status,
      toStatus: status,
      note: `合并了诉求 ${numbers[i]}`,
      data: { source: ref(i) },
    })
  }
  const rows = plan.map((c, i) => {
    const { events: _events, buildingNo, mergedInto, ...fields } = c
    return {
      ...fields,
      ...overdueMarks(c, now),
      id: ids[i],
      communityId,
      publicNo: numbers[i],
      buildingId: buildingNo ? demo.building(cm.key, buildingNo) : null,
      mergedIntoId: mergedInto === null ? null : ids[mergedInto],
      followCount: 1,
    }
  })
  // A merged concern points at one planned earlier: insert in receipt order, merged ones last.
  rows.sort((a, b) => Number(!!a.mergedIntoId) - Number(!!b.mergedIntoId))
  await insertChunks(rows, 200, (chunk) => tx.insert(concerns).values(chunk))
  const events = plan.flatMap((c, i) =>
    c.events
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((e, n) => ({ ...e, id: seedId('history-event', ids[i], String(n)), concernId: ids[i] })),
  )
  await insertChunks(events, 500, (chunk) => tx.insert(concernEvents).values(chunk))
  const follow = plan.map((c, i) => ({ concernId: ids[i], userId: c.authorId, createdAt: c.createdAt }))
  await insertChunks(follow, 1000, (chunk) => tx.insert(follows).values(chunk).onConflictDoNothing())
  const years = [...last].map(([year, n]) => ({ communityId, year, last: n }))
  if (years.length)
    await tx
      .insert(concernCounters)
      .values(years)
      .onConflictDoUpdate({
        target: [concernCounters.communityId, concernCounters.year],
        set: { last: sql`greatest(${concernCounters.last}, excluded.last)` },
      })
  return plan.length
}

/** Seeds the year before `now` unless it is there already; returns how many concerns it wrote (0: already seeded). */
export async function seedHistory(db: Db, options: { now: Date; seed?: number }): Promise<number> {
  const marker = seedId('history', 'wenan', '0')
  const [seen] = await db.select({ id: concerns.id }).from(concerns).where(eq(concerns.id, marker))
  if (seen) return 0
  const seed = options.seed ?? 11
  const list = historyCommunities()
  return db.transaction(async (tx) => {
    const people = list.flatMap((cm) =>
      authorsOf(cm.key).map((id, i) => ({
        id,
        nickname: `${surnames[(i * 7 + cm.code.charCodeAt(0)) % surnames.length]}${givens[i % givens.length]}`,
      })),
    )
    await tx.insert(users).values(people).onConflictDoNothing()
    let written = 0
    for (const [n, cm] of list.entries())
      written += await writeCommunity(tx, cm, planCommunity(cm, options.now, seed * 1000 + n), options.now)
    return written
  })
}
