import { describe, expect, it } from 'vitest'
import { isUnsatisfied } from '../domain/concerns/lifecycle.js'
import { type HistoryCommunity, planConcern } from './history-plan.js'
import { prng } from './history-random.js'

/** The planned timelines read like the use cases wrote them: in order, each step allowed, the row matching its last event. */
const community: HistoryCommunity = {
  key: 'test',
  buildings: 3,
  grids: { 1: { gridId: 'g1', workerId: 'w1' }, 2: { gridId: 'g1', workerId: 'w1' } },
  desk: { userId: 'admin', role: 'admin' },
  assignWorker: 'w2',
  partner: { orgName: '安居物业', userId: 'p1' },
  lateness: 1,
  authors: ['a1', 'a2', 'a3'],
  count: 0,
}
const now = new Date('2026-11-20T04:00:00Z')

function plan(seed: number, n: number) {
  const rng = prng(seed)
  const start = new Date('2025-11-20T00:00:00Z').getTime()
  return Array.from({ length: n }, (_, i) =>
    planConcern({ rng, community, now, mergeTarget: () => null }, new Date(start + ((i * 365) / n) * 86400_000)),
  )
}

describe('the seeded year’s plan', () => {
  it('is the same for the same seed and different for another', () => {
    expect(JSON.stringify(plan(7, 50))).toBe(JSON.stringify(plan(7, 50)))
    expect(JSON.stringify(plan(7, 50))).not.toBe(JSON.stringify(plan(8, 50)))
  })

  it('writes each timeline in time order, never after now, ending in the row’s status', () => {
    for (const c of plan(11, 800)) {
      const times = c.events.map((e) => e.createdAt.getTime())
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime())
      expect(c.events[0]).toMatchObject({ action: 'submit', actorRole: 'author', actorId: c.authorId })
      expect(c.events.at(-1)!.toStatus).toBe(c.status)
      for (const [i, e] of c.events.entries()) if (i > 0) expect(e.fromStatus).toBe(c.events[i - 1].toStatus)
    }
  })

  it('keeps the milestones consistent: deadlines from 签收, a rating with its day, a bad rating reopening once', () => {
    for (const c of plan(12, 800)) {
      expect(c.acknowledgeDueAt.getTime()).toBeGreaterThan(c.createdAt.getTime())
      if (c.resolvedAt) expect(c.dueAt).not.toBeNull()
      if (c.arrivedAt) expect(c.acknowledgedAt).not.toBeNull()
      expect(c.rating === null).toBe(c.ratedAt === null)
      expect(c.reopenCount).toBeLessThanOrEqual(1)
      const rates = c.events.filter((e) => e.action === 'rate')
      const first = rates[0]?.data as { rating: number; solved: boolean } | undefined
      if (first) expect(rates[0].toStatus).toBe(isUnsatisfied(first) ? 'reopened' : 'closed')
      if (c.gridId && c.assigneeOrg === null && c.acknowledgedAt && c.status !== 'declined') expect(c.assigneeUserId).toBe('w1')
    }
  })

  it('has most concerns acknowledged on time and resolved, some late, and a few never reached', () => {
    const all = plan(13, 1500)
    const acked = all.filter((c) => c.acknowledgedAt)
    const onTime = acked.filter((c) => c.acknowledgedAt! <= c.acknowledgeDueAt)
    expect(onTime.length / all.length).toBeGreaterThan(0.75)
    expect(onTime.length).toBeLessThan(acked.length)
    expect(all.some((c) => !c.acknowledgedAt && c.createdAt < new Date(now.getTime() - 30 * 86400_000))).toBe(true)
    expect(all.filter((c) => c.status === 'closed').length / all.length).toBeGreaterThan(0.7)
    expect(all.filter((c) => c.status === 'declined').length).toBeGreaterThan(20)
  })
})
